import { io as connect, type Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { createReviewWithMembers } from '../../../utils/factories.js';
import { api } from '../../../utils/api.js';
import { joinWithToken, newReceipt, redeemInvitation, type Participant } from '../../../utils/participant.js';
import { until } from '../../../utils/yjsClient.js';
import { invite, publishedWorkshop, release } from '../../workshop/workshopFixture.js';
import { twoNodes, type Node } from './twoNodes.js';

/** The counts clock, short so that a test sees a push (the production interval is 30 s). */
const INTERVAL = 300;

const nodes: Node[] = [];
const sockets: { close(): void }[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.close();
  for (const n of nodes.splice(0)) await n.close();
});

/** A staff socket watching a workshop (the facilitator's console), with every staff event it receives. */
async function watch(url: string, cookie: string, workshopId: string): Promise<{ socket: Socket; events: { name: string; body: any }[]; counts: unknown }> {
  const socket = connect(url, { transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: { cookie, origin: url } });
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  const events: { name: string; body: any }[] = [];
  socket.onAny((name: string, body: unknown) => events.push({ name, body }));
  const ack = await socket.timeout(5_000).emitWithAck('workshop:watch', { workshopId });
  expect(ack.ok).toBe(true);
  return { socket, events, counts: ack.counts };
}

describe('a workshop served by two nodes (Socket.IO rooms across nodes)', () => {
  it('reaches participants on node B from a facilitator on node A, and their answers reach the facilitator', async () => {
    const [a, b] = await twoNodes(nodes, { workshopCountsIntervalMs: INTERVAL });
    const fx = await createReviewWithMembers(a.url);
    const { id } = await publishedWorkshop(a.url, fx.lead.cookie, fx.reviewId, 3);
    const control = (body: object) => api(a.url, 'POST', `/api/reviews/${fx.reviewId}/workshops/${id}/control`, { cookie: fx.lead.cookie, body });
    // Invitations made on A are redeemed and joined on B: the signing key is shared.
    const people: Participant[] = [];
    for (const secret of await invite(a.url, fx.lead.cookie, fx.reviewId, id, 3)) {
      const t = await redeemInvitation(b.url, id, secret);
      if (!t.ok) throw new Error(`redeem refused: ${t.error.code}`);
      const p = await joinWithToken(b.url, id, t.token);
      sockets.push(p);
      people.push(p);
    }
    const lead = await watch(a.url, fx.lead.cookie, id);
    const teamOnB = await watch(b.url, fx.team.cookie, id);

    // Phase changes made on A reach the participants' screens on B, and staff screens on both nodes.
    const views = people.map((p) => new Promise<any>((r) => p.socket.once('view', r)));
    expect((await control({ action: 'start' })).status).toBe(200);
    for (const v of await Promise.all(views)) expect(v.stage).toBe('live');
    const phaseViews = people.map((p) => new Promise<any>((r) => p.socket.once('view', r)));
    expect((await control({ action: 'share-phase', phaseId: 'p1' })).status).toBe(200);
    for (const v of await Promise.all(phaseViews)) expect(v.prompts.map((x: { id: string }) => x.id)).toEqual(['w2-p1']);
    await until(() => teamOnB.events.filter((e) => e.name === 'workshop:state').length >= 2, 'the staff screen on B to follow both changes');

    // Answers sent on B reach the facilitator's live counts on A, on B's counts clock.
    for (const [i, p] of people.entries()) expect((await p.emit('respond', { promptId: 'w2-p1', text: `Answer ${i} from node B` })).ok).toBe(true);
    await until(() => lead.events.some((e) => e.name === 'workshop:counts' && e.body.counts['w2-p1']?.counted.kind === 'at-least'), 'the counts push on A');
    const pushed = lead.events.findLast((e) => e.name === 'workshop:counts')!.body.counts;
    expect(pushed['w2-p1']).toEqual({ counted: { kind: 'at-least', value: 3 }, invitations: { kind: 'at-least', value: 3 }, code: { kind: 'below', k: 3 } });
    // Watching again on A answers the snapshot B's clock pushed (shared), not one A never refreshed.
    expect((await watch(a.url, fx.lead.cookie, id)).counts).toEqual(pushed);

    // A release on A shows the answers written on B, and staff on B hear of it.
    expect(await release(a.url, fx.lead.cookie, fx.reviewId, id, 'w2-p1')).toBe(200);
    const results = (await api(a.url, 'GET', `/api/reviews/${fx.reviewId}/workshops/${id}/responses`, { cookie: fx.lead.cookie })).body;
    const texts = results.prompts.find((p: { id: string }) => p.id === 'w2-p1').responses.map((r: { text: string }) => r.text);
    expect(texts.sort()).toEqual(['Answer 0 from node B', 'Answer 1 from node B', 'Answer 2 from node B']);
    await until(() => teamOnB.events.some((e) => e.name === 'workshop:released' && e.body.promptIds.includes('w2-p1')), 'the release announced on B');

    // Closing on A: a participant on B sees it and is refused from then on.
    const closedView = new Promise<any>((r) => people[0]!.socket.once('view', r));
    expect((await control({ action: 'close' })).status).toBe(200);
    expect((await closedView).stage).toBe('closed');
    expect(await people[1]!.emit('respond', { promptId: 'w2-p1', text: 'too late', receipt: newReceipt() })).toMatchObject({ ok: false, error: { code: 'closed' } });
  }, 120_000);
});
