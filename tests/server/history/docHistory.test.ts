import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../utils/testServer.js';
import { api } from '../../utils/api.js';
import { createReviewWithMembers } from '../../utils/factories.js';
import { openDoc, openRaw, syncFrame, synced, until, type TestClient } from '../../utils/yjsClient.js';
import { CLOSE_FOREIGN_CLIENT } from '../../../shared/sync/closeCodes.js';

/** Runs on the embedded store, and on PostgreSQL when DATABASE_URL is set (each server its own schema). */
let server: Awaited<ReturnType<typeof startTestServer>>;
let fx: Awaited<ReturnType<typeof createReviewWithMembers>>;
const clients: TestClient[] = [];
const open = (name: string, cookie: string) => {
  const c = openDoc(server.url, name, cookie);
  clients.push(c);
  return c;
};

beforeAll(async () => {
  server = await startTestServer({ config: { docIdleUnloadMs: 50, historyMaxEntries: 6 } });
  fx = await createReviewWithMembers(server.url);
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  await server.close();
});

const police = () => `chronology.${fx.agencies[0]!.id}`;
const full = (doc: string) => `review.${fx.reviewId}.${doc}`;
const hist = (doc: string, cookie: string) => api(server.url, 'GET', `/api/reviews/${fx.reviewId}/history/${doc}`, { cookie });

/** Sets one field of one row (a record under `entries`) from a client. */
function setField(c: TestClient, key: string, field: string, value: string): void {
  const rows = c.doc.getMap<Y.Map<unknown>>('entries');
  c.doc.transact(() => {
    let row = rows.get(key);
    if (!row) {
      row = new Y.Map();
      rows.set(key, row);
    }
    row.set(field, value);
  });
}

/** Resolves once every update the server accepted so far is stored (history reads wait for that too). */
const stored = (doc: string) => server.deps.sync.history(full(doc));

describe('attribution', () => {
  it('attributes each stored update to the signed-in user whose socket sent it', async () => {
    const a = open(full('people'), fx.lead.cookie);
    const b = open(full('people'), fx.author.cookie);
    await Promise.all([synced(a), synced(b)]);
    a.doc.getMap<Y.Map<unknown>>('people').set('p1', new Y.Map([['name', 'Mother']]) as Y.Map<unknown>);
    await until(() => b.doc.getMap('people').has('p1'), 'relay to b');
    b.doc.getMap<Y.Map<unknown>>('people').get('p1')!.set('name', 'Mother (Ann)');
    await until(() => a.doc.getMap<Y.Map<unknown>>('people').get('p1')?.get('name') === 'Mother (Ann)', 'relay to a');
    const h = await stored('people');
    const users = h.entries.filter((e) => e.userId !== null).map((e) => e.userId);
    expect(users).toEqual([fx.lead.userId, fx.author.userId]);
    for (const e of h.entries) expect(e.at).toBeGreaterThan(Date.now() - 60_000);
    const res = await hist('people', fx.team.cookie);
    expect(res.status).toBe(200);
    expect(res.body.versions.map((v: { userName: string }) => v.userName)).toEqual([fx.author.name, fx.lead.name]);
    expect(res.body.versions[0].toText).toMatch(/^\d\d\/\d\d\/\d{4} \d\d:\d\d$/);
    // Per item: the person's versions, newest first, each with who changed which field.
    const item = await api(server.url, 'GET', `/api/reviews/${fx.reviewId}/history/people/items/people/p1`, { cookie: fx.team.cookie });
    expect(item.status).toBe(200);
    expect(item.body.versions.map((v: { userName: string; fields: string[] }) => [v.userName, v.fields])).toEqual([
      [fx.author.name, ['name']],
      [fx.lead.name, ['name']],
    ]);
  });

  it("cannot be forged: what a client claims is ignored, and writing under another user's client id is refused and not stored", async () => {
    const name = full('genogram');
    const a = open(name, fx.lead.cookie);
    await synced(a);
    a.doc.getMap('positions').set('n1', { x: 1 });
    await until(async () => (await stored('genogram')).entries.some((e) => e.userId === fx.lead.userId), 'lead edit stored');
    // The team member claims the lead's name in presence, and writes once as themself.
    const b = open(full('genogram'), fx.team.cookie);
    await synced(b);
    b.provider.awareness.setLocalStateField('user', { name: fx.lead.name, id: fx.lead.userId });
    b.doc.getMap('positions').set('n2', { x: 2 });
    await until(async () => (await stored('genogram')).entries.some((e) => e.userId === fx.team.userId), 'team edit stored');
    // Then a raw socket of the team member sends an update under the lead's Yjs client id: the server
    // closes it and stores nothing of it, so no entry can be made to look like the lead's.
    const raw = openRaw(server.url, name, fx.team.cookie);
    await raw.opened;
    const forged = new Y.Doc();
    Y.applyUpdate(forged, Y.encodeStateAsUpdate(a.doc));
    forged.clientID = a.doc.clientID;
    const sv = Y.encodeStateVector(forged);
    forged.getMap('positions').set('n3', { x: 3 });
    raw.ws.send(syncFrame(2, Y.encodeStateAsUpdate(forged, sv)));
    expect(await raw.closed).toBe(CLOSE_FOREIGN_CLIENT);
    const h = await stored('genogram');
    const replay = new Y.Doc();
    if (h.base) Y.applyUpdate(replay, h.base);
    for (const e of h.entries) Y.applyUpdate(replay, e.update);
    expect(replay.getMap('positions').has('n3')).toBe(false);
    const byTeam = h.entries.filter((e) => e.userId === fx.team.userId);
    expect(byTeam).toHaveLength(1);
    const only = new Y.Doc();
    Y.applyUpdate(only, Y.encodeStateAsUpdate(replay));
    expect(Object.keys(only.getMap('positions').toJSON()).sort()).toEqual(['n1', 'n2']);
  });
});

describe('restore', () => {
  it('restores one row to an earlier version as a new attributed update that live clients see', async () => {
    const author = open(full(police()), fx.author.cookie);
    const watcher = open(full(police()), fx.lead.cookie);
    await Promise.all([synced(author), synced(watcher)]);
    setField(author, 'r1', 'keyEvent', 'Police attended the home');
    await until(async () => (await stored(police())).entries.length >= 1, 'first stored');
    const first = (await stored(police())).entries.filter((e) => e.userId === fx.author.userId).at(-1)!.seq;
    setField(author, 'r1', 'keyEvent', 'Overwritten by mistake');
    setField(author, 'r2', 'keyEvent', 'Another row');
    await until(() => watcher.doc.getMap<Y.Map<unknown>>('entries').get('r2')?.get('keyEvent') === 'Another row', 'relay');

    // An author of another agency may read the history but not restore this agency's row.
    const refused = await api(server.url, 'POST', `/api/reviews/${fx.reviewId}/history/${police()}/restore`, {
      cookie: fx.author2.cookie,
      body: { seq: first, item: { root: 'entries', key: 'r1' } },
    });
    expect(refused.status).toBe(403);
    const res = await api(server.url, 'POST', `/api/reviews/${fx.reviewId}/history/${police()}/restore`, {
      cookie: fx.author.cookie,
      body: { seq: first, item: { root: 'entries', key: 'r1' } },
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ restored: true });
    await until(() => watcher.doc.getMap<Y.Map<unknown>>('entries').get('r1')?.get('keyEvent') === 'Police attended the home', 'restore seen live');
    // Only that row: the other row keeps its newer text.
    expect(watcher.doc.getMap<Y.Map<unknown>>('entries').get('r2')?.get('keyEvent')).toBe('Another row');
    const item = await api(server.url, 'GET', `/api/reviews/${fx.reviewId}/history/${police()}/items/entries/r1`, { cookie: fx.lead.cookie });
    expect(item.body.versions[0]).toMatchObject({ userName: fx.author.name, fields: ['keyEvent'], value: { keyEvent: 'Police attended the home' } });
    const last = (await stored(police())).entries.at(-1)!;
    expect(last.userId).toBe(fx.author.userId);
  });

  it('restores a whole doc, previews versions, and refuses bad input without changing anything', async () => {
    const a = open(full('chronology-team'), fx.team.cookie);
    await synced(a);
    const fields = a.doc.getMap<Y.Map<unknown>>('teamFields');
    fields.set('e1', new Y.Map([['note', 'v1']]) as Y.Map<unknown>);
    await until(async () => (await stored('chronology-team')).entries.some((e) => e.userId === fx.team.userId), 'stored');
    const v1 = (await stored('chronology-team')).entries.at(-1)!.seq;
    fields.get('e1')!.set('note', 'v2');
    fields.set('e2', new Y.Map([['note', 'new']]) as Y.Map<unknown>);
    await until(async () => (await stored('chronology-team')).entries.at(-1)!.seq > v1, 'v2 stored');
    const preview = await api(server.url, 'GET', `/api/reviews/${fx.reviewId}/history/chronology-team/versions/${v1}`, { cookie: fx.lead.cookie });
    expect(preview.status).toBe(200);
    expect(preview.body.content.teamFields).toEqual({ e1: { note: 'v1' } });
    const bad = await api(server.url, 'POST', `/api/reviews/${fx.reviewId}/history/chronology-team/restore`, { cookie: fx.team.cookie, body: { seq: 'x' } });
    expect(bad.status).toBe(400);
    const missing = await api(server.url, 'POST', `/api/reviews/${fx.reviewId}/history/chronology-team/restore`, { cookie: fx.team.cookie, body: { seq: 999_999 } });
    expect(missing.status).toBe(404);
    expect(fields.get('e1')!.get('note')).toBe('v2');
    // An agency author reads this doc but may not write it, so may not restore it.
    const author = await api(server.url, 'POST', `/api/reviews/${fx.reviewId}/history/chronology-team/restore`, { cookie: fx.author.cookie, body: { seq: v1 } });
    expect(author.status).toBe(403);
    const ok = await api(server.url, 'POST', `/api/reviews/${fx.reviewId}/history/chronology-team/restore`, { cookie: fx.team.cookie, body: { seq: v1 } });
    expect(ok.body).toEqual({ restored: true });
    await until(() => !fields.has('e2') && fields.get('e1')?.get('note') === 'v1', 'whole doc restored live');
  });
});

describe('named versions and access', () => {
  it('lets the review team name a version, and shows history read-only to observers', async () => {
    const h = await stored(police());
    const seq = h.entries.filter((e) => e.userId === fx.author.userId)[0]!.seq;
    const label = 'As submitted by the police on 03/11/2026';
    const byAuthor = await api(server.url, 'POST', `/api/reviews/${fx.reviewId}/history/${police()}/named`, { cookie: fx.author.cookie, body: { seq, label } });
    expect(byAuthor.status).toBe(403);
    const blank = await api(server.url, 'POST', `/api/reviews/${fx.reviewId}/history/${police()}/named`, { cookie: fx.team.cookie, body: { seq, label: '  ' } });
    expect(blank.status).toBe(400);
    const named = await api(server.url, 'POST', `/api/reviews/${fx.reviewId}/history/${police()}/named`, { cookie: fx.team.cookie, body: { seq, label } });
    expect(named.status).toBe(201);
    const list = await hist(police(), fx.lead.cookie);
    expect(list.body.named).toEqual([expect.objectContaining({ seq, label, createdBy: fx.team.name })]);
    // Observers read the history (read only); they may neither restore nor name a version.
    const observed = await hist(police(), fx.observer.cookie);
    expect(observed.status).toBe(200);
    expect(observed.body.mayRestore).toBe(false);
    expect(list.body.mayRestore).toBe(true);
    expect((await hist(police(), fx.outsider.cookie)).status).toBe(404);
    expect((await hist('chronology.AAAAAAAAAAAAAAAAAAAA', fx.lead.cookie)).status).toBe(404);
  });
});

describe('retention', () => {
  it('keeps at most the retention limit of entries through compaction, and the history still ends at the current state', async () => {
    const name = full('genogram');
    const a = open(name, fx.lead.cookie);
    await synced(a);
    for (let i = 0; i < 20; i++) a.doc.getMap('birthStatus').set(`b${i}`, i);
    await until(async () => (await stored('genogram')).entries.filter((e) => e.userId === fx.lead.userId).length >= 2, 'stored');
    for (const c of clients) c.destroy();
    clients.length = 0;
    // Every client gone: the room unloads and compacts, moving its log into the history.
    await until(() => server.deps.sync.loadedDocs === 0, 'unloaded');
    await server.deps.sync.unloaded();
    const h = await server.deps.docs.history(name);
    expect(h.entries.length).toBeLessThanOrEqual(6);
    expect(h.base).not.toBeNull();
    const replay = new Y.Doc();
    Y.applyUpdate(replay, h.base!);
    for (const e of h.entries) Y.applyUpdate(replay, e.update);
    const current = await server.deps.sync.snapshot(name);
    expect(replay.getMap('birthStatus').toJSON()).toEqual(current.getMap('birthStatus').toJSON());
    expect(replay.getMap('positions').toJSON()).toEqual({ n1: { x: 1 }, n2: { x: 2 } });
    // The versions listed start at the oldest retained entry, and older ones are not found.
    const list = await hist('genogram', fx.lead.cookie);
    expect(list.body.oldestSeq).toBe(h.entries[0]!.seq);
    expect((await api(server.url, 'GET', `/api/reviews/${fx.reviewId}/history/genogram/versions/${h.entries[0]!.seq - 1}`, { cookie: fx.lead.cookie })).status).toBe(404);
  });
});
