import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../utils/testServer.js';
import { createReviewWithMembers } from '../../utils/factories.js';
import { openDoc, synced, until, type TestClient } from '../../utils/yjsClient.js';
import { blankPerson } from '../../../shared/people.js';
import { writePerson } from '../../../shared/peopleDoc.js';
import { blankTeamFields, writeEntry, writeTeamFields } from '../../../shared/chronology/index.js';
import { PRACTITIONERS_MAP, writePractitioner } from '../../../shared/chronology/practitionersDoc.js';

/**
 * Practitioners an agency lists in its chronology doc are named in its rows ("seen by Janet Okafor"),
 * and every export replaces those names with role and agency; the named copy keeps them.
 */
let server: Awaited<ReturnType<typeof startTestServer>>;
let fx: Awaited<ReturnType<typeof createReviewWithMembers>>;
const clients: TestClient[] = [];
const open = (name: string, cookie: string) => {
  const c = openDoc(server.url, name, cookie);
  clients.push(c);
  return c;
};
const text = async (p: string, cookie: string) => {
  const res = await fetch(`${server.url}${p}`, { headers: { cookie } });
  return { status: res.status, body: await res.text() };
};
const ENTRY = 'entryPRACTITIONER001';

beforeAll(async () => {
  server = await startTestServer();
  fx = await createReviewWithMembers(server.url);
  const police = fx.agencies[0]!;
  const reg = open(`review.${fx.reviewId}.people`, fx.lead.cookie);
  const chron = open(`review.${fx.reviewId}.chronology.${police.id}`, fx.author.cookie);
  const team = open(`review.${fx.reviewId}.chronology-team`, fx.lead.cookie);
  await Promise.all([synced(reg), synced(chron), synced(team)]);
  writePerson(reg.doc, { ...blankPerson('p-child'), name: 'Maisie Thornbury', relationship: 'Subject child', isSubject: true, reportLabel: 'Child T' });
  writePractitioner(chron.doc, { id: 'practitioner00000001', agencyId: police.id, name: 'Janet Okafor', role: 'Detective Constable' });
  writeEntry(chron.doc, police.id, {
    id: ENTRY,
    agencyId: police.id,
    date: { precision: 'day', year: 2022, month: 2, day: 3, uncertainty: 'none' },
    time: null,
    sequence: 0,
    source: 'Police log',
    childContact: 'seen-alone',
    childContactBy: 'Janet Okafor',
    familyContactIds: [],
    familyContactBy: '',
    keyEvent: 'DC Okafor spoke to Maisie at school; Janet\u2019s notes record bruising.',
    comment: '',
    category: 'police-incident',
  });
  writeTeamFields(team.doc, ENTRY, { ...blankTeamFields(), keyLearning: true });
  // Another reader sees the practitioner and the team flag, so the server holds both.
  const check = open(`review.${fx.reviewId}.chronology.${police.id}`, fx.team.cookie);
  const checkTeam = open(`review.${fx.reviewId}.chronology-team`, fx.team.cookie);
  await until(() => check.doc.getMap(PRACTITIONERS_MAP).size === 1 && check.doc.getMap('entries').size === 1 && checkTeam.doc.getMap('teamFields').size === 1, 'synced');
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  await server.close();
});

describe('practitioners in exports', () => {
  it('the report replaces a practitioner\u2019s name with their role and agency', async () => {
    const res = await text(`/api/reviews/${fx.reviewId}/export/report.md`, fx.lead.cookie);
    expect(res.status).toBe(200);
    expect(res.body).toContain('Detective Constable (POL)');
    expect(res.body).not.toMatch(/Okafor|Janet|Maisie/i);
  });

  it('the pseudonymised chronology replaces it too, and the named copy keeps it', async () => {
    const pseudo = await text(`/api/reviews/${fx.reviewId}/chronology/export.csv?pseudonymise=true`, fx.lead.cookie);
    expect(pseudo.status).toBe(200);
    expect(pseudo.body).toContain('Detective Constable (POL)');
    expect(pseudo.body).not.toMatch(/Okafor|Janet/i);
    const named = await text(`/api/reviews/${fx.reviewId}/chronology/export.csv?pseudonymise=false`, fx.lead.cookie);
    expect(named.status).toBe(200);
    expect(named.body).toContain('Janet Okafor');
  });

  it('an author of another agency cannot add to this agency\u2019s practitioners', async () => {
    const police = fx.agencies[0]!;
    const intruder = open(`review.${fx.reviewId}.chronology.${police.id}`, fx.author2.cookie);
    await synced(intruder);
    writePractitioner(intruder.doc, { id: 'practitioner00000666', agencyId: police.id, name: 'Forged Name', role: 'Forged' });
    const fresh = open(`review.${fx.reviewId}.chronology.${police.id}`, fx.team.cookie);
    await synced(fresh);
    // A later, legitimate write arrives, proving the forged one (sent first) was dropped rather than delayed.
    writePractitioner(clients[1]!.doc, { id: 'practitioner00000002', agencyId: police.id, name: 'Sam Reid', role: 'Sergeant' });
    await until(() => fresh.doc.getMap(PRACTITIONERS_MAP).has('practitioner00000002'), 'legitimate write relayed');
    expect(fresh.doc.getMap(PRACTITIONERS_MAP).has('practitioner00000666')).toBe(false);
  });
});
