import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../utils/testServer.js';
import { api } from '../../utils/api.js';
import { createReviewWithMembers } from '../../utils/factories.js';
import { writeReportDraft } from '../../utils/reportDraft.js';
import { openDoc, synced, until, type TestClient } from '../../utils/yjsClient.js';
import { blankPerson } from '../../../shared/people.js';
import { writePerson } from '../../../shared/peopleDoc.js';
import { blankTeamFields, writeEntry, writeTeamFields } from '../../../shared/chronology/index.js';
import { emptyDraft } from '../../../shared/report/index.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
let fx: Awaited<ReturnType<typeof createReviewWithMembers>>;
const clients: TestClient[] = [];
const open = (name: string, cookie: string) => {
  const c = openDoc(server.url, name, cookie);
  clients.push(c);
  return c;
};
const url = () => `/api/reviews/${fx.reviewId}/export/redaction-review`;

beforeAll(async () => {
  server = await startTestServer();
  fx = await createReviewWithMembers(server.url);
  const reg = open(`review.${fx.reviewId}.people`, fx.lead.cookie);
  const chron = open(`review.${fx.reviewId}.chronology.${fx.agencies[0]!.id}`, fx.author.cookie);
  const team = open(`review.${fx.reviewId}.chronology-team`, fx.lead.cookie);
  await Promise.all([synced(reg), synced(chron), synced(team)]);
  writePerson(reg.doc, { ...blankPerson('p-mum'), name: 'Elizabeth Thornbury', relationship: 'Mother', reportLabel: 'Mother' });
  writePerson(reg.doc, { ...blankPerson('p-child'), name: 'Maisie Thornbury', relationship: 'Subject child', isSubject: true, reportLabel: 'Child T', dateOfBirth: '2019-03-14' });
  writeEntry(chron.doc, fx.agencies[0]!.id, {
    id: 'entryBBBBBBBBBBBBBBBB',
    agencyId: fx.agencies[0]!.id,
    date: { precision: 'day', year: 2021, month: 6, day: 5, uncertainty: 'none' },
    time: null,
    sequence: 0,
    source: 'Hospital notes',
    childContact: 'seen',
    childContactBy: '',
    familyContactIds: ['p-mum'],
    familyContactBy: '',
    keyEvent: 'Dr Okoro examined Maisie; Liz said she fell. Seen at Brook clinic.',
    comment: '',
    category: 'hospital-attendance',
  });
  writeTeamFields(team.doc, 'entryBBBBBBBBBBBBBBBB', { ...blankTeamFields(), keyLearning: true });
  const check = open(`review.${fx.reviewId}.chronology.${fx.agencies[0]!.id}`, fx.lead.cookie);
  const checkTeam = open(`review.${fx.reviewId}.chronology-team`, fx.lead.cookie);
  await until(() => check.doc.getMap('entries').size === 1 && checkTeam.doc.getMap('teamFields').size === 1, 'chronology synced');
  const draft = { ...emptyDraft(), introduction: 'Maisie Thornbury\u2019s family was invited to contribute.', familyInvolved: true };
  await writeReportDraft(server.url, fx.reviewId, fx.lead.cookie, draft);
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  await server.close();
});

describe('redaction review API', () => {
  it('lists replacements and flags for the report, and refuses the export with 409 review-needed', async () => {
    const res = await api(server.url, 'GET', `${url()}?output=report`, { cookie: fx.lead.cookie });
    expect(res.status).toBe(200);
    expect(res.body.replacements.map((r: { text: string }) => r.text)).toEqual(expect.arrayContaining(['Maisie', 'Maisie Thornbury']));
    const flags = res.body.flags as { id: string; text: string; kind: string; suggestion: string; place: string }[];
    expect(flags.map((f) => [f.text, f.kind])).toEqual(
      expect.arrayContaining([
        ['Okoro', 'titled-name'],
        ['Liz', 'nickname'],
      ]),
    );
    expect(flags.find((f) => f.text === 'Liz')!.suggestion).toBe('Mother');
    const refused = await api(server.url, 'GET', `/api/reviews/${fx.reviewId}/export/report.md`, { cookie: fx.lead.cookie });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('review-needed');
    const chronRefused = await api(server.url, 'GET', `/api/reviews/${fx.reviewId}/chronology/export.csv?pseudonymise=true`, { cookie: fx.lead.cookie });
    expect(chronRefused.status).toBe(409);
  });

  it('is for the lead reviewer only and validates its input', async () => {
    expect((await api(server.url, 'GET', `${url()}?output=report`, { cookie: fx.team.cookie })).status).toBe(403);
    expect((await api(server.url, 'GET', `${url()}?output=genogram`, { cookie: fx.lead.cookie })).status).toBe(400);
    expect((await api(server.url, 'POST', `${url()}/decisions`, { cookie: fx.lead.cookie, body: { decisions: [{ id: 'titled-name-zz', action: 'redact' }] } })).status).toBe(400);
    expect((await api(server.url, 'POST', `${url()}/decisions`, { cookie: fx.lead.cookie, body: { decisions: [{ id: 'titled-name-1', action: 'replace' }] } })).status).toBe(400);
    expect((await api(server.url, 'POST', `${url()}/decisions`, { cookie: fx.team.cookie, body: { decisions: [{ id: 'titled-name-1', action: 'redact' }] } })).status).toBe(403);
  });

  it('stores decisions, reuses them in later exports, audits them, and lets the export through', async () => {
    const review = await api(server.url, 'GET', `${url()}?output=report`, { cookie: fx.lead.cookie });
    const okoro = review.body.flags.find((f: { text: string }) => f.text === 'Okoro');
    const liz = review.body.flags.find((f: { text: string }) => f.text === 'Liz');
    const saved = await api(server.url, 'POST', `${url()}/decisions`, {
      cookie: fx.lead.cookie,
      body: {
        decisions: [
          { id: okoro.id, action: 'replace', replacement: 'the paediatrician' },
          { id: liz.id, action: 'accept' },
        ],
      },
    });
    expect(saved.status).toBe(200);
    const after = await api(server.url, 'GET', `${url()}?output=report`, { cookie: fx.lead.cookie });
    expect(after.body.flags.every((f: { decided: boolean }) => f.decided)).toBe(true);
    const md = await api(server.url, 'GET', `/api/reviews/${fx.reviewId}/export/report.md`, { cookie: fx.lead.cookie });
    expect(md.status).toBe(200);
    expect(md.body).toContain('Dr the paediatrician examined Child T; Mother said she fell');
    expect(md.body).not.toMatch(/Okoro|Liz|Maisie|Thornbury/);
    const csv = await api(server.url, 'GET', `/api/reviews/${fx.reviewId}/chronology/export.csv?pseudonymise=true`, { cookie: fx.lead.cookie });
    expect(csv.status).toBe(200);
    expect(csv.body).toContain('Dr the paediatrician examined Child T');
    const audit = JSON.stringify(await server.deps.audit.lines());
    expect(audit).toContain(`"type":"redaction.decided"`);
    expect(audit).toContain('"reason":"review-needed-report"');
    expect(audit).not.toContain('Okoro');
  });

  it('redacts, then marks text as not identifying, which allowlists it for every output and the leak check', async () => {
    const review = await api(server.url, 'GET', `${url()}?output=chronology`, { cookie: fx.lead.cookie });
    expect(review.status).toBe(200);
    const maisie = review.body.replacements.find((r: { text: string }) => r.text === 'Maisie');
    const saved = await api(server.url, 'POST', `${url()}/decisions`, { cookie: fx.lead.cookie, body: { decisions: [{ id: maisie.id, action: 'redact' }] } });
    expect(saved.status).toBe(200);
    const csv = await api(server.url, 'GET', `/api/reviews/${fx.reviewId}/chronology/export.csv?pseudonymise=true`, { cookie: fx.lead.cookie });
    expect(csv.body).toContain('examined [redacted]');
    const kept = await api(server.url, 'POST', `${url()}/decisions`, { cookie: fx.lead.cookie, body: { decisions: [{ id: maisie.id, action: 'not-identifying' }] } });
    expect(kept.body.allowlist).toEqual(['Maisie']);
    const again = await api(server.url, 'GET', `/api/reviews/${fx.reviewId}/chronology/export.csv?pseudonymise=true`, { cookie: fx.lead.cookie });
    expect(again.status).toBe(200);
    expect(again.body).toContain('examined Maisie');
    const undo = await api(server.url, 'POST', `${url()}/decisions`, { cookie: fx.lead.cookie, body: { decisions: [{ id: maisie.id, action: 'accept' }] } });
    expect(undo.body.allowlist).toEqual([]);
    const workshop = await api(server.url, 'GET', `${url()}?output=workshop`, { cookie: fx.lead.cookie });
    expect(workshop.status).toBe(200);
  });
});
