import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../utils/api.js';
import { createReviewWithMembers, inviteAndAccept } from '../../utils/factories.js';
import { startTestServer } from '../../utils/testServer.js';
import { openDoc, synced, until, type TestClient, upgradeStatusAt } from '../../utils/yjsClient.js';
import { REPORT_SECTIONS, TEMPLATE_BLOCK, readInformationReport, readLearningTemplate, writeSection } from '../../../shared/evidence/index.js';

/**
 * Ownership of the agency evidence documents with real WebsocketProvider clients: an agency's
 * learning template and information report are written by that agency's authors only; a crafted
 * update from anyone else is never stored or relayed, and another agency's author cannot open them.
 */

let server: Awaited<ReturnType<typeof startTestServer>>;
let fx: Awaited<ReturnType<typeof createReviewWithMembers>>;
const clients: TestClient[] = [];
const open = (...args: Parameters<typeof openDoc>) => {
  const c = openDoc(...args);
  clients.push(c);
  return c;
};

beforeAll(async () => {
  server = await startTestServer({ config: { docIdleUnloadMs: 50 } });
  fx = await createReviewWithMembers(server.url);
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  await server.close();
});

/** The raw HTTP status an upgrade to a doc gets (101 when it becomes a socket). */
const upgradeStatus = (name: string, cookie: string) => upgradeStatusAt(server.url, `/yjs/${name}`, { origin: server.url, cookie });

async function storedDoc(name: string): Promise<Y.Doc> {
  const replay = new Y.Doc();
  for (const u of await server.deps.docs.load(name)) Y.applyUpdate(replay, u);
  return replay;
}

describe.each(['learning-template', 'information-report'] as const)('%s ownership', (kind) => {
  const nameFor = (agencyIndex: number) => `review.${fx.reviewId}.${kind}.${fx.agencies[agencyIndex]!.id}`;

  it('does not open an agency’s document to another agency’s author', async () => {
    expect(await upgradeStatus(nameFor(1), fx.author.cookie)).not.toBe(101);
    expect(await upgradeStatus(nameFor(0), fx.author.cookie)).toBe(101);
    expect(await upgradeStatus(nameFor(0), fx.outsider.cookie)).toBe(404);
    // An agency id that is not one of this review's agencies opens nothing, even for the review team.
    expect(await upgradeStatus(`review.${fx.reviewId}.${kind}.${fx.otherReviewId}`, fx.team.cookie)).not.toBe(101);
  });

  it('relays the owning agency’s edits and drops a crafted update from a reader', async () => {
    const name = nameFor(1);
    const owner = open(server.url, name, fx.author2.cookie);
    const team = open(server.url, name, fx.team.cookie);
    const observer = open(server.url, name, fx.observer.cookie);
    await Promise.all([synced(owner), synced(team), synced(observer)]);
    // The review team and observers read; a crafted write from either must go nowhere.
    writeSection(team.doc, 'kloe-1', TEMPLATE_BLOCK, { analysis: 'forged by the review team' }, 1000);
    observer.doc.getMap('sections').set('forged', new Y.Map());
    team.provider.awareness.setLocalStateField('editing', 'after-forgery');
    await until(() => (owner.provider.awareness.getStates().get(team.doc.clientID) as { editing?: string } | undefined)?.editing === 'after-forgery', 'team presence');
    writeSection(owner.doc, 'kloe-2', TEMPLATE_BLOCK, { analysis: 'written by the agency' }, 1000);
    await until(() => readLearningTemplate(team.doc, ['a', 'b']).kloes[1]!.fields['analysis'] === 'written by the agency', 'owner edit relayed');
    const stored = await storedDoc(name);
    expect(stored.getMap('sections').has('forged')).toBe(false);
    expect(readLearningTemplate(stored, ['a', 'b']).kloes.map((k) => k.fields['analysis'])).toEqual(['', 'written by the agency']);
    expect(owner.doc.getMap('sections').has('kloe-1')).toBe(false);
    expect(owner.doc.getMap('sections').has('forged')).toBe(false);
  });
});

describe('locking once submitted', () => {
  it('turns the agency’s write access to read while its evidence is submitted, and back when returned', async () => {
    const url = server.url;
    const icb = fx.agencies[1]!.id;
    const senior = await inviteAndAccept(url, fx.lead.cookie, fx.reviewId, 'agency-author', icb);
    const members = (await api(url, 'GET', `/api/reviews/${fx.reviewId}/members`, { cookie: fx.lead.cookie })).body.members as { id: string; userId: string }[];
    const ev = (p: string) => `/api/reviews/${fx.reviewId}/evidence${p}`;
    expect(
      (await api(url, 'PUT', ev(`/senior-leads/${members.find((m) => m.userId === senior.userId)!.id}`), { cookie: fx.lead.cookie, body: { designation: 'Chief Nurse' } })).status,
    ).toBe(200);
    const req = (await api(url, 'POST', ev('/requests'), { cookie: fx.team.cookie, body: { agencyIds: [icb], kinds: ['information-report'] } })).body.created[0];
    let version = req.version as number;
    const act = async (cookie: string, action: string, reason = '') => {
      const r = await api(url, 'POST', ev(`/requests/${req.id}/actions`), { cookie, body: { action, reason, baseVersion: version } });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      version = r.body.version;
    };
    await act(fx.author2.cookie, 'start');
    await act(senior.cookie, 'endorse');
    const name = `review.${fx.reviewId}.information-report.${icb}`;
    const before = open(url, name, fx.author2.cookie);
    await synced(before);
    await act(fx.author2.cookie, 'submit');
    // The open connection is closed so that it reconnects with read access.
    expect((await before.closed).code).toBe(4001);
    before.provider.disconnect();

    const author = open(url, name, fx.author2.cookie);
    const team = open(url, name, fx.team.cookie);
    await Promise.all([synced(author), synced(team)]);
    writeSection(author.doc, 'q4', REPORT_SECTIONS.q4, { analysis: 'changed after submission' }, 1000);
    author.provider.awareness.setLocalStateField('editing', 'after-submit');
    await until(() => (team.provider.awareness.getStates().get(author.doc.clientID) as { editing?: string } | undefined)?.editing === 'after-submit', 'author presence');
    expect(readInformationReport(team.doc).q4['analysis']).toBe('');
    expect(readInformationReport(await storedDoc(name)).q4['analysis']).toBe('');

    await act(fx.team.cookie, 'return', 'Please answer question 4.');
    const again = open(url, name, fx.author2.cookie);
    await synced(again);
    writeSection(again.doc, 'q4', REPORT_SECTIONS.q4, { analysis: 'revised after return' }, 1000);
    await until(() => readInformationReport(team.doc).q4['analysis'] === 'revised after return', 'revision relayed');
  });
});
