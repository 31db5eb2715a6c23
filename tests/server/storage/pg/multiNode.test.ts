import { io as connect } from 'socket.io-client';
import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { twoNodes, type Node } from './twoNodes.js';
import { createReviewWithMembers, TEST_PASSWORD } from '../../../utils/factories.js';
import { api, login } from '../../../utils/api.js';
import { openDoc, synced, until, type TestClient } from '../../../utils/yjsClient.js';

const nodes: Node[] = [];
const clients: TestClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  for (const n of nodes.splice(0)) await n.close();
});

function open(url: string, name: string, cookie: string): TestClient {
  const c = openDoc(url, name, cookie);
  clients.push(c);
  return c;
}

describe('several app nodes on one PostgreSQL database', () => {
  it('relays updates accepted on one node to the clients of the other, and both converge', async () => {
    const [a, b] = await twoNodes(nodes);
    const fx = await createReviewWithMembers(a.url);
    const name = `review.${fx.reviewId}.genogram`;
    const onA = open(a.url, name, fx.lead.cookie);
    const onB = open(b.url, name, fx.team.cookie);
    await Promise.all([synced(onA), synced(onB)]);
    for (let i = 0; i < 30; i++) {
      onA.doc.getMap('positions').set(`a-${i}`, i);
      onB.doc.getMap('positions').set(`b-${i}`, i);
    }
    await until(() => onA.doc.getMap('positions').size === 60 && onB.doc.getMap('positions').size === 60, 'both nodes\u2019 clients to hold all 60 edits');
    expect(onA.doc.getMap('positions').toJSON()).toEqual(onB.doc.getMap('positions').toJSON());
    // A third client, on either node, loads the same state from the database.
    const late = open(b.url, name, fx.lead.cookie);
    await synced(late);
    expect(late.doc.getMap('positions').toJSON()).toEqual(onA.doc.getMap('positions').toJSON());
  }, 120_000);

  it('refuses a cross-agency write on either node, and it reaches no one', async () => {
    const [a, b] = await twoNodes(nodes);
    const fx = await createReviewWithMembers(a.url);
    const healthDoc = `review.${fx.reviewId}.chronology.${fx.agencies[1]!.id}`;
    // The health agency's author works on node B; the police author tries to write there through each node.
    const owner = open(b.url, healthDoc, fx.author2.cookie);
    await synced(owner);
    for (const [n, node] of [a, b].entries()) {
      const intruder = open(node.url, healthDoc, fx.author.cookie);
      await synced(intruder);
      intruder.doc.getMap('entries').set(`forged-${n}`, 'police writes in health');
      // The owner's own row, written after the forgery, reaches the intruder's node: the forgery had its chance.
      const row = new Y.Map<string>();
      owner.doc.getMap('entries').set(`real-${n}`, row);
      row.set('keyEvent', `health writes in health ${n}`);
      await until(
        () => (intruder.doc.getMap('entries').get(`real-${n}`) as Y.Map<string> | undefined)?.get('keyEvent') === `health writes in health ${n}`,
        'the owner’s row on the intruder’s node',
      );
    }
    const watcher = open(a.url, healthDoc, fx.team.cookie);
    await synced(watcher);
    for (const c of [owner, watcher]) for (const n of [0, 1]) expect(c.doc.getMap('entries').has(`forged-${n}`)).toBe(false);
    // What is stored, read through each node once the owner's rows are durable, holds no forgery.
    const storedKeys = async (node: Node) => {
      const stored = new Y.Doc();
      for (const u of await node.deps.docs.load(healthDoc)) Y.applyUpdate(stored, u);
      return [...stored.getMap('entries').keys()].sort();
    };
    await until(async () => (await storedKeys(b)).length >= 2, 'the owner’s rows stored');
    for (const node of [a, b]) expect(await storedKeys(node)).toEqual(['real-0', 'real-1']);
  }, 120_000);

  it('shows a client on node A to a client on node B, and removes it when it closes', async () => {
    const [a, b] = await twoNodes(nodes);
    const fx = await createReviewWithMembers(a.url);
    const name = `review.${fx.reviewId}.people`;
    const onA = open(a.url, name, fx.lead.cookie);
    await synced(onA);
    onA.provider.awareness.setLocalStateField('editing', 'person-on-a');
    // B opens the doc after A's state was announced: B's hello brings it at once, not at A's next renewal.
    const onB = open(b.url, name, fx.team.cookie);
    await synced(onB);
    const seenOnB = () => onB.provider.awareness.getStates().get(onA.doc.clientID) as { editing?: string; user?: { name: string } } | undefined;
    await until(() => seenOnB()?.editing === 'person-on-a', 'A\u2019s presence on B');
    // The name is the one A's server wrote from the session, relayed unchanged.
    expect(seenOnB()!.user!.name).toBe(fx.lead.name);
    // A change on B reaches A too.
    onB.provider.awareness.setLocalStateField('editing', 'person-on-b');
    await until(() => (onA.provider.awareness.getStates().get(onB.doc.clientID) as { editing?: string } | undefined)?.editing === 'person-on-b', 'B\u2019s presence on A');
    onA.destroy();
    await until(() => !onB.provider.awareness.getStates().has(onA.doc.clientID), 'A\u2019s presence removed on B');
  }, 120_000);

  it('closes a user\u2019s sockets on the other node at once when they log out on one', async () => {
    const [a, b] = await twoNodes(nodes);
    const fx = await createReviewWithMembers(a.url);
    const cookie = await login(a.url, fx.team.email, TEST_PASSWORD);
    const yjsOnB = open(b.url, `review.${fx.reviewId}.genogram`, cookie);
    await synced(yjsOnB);
    const closed = new Promise<number>((r) => yjsOnB.provider.ws?.addEventListener('close', (e) => r(e.code)));
    const io = connect(b.url, { transports: ['websocket'], extraHeaders: { origin: b.url, cookie }, reconnection: false });
    await new Promise<void>((r) => io.on('connect', () => r()));
    const ioGone = new Promise((r) => io.on('disconnect', r));
    expect((await api(a.url, 'POST', '/api/auth/logout', { cookie, body: {} })).status).toBe(200);
    await Promise.all([closed, ioGone]);
    expect((await api(b.url, 'GET', '/api/me', { cookie })).status).toBe(401);
    io.close();
  }, 120_000);

  it('closes a member\u2019s sockets on the other node at once when their role changes on one (their session stays valid)', async () => {
    const [a, b] = await twoNodes(nodes);
    const fx = await createReviewWithMembers(a.url);
    const onB = open(b.url, `review.${fx.reviewId}.genogram`, fx.team.cookie);
    await synced(onB);
    const closed = new Promise<number>((r) => onB.provider.ws?.addEventListener('close', (e) => r(e.code)));
    const members = (await api(a.url, 'GET', `/api/reviews/${fx.reviewId}/members`, { cookie: fx.lead.cookie })).body.members as { id: string; userId: string }[];
    const m = members.find((x) => x.userId === fx.team.userId)!;
    expect((await api(a.url, 'PATCH', `/api/reviews/${fx.reviewId}/members/${m.id}`, { cookie: fx.lead.cookie, body: { role: 'observer' } })).status).toBe(200);
    // Only the bus can do this: the session sweep would keep a valid session's sockets open.
    expect(await closed).toBeGreaterThanOrEqual(4000);
    expect((await api(b.url, 'GET', '/api/me', { cookie: fx.team.cookie })).status).toBe(200);
  }, 120_000);
});
