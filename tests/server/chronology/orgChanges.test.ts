import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../utils/testServer.js';
import { createReviewWithMembers } from '../../utils/factories.js';
import { openDoc, synced, until, type TestClient } from '../../utils/yjsClient.js';
import { docName } from '../../../shared/docNames.js';
import { blankPerson } from '../../../shared/people.js';
import { writePerson } from '../../../shared/peopleDoc.js';
import { ORG_CHANGES_MAP, exactDate, readOrgChanges, writeOrgChange, type OrgChange } from '../../../shared/chronology/index.js';
import { readXlsxRows } from '../../../server/formats/xlsxReader.js';

/**
 * Issue 3: each agency's organisational changes chronology lives in the agency's own chronology
 * document, so the server's per-agency write rule covers it. A crafted update from another agency's
 * author is neither stored nor relayed; the lead reviewer may write on an agency's behalf; the API
 * and the .xlsx export carry every agency's changes.
 */

let server: Awaited<ReturnType<typeof startTestServer>>;
let fx: Awaited<ReturnType<typeof createReviewWithMembers>>;
const clients: TestClient[] = [];
const open = (name: string, cookie: string) => {
  const c = openDoc(server.url, name, cookie);
  clients.push(c);
  return c;
};
const agencyDoc = (i: number) => docName({ reviewId: fx.reviewId, kind: 'chronology', agencyId: fx.agencies[i]!.id });
const change = (id: string, agencyId: string, text: string, over: Partial<OrgChange> = {}): OrgChange => ({
  id,
  agencyId,
  date: exactDate('2019-04-01'),
  change: text,
  impact: '',
  ...over,
});

/** What storage holds for a document, replayed into a fresh Y.Doc. */
async function stored(name: string): Promise<Y.Doc> {
  const replay = new Y.Doc();
  for (const u of await server.deps.docs.load(name)) Y.applyUpdate(replay, u);
  return replay;
}

/** Waits until `watcher` sees presence `marker` from `sender`: the server has handled every earlier frame of the sender. */
async function afterFramesOf(sender: TestClient, watcher: TestClient, marker: string): Promise<void> {
  sender.provider.awareness.setLocalStateField('editing', marker);
  await until(() => (watcher.provider.awareness.getStates().get(sender.doc.clientID) as { editing?: string } | undefined)?.editing === marker, `presence ${marker}`);
}

const getJson = async (path: string, cookie: string) => {
  const res = await fetch(`${server.url}${path}`, { headers: { cookie } });
  return { status: res.status, body: (await res.json()) as any };
};
const getBytes = async (path: string, cookie: string) => {
  const res = await fetch(`${server.url}${path}`, { headers: { cookie } });
  return { status: res.status, bytes: new Uint8Array(await res.arrayBuffer()) };
};

beforeAll(async () => {
  server = await startTestServer();
  fx = await createReviewWithMembers(server.url);
  const people = open(docName({ reviewId: fx.reviewId, kind: 'people' }), fx.lead.cookie);
  await synced(people);
  writePerson(people.doc, { ...blankPerson('p-mum'), name: 'Kerry Thornbury', relationship: 'Mother', reportLabel: 'Mother' });
  const check = open(docName({ reviewId: fx.reviewId, kind: 'people' }), fx.team.cookie);
  await until(() => check.doc.getMap('people').size === 1, 'register stored');
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  await server.close();
});

describe('organisational changes ownership', () => {
  it('never stores or relays a crafted update from agency A’s author to agency B’s organisational changes', async () => {
    const bId = fx.agencies[1]!.id;
    const authorA = open(agencyDoc(1), fx.author.cookie);
    const authorB = open(agencyDoc(1), fx.author2.cookie);
    const observer = open(agencyDoc(1), fx.observer.cookie);
    await Promise.all([synced(authorA), synced(authorB), synced(observer)]);

    // A valid-looking change, written by A's author straight into B's document.
    writeOrgChange(authorA.doc, bId, change('forgedChange00000001', bId, 'Forged by another agency'));
    // And a raw map entry that is not even a valid change.
    authorA.doc.getMap(ORG_CHANGES_MAP).set('forgedRaw0000000001', 'raw');
    await afterFramesOf(authorA, authorB, 'after-forgery');

    writeOrgChange(authorB.doc, bId, change('realChange000000001', bId, 'Health visiting teams merged'));
    await until(() => readOrgChanges(observer.doc, bId).some((c) => c.id === 'realChange000000001'), 'observer reads B’s change');
    await until(() => readOrgChanges(authorA.doc, bId).some((c) => c.id === 'realChange000000001'), 'A reads B’s change');

    for (const doc of [authorB.doc, observer.doc, await stored(agencyDoc(1))]) {
      expect(doc.getMap(ORG_CHANGES_MAP).has('forgedChange00000001')).toBe(false);
      expect(doc.getMap(ORG_CHANGES_MAP).has('forgedRaw0000000001')).toBe(false);
      expect(readOrgChanges(doc, bId).map((c) => c.change)).toEqual(['Health visiting teams merged']);
    }
    // A client that joins later gets only B's own change.
    const late = open(agencyDoc(1), fx.team.cookie);
    await synced(late);
    expect(readOrgChanges(late.doc, bId).map((c) => c.id)).toEqual(['realChange000000001']);
  });

  it('drops an observer’s and a review-team member’s changes, and stores the lead reviewer’s on the agency’s behalf', async () => {
    const aId = fx.agencies[0]!.id;
    const author = open(agencyDoc(0), fx.author.cookie);
    const observer = open(agencyDoc(0), fx.observer.cookie);
    const team = open(agencyDoc(0), fx.team.cookie);
    const lead = open(agencyDoc(0), fx.lead.cookie);
    await Promise.all([synced(author), synced(observer), synced(team), synced(lead)]);

    writeOrgChange(observer.doc, aId, change('observerChange00001', aId, 'Observer edit'));
    writeOrgChange(team.doc, aId, change('teamChange000000001', aId, 'Review team edit'));
    await afterFramesOf(observer, author, 'observer-done');
    await afterFramesOf(team, author, 'team-done');
    writeOrgChange(lead.doc, aId, change('leadChange000000001', aId, 'Public protection unit restructured', { date: exactDate('2019-03-01'), impact: 'Referrals were delayed' }));
    await until(() => readOrgChanges(author.doc, aId).some((c) => c.id === 'leadChange000000001'), 'author sees the lead’s change');

    const kept = readOrgChanges(await stored(agencyDoc(0)), aId).map((c) => c.id);
    expect(kept).toEqual(['leadChange000000001']);
    expect(readOrgChanges(author.doc, aId).map((c) => c.id)).toEqual(['leadChange000000001']);

    // The agency's own author edits the lead's entry; everyone sees the edit.
    writeOrgChange(
      author.doc,
      aId,
      change('leadChange000000001', aId, 'Public protection unit restructured', { date: exactDate('2019-03-01'), impact: 'Referrals to Kerry Thornbury’s area were delayed' }),
    );
    await until(
      () =>
        readOrgChanges(observer.doc, aId)
          .find((c) => c.id === 'leadChange000000001')
          ?.impact.startsWith('Referrals to Kerry') === true,
      'observer sees the author’s edit',
    );
  });
});

describe('organisational changes in the API and the export', () => {
  it('lists every agency’s changes in date order with agency code and colour, for any member', async () => {
    const res = await getJson(`/api/reviews/${fx.reviewId}/chronology`, fx.observer.cookie);
    expect(res.status).toBe(200);
    expect(res.body.orgChanges.map((c: { agencyCode: string; change: string }) => [c.agencyCode, c.change])).toEqual([
      ['POL', 'Public protection unit restructured'],
      ['ICB', 'Health visiting teams merged'],
    ]);
    expect(res.body.orgChanges[1]).toMatchObject({ id: 'realChange000000001', agencyId: fx.agencies[1]!.id, impact: '' });
    expect(res.body.orgChanges[0].colour).toMatch(/^#[0-9a-fA-F]{6}$/);
    expect(res.body.orgChanges[0].date).toEqual(exactDate('2019-03-01'));
    expect((await getJson(`/api/reviews/${fx.reviewId}/chronology`, fx.outsider.cookie)).status).toBe(404);
  });

  it('adds an "Organisational changes" sheet to the .xlsx, pseudonymised and neutralised, and leaves the .csv to key events', async () => {
    const lead = open(agencyDoc(1), fx.lead.cookie);
    await synced(lead);
    writeOrgChange(
      lead.doc,
      fx.agencies[1]!.id,
      change('formulaChange000001', fx.agencies[1]!.id, '=HYPERLINK("http://evil")', { date: exactDate('2019-05-02'), impact: '+ caseload review' }),
    );
    await expectEventually(async () => (await getJson(`/api/reviews/${fx.reviewId}/chronology`, fx.lead.cookie)).body.orgChanges.length === 3);

    const pseudo = await getBytes(`/api/reviews/${fx.reviewId}/chronology/export.xlsx?pseudonymise=true`, fx.team.cookie);
    expect(pseudo.status).toBe(200);
    const sheet = readXlsxRows(pseudo.bytes, { sheet: 'Organisational changes' }).map((r) => r.map((c) => c.text));
    expect(sheet[0]![0]).toMatch(/^OFFICIAL-SENSITIVE/);
    expect(sheet[1]).toEqual(['Agency', 'Date (DD/MM/YYYY)', 'Organisational change', 'Impact on frontline practice']);
    expect(sheet.slice(2)).toEqual([
      ['POL', '01/03/2019', 'Public protection unit restructured', 'Referrals to Mother’s area were delayed'],
      ['ICB', '01/04/2019', 'Health visiting teams merged'],
      ['ICB', '02/05/2019', '\'=HYPERLINK("http://evil")', "'+ caseload review"],
    ]);
    expect(JSON.stringify(sheet)).not.toMatch(/Kerry|Thornbury/);
    // The key events stay on the first sheet.
    expect(readXlsxRows(pseudo.bytes).map((r) => r.map((c) => c.text))[1]![0]).toBe('Agency');

    const named = await getBytes(`/api/reviews/${fx.reviewId}/chronology/export.xlsx?pseudonymise=false`, fx.lead.cookie);
    const namedSheet = readXlsxRows(named.bytes, { sheet: 'Organisational changes' }).map((r) => r.map((c) => c.text));
    expect(namedSheet[2]![3]).toBe('Referrals to Kerry Thornbury’s area were delayed');

    const csv = new TextDecoder().decode((await getBytes(`/api/reviews/${fx.reviewId}/chronology/export.csv?pseudonymise=false`, fx.lead.cookie)).bytes);
    expect(csv).not.toContain('Health visiting teams merged');
  });

  it('refuses a pseudonymised export when an organisational change still holds a register name, saying where', async () => {
    const people = open(docName({ reviewId: fx.reviewId, kind: 'people' }), fx.lead.cookie);
    await synced(people);
    // A report label that is part of the real name defeats pseudonymisation; the leak check catches it.
    writePerson(people.doc, { ...blankPerson('p-aunt'), name: 'Dana Price', relationship: 'Aunt', reportLabel: 'Dana' });
    const doc = open(agencyDoc(0), fx.author.cookie);
    await synced(doc);
    writeOrgChange(doc.doc, fx.agencies[0]!.id, change('leakyChange00000001', fx.agencies[0]!.id, 'Dana Price’s case moved team'));
    await expectEventually(async () => (await getJson(`/api/reviews/${fx.reviewId}/chronology`, fx.lead.cookie)).body.orgChanges.length === 4);
    const res = await getBytes(`/api/reviews/${fx.reviewId}/chronology/export.xlsx?pseudonymise=true`, fx.lead.cookie);
    expect(res.status).toBe(422);
    const body = JSON.parse(new TextDecoder().decode(res.bytes));
    expect(body.error.code).toBe('leak-found');
    expect(body.error.message).toMatch(/Organisational changes row \d+, Organisational change/);
    expect(body.error.message).not.toContain('Dana');
  });
});

/** Polls an async check until it is true (bounded, as `until` is). */
async function expectEventually(check: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out waiting for the server to store the change');
    await new Promise((r) => setTimeout(r, 50));
  }
}
