import { api } from '../../utils/api.js';
import { createReviewWithMembers } from '../../utils/factories.js';
import { startTestServer } from '../../utils/testServer.js';
import { openDoc, synced } from '../../utils/yjsClient.js';
import { blankPerson } from '../../../shared/people.js';
import { writePerson } from '../../../shared/peopleDoc.js';
import { emptyRapidReview, type RapidReviewContent } from '../../../shared/lifecycle/index.js';

/** The family every lifecycle test review has: real-looking names that the exports must keep. */
export const FAMILY = [
  {
    ...blankPerson('p-child'),
    name: 'Maisie Thornbury',
    relationship: 'Subject child',
    isSubject: true,
    dateOfBirth: '2019-03-14',
    gender: 'female' as const,
    ethnicity: 'White British',
  },
  { ...blankPerson('p-mum'), name: 'Kerry Thornbury', aliases: ['Kez'], relationship: 'Mother', addresses: ['12 Larch Close, Northby NB1 4QT'], dateOfBirth: '1996-07-02' },
];

/**
 * A running server with a review (from createReviewWithMembers: police and ICB agencies, one member of
 * each role) plus a local authority agency and the family in the people register.
 */
export async function startLifecycleFixture() {
  const server = await startTestServer();
  const fx = await createReviewWithMembers(server.url);
  const la = await api(server.url, 'POST', `/api/reviews/${fx.reviewId}/agencies`, {
    cookie: fx.lead.cookie,
    body: { name: 'Test Children’s Social Care', shortCode: 'CSC', partnerType: 'local-authority' },
  });
  if (la.status !== 201) throw new Error(`add agency failed ${la.status}`);
  const police = fx.agencies[0]!;
  const icb = fx.agencies[1]!;
  const client = openDoc(server.url, `review.${fx.reviewId}.people`, fx.lead.cookie);
  await synced(client);
  for (const p of FAMILY) writePerson(client.doc, p);
  // Wait until the server holds the register, read back through a second, fresh connection.
  const check = openDoc(server.url, `review.${fx.reviewId}.people`, fx.team.cookie);
  await synced(check);
  const end = Date.now() + 10_000;
  while (check.doc.getMap('people').size < FAMILY.length) {
    if (Date.now() > end) throw new Error('people register did not sync');
    await new Promise((r) => setTimeout(r, 20));
  }
  check.destroy();
  client.destroy();
  return {
    server,
    fx,
    agencies: { police: police.id, icb: icb.id, la: la.body.id as string },
    async close() {
      await server.close();
    },
    /** Every audit line written so far. */
    auditLines() {
      return server.deps.audit.lines();
    },
  };
}

/** A Rapid Review record with the given participants and a few answers filled in. */
export function sampleRecord(participants: RapidReviewContent['participants']): RapidReviewContent {
  const c = emptyRapidReview();
  return {
    ...c,
    background: { ...c.background, incidentDate: '28/10/2026', meetingDate: '12/11/2026' },
    participants,
    observers: [{ name: 'Olive Observer', role: 'Business support', organisation: 'Partnership team' }],
    omissions: [{ agency: 'Ambulance service', reason: 'No involvement found' }],
    caseSummary: 'Maisie was taken to hospital with a head injury.',
    immediateAction: { allTaken: 'yes', details: 'Siblings placed with grandmother.' },
    criteria: ['working-together', 'recurrent-themes'],
    discussion: { ...c.discussion, conclusion: 'Learning about information sharing at weekends.' },
    recommendation: 'b',
    proposedKloes: ['How did agencies share information about the mother’s new partner?'],
    reasons: 'Potential for multi-agency learning.',
    signOff: { ...c.signOff, ratification: 'Ratified by the three partners by email.', endorsedBy: 'Independent Scrutineer Jo Marsh', dateSubmitted: null },
    panelLetter: {
      ...c.panelLetter,
      panelChairName: 'Sir Test Chair',
      caseReference: 'Child T (RR-2026-04)',
      signatoryName: 'Pat Partnership',
      signatoryTitle: 'Business Manager',
    },
  };
}
