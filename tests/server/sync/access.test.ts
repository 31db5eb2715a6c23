import WebSocket from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../utils/testServer.js';
import { api } from '../../utils/api.js';
import { MAX_YJS_FRAME_BYTES } from '../../../shared/limits.js';
import { createReviewWithMembers } from '../../utils/factories.js';
import { openDoc, synced, until, type TestClient, upgradeStatusAt } from '../../utils/yjsClient.js';

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

/** The raw HTTP status an upgrade attempt gets (101 when it becomes a socket). */
const upgradeStatus = (path: string, headers: Record<string, string>) => upgradeStatusAt(server.url, path, headers);

describe('Yjs upgrade authorisation', () => {
  const people = () => `/yjs/review.${fx.reviewId}.people`;

  it('refuses an upgrade without a session', async () => {
    expect(await upgradeStatus(people(), { origin: server.url })).toBe(401);
  });

  it('refuses an upgrade from a foreign Origin, even with a valid session', async () => {
    expect(await upgradeStatus(people(), { origin: 'https://evil.example', cookie: fx.lead.cookie })).toBe(403);
  });

  it("refuses another review's documents and names outside the grammar", async () => {
    expect(await upgradeStatus(people(), { origin: server.url, cookie: fx.outsider.cookie })).toBe(404);
    expect(await upgradeStatus('/yjs/review.x.people', { origin: server.url, cookie: fx.lead.cookie })).toBe(404);
    expect(await upgradeStatus(`/yjs/..%2Freview.${fx.reviewId}.people`, { origin: server.url, cookie: fx.lead.cookie })).toBe(404);
    expect(await upgradeStatus(people(), { origin: server.url, cookie: fx.lead.cookie })).toBe(101);
  });

  it('does not let an admin open a review they are not a member of', async () => {
    expect(await upgradeStatus(`/yjs/review.${fx.otherReviewId}.genogram`, { origin: server.url, cookie: fx.author.cookie })).toBe(404);
  });
});

describe('live editing', () => {
  it('relays edits between members and sets presence names on the server', async () => {
    const name = `review.${fx.reviewId}.genogram`;
    const a = open(server.url, name, fx.lead.cookie);
    const b = open(server.url, name, fx.team.cookie);
    await Promise.all([synced(a), synced(b)]);
    a.doc.getMap('positions').set('n1', 'from lead');
    await until(() => b.doc.getMap('positions').get('n1') === 'from lead', 'relay to b');
    // The team member claims to be the lead; everyone else sees their real name.
    b.provider.awareness.setLocalStateField('user', { name: fx.lead.name });
    b.provider.awareness.setLocalStateField('editing', 'n1');
    await until(() => {
      const st = a.provider.awareness.getStates().get(b.doc.clientID) as { user?: { name: string }; editing?: string } | undefined;
      return st?.editing === 'n1';
    }, 'presence of b at a');
    const seen = a.provider.awareness.getStates().get(b.doc.clientID) as { user: { name: string } };
    expect(seen.user.name).toBe(fx.team.name);
  });

  it('does not let a connection overwrite or remove presence of client ids it does not own', async () => {
    const name = `review.${fx.reviewId}.genogram`;
    const a = open(server.url, name, fx.lead.cookie);
    const watcher = open(server.url, name, fx.author.cookie);
    await Promise.all([synced(a), synced(watcher)]);
    a.provider.awareness.setLocalStateField('editing', 'mine');
    const stateAt = (id: number) => watcher.provider.awareness.getStates().get(id) as { editing?: string; user?: { name: string } } | undefined;
    await until(() => stateAt(a.doc.clientID)?.editing === 'mine', 'a presence');
    // A raw socket of another member sends a state for a's client id, then a removal, then one of its own.
    const raw = new WebSocket(`${server.url.replace('http', 'ws')}/yjs/${name}`, { headers: { origin: server.url, cookie: fx.team.cookie } });
    await new Promise<void>((resolve) => raw.on('open', () => resolve()));
    const awarenessFrame = (clientId: number, clock: number, json: string) => {
      const inner = encoding.createEncoder();
      encoding.writeVarUint(inner, 1);
      encoding.writeVarUint(inner, clientId);
      encoding.writeVarUint(inner, clock);
      encoding.writeVarString(inner, json);
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, 1);
      encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
      return encoding.toUint8Array(e);
    };
    raw.send(awarenessFrame(a.doc.clientID, 1_000, JSON.stringify({ editing: 'hijacked' })));
    raw.send(awarenessFrame(a.doc.clientID, 1_001, 'null'));
    raw.send(awarenessFrame(424_242, 1, JSON.stringify({ editing: 'raw', user: { name: fx.lead.name } })));
    await until(() => stateAt(424_242)?.editing === 'raw', 'raw presence');
    expect(stateAt(424_242)!.user!.name).toBe(fx.team.name);
    expect(stateAt(a.doc.clientID)?.editing).toBe('mine');
    expect(stateAt(a.doc.clientID)?.user?.name).toBe(fx.lead.name);
    raw.close();
    // Its presence goes when it disconnects.
    await until(() => stateAt(424_242) === undefined, 'raw presence removed on close');
  });

  it("drops an observer's edits: they reach neither other clients nor storage, but the observer still reads", async () => {
    const name = `review.${fx.reviewId}.genogram`;
    const lead = open(server.url, name, fx.lead.cookie);
    const observer = open(server.url, name, fx.observer.cookie);
    await Promise.all([synced(lead), synced(observer)]);
    observer.doc.getMap('positions').set('sneaky', 'observer edit');
    // Frames of one socket are handled in order: once the lead sees presence the observer sent after its
    // edit, the server has handled (and dropped) the edit.
    observer.provider.awareness.setLocalStateField('editing', 'after-edit');
    await until(() => (lead.provider.awareness.getStates().get(observer.doc.clientID) as { editing?: string } | undefined)?.editing === 'after-edit', 'observer presence');
    lead.doc.getMap('positions').set('p1', 'lead edit');
    await until(() => observer.doc.getMap('positions').get('p1') === 'lead edit', 'observer reads lead edit');
    // A fresh client that syncs after both edits sees the lead's and not the observer's.
    const fresh = open(server.url, name, fx.team.cookie);
    await synced(fresh);
    expect(fresh.doc.getMap('positions').get('p1')).toBe('lead edit');
    expect(fresh.doc.getMap('positions').has('sneaky')).toBe(false);
    expect(lead.doc.getMap('positions').has('sneaky')).toBe(false);
    // And it never reached storage.
    const stored = await server.deps.docs.load(name);
    const replay = new Y.Doc();
    for (const u of stored) Y.applyUpdate(replay, u);
    expect(replay.getMap('positions').has('sneaky')).toBe(false);
    expect(replay.getMap('positions').get('p1')).toBe('lead edit');
  });

  it("drops a crafted update from agency A's author to agency B's chronology", async () => {
    const bName = `review.${fx.reviewId}.chronology.${fx.agencies[1]!.id}`;
    const authorA = open(server.url, bName, fx.author.cookie);
    const authorB = open(server.url, bName, fx.author2.cookie);
    await Promise.all([synced(authorA), synced(authorB)]);
    authorA.doc.getMap('entries').set('forged', 'A writes in B');
    authorA.provider.awareness.setLocalStateField('editing', 'after-forgery');
    await until(() => (authorB.provider.awareness.getStates().get(authorA.doc.clientID) as { editing?: string } | undefined)?.editing === 'after-forgery', 'A presence');
    const row = new Y.Map<string>();
    authorB.doc.getMap('entries').set('real', row);
    row.set('keyEvent', 'B writes in B');
    await until(() => (authorA.doc.getMap('entries').get('real') as Y.Map<string> | undefined)?.get('keyEvent') === 'B writes in B', 'A reads B');
    const stored = await server.deps.docs.load(bName);
    const replay = new Y.Doc();
    for (const u of stored) Y.applyUpdate(replay, u);
    expect(replay.getMap('entries').has('forged')).toBe(false);
    expect(authorB.doc.getMap('entries').has('forged')).toBe(false);
  });

  /** Opens a raw socket to a doc, sends one frame and resolves with the close code the server sends. */
  function closeCodeAfterSending(name: string, payload: Buffer): Promise<number> {
    const bad = new WebSocket(`${server.url.replace('http', 'ws')}/yjs/${name}`, { headers: { origin: server.url, cookie: fx.team.cookie } });
    return new Promise<number>((resolve) => {
      bad.on('open', () => bad.send(payload));
      bad.on('close', (c) => resolve(c));
      bad.on('error', () => undefined);
    });
  }

  it('closes only the socket that sends a malformed or oversized frame', async () => {
    const name = `review.${fx.reviewId}.genogram`;
    const good = open(server.url, name, fx.lead.cookie);
    await synced(good);
    // A sync update whose declared length runs past the end of the frame.
    expect(await closeCodeAfterSending(name, Buffer.from([0, 2, 200, 1, 2, 3]))).toBe(1007);
    // An unknown sync message type.
    expect(await closeCodeAfterSending(name, Buffer.from([0, 9, 0]))).toBe(1007);
    // Garbage inside a well-framed awareness update.
    expect(await closeCodeAfterSending(name, Buffer.from([1, 5, 1, 7, 1, 2, 123]))).toBe(1007);
    // One byte over the frame cap.
    expect(await closeCodeAfterSending(name, Buffer.alloc(MAX_YJS_FRAME_BYTES + 1))).toBe(1009);
    expect(good.provider.wsconnected).toBe(true);
    good.doc.getMap('positions').set('after-bad', 1);
    const other = open(server.url, name, fx.team.cookie);
    await synced(other);
    await until(() => other.doc.getMap('positions').get('after-bad') === 1, 'server still serving');
    expect((await api(server.url, 'GET', '/api/health')).status).toBe(200);
  });

  it("closes a user's sockets when they log out and when their role changes", async () => {
    const name = `review.${fx.reviewId}.people`;
    const c = open(server.url, name, fx.author.cookie);
    await synced(c);
    await api(server.url, 'POST', '/api/auth/logout', { cookie: fx.author.cookie, body: {} });
    expect((await c.closed).code).toBe(4001);
    c.provider.disconnect();

    const members = (await api(server.url, 'GET', `/api/reviews/${fx.reviewId}/members`, { cookie: fx.lead.cookie })).body.members;
    const obs = members.find((m: { userId: string }) => m.userId === fx.observer.userId);
    const o = open(server.url, name, fx.observer.cookie);
    await synced(o);
    const r = await api(server.url, 'PATCH', `/api/reviews/${fx.reviewId}/members/${obs.id}`, { cookie: fx.lead.cookie, body: { role: 'review-team' } });
    expect(r.status).toBe(200);
    expect((await o.closed).code).toBe(4001);
  });
});
