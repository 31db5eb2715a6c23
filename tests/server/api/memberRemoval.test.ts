import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../utils/testServer.js';
import { api } from '../../utils/api.js';
import { createReviewWithMembers, inviteAndAccept, type Actor } from '../../utils/factories.js';
import { openDoc, synced, until, upgradeStatusAt, type TestClient } from '../../utils/yjsClient.js';

/**
 * Removing a member (issue 17): only the lead reviewer may, never the last lead reviewer; the removed
 * member's open Yjs and Socket.IO sockets close at once, their reconnects and requests are refused,
 * everyone else keeps syncing, and the removal is audited by ids only.
 */

let server: Awaited<ReturnType<typeof startTestServer>>;
let fx: Awaited<ReturnType<typeof createReviewWithMembers>>;
const clients: TestClient[] = [];
const sockets: Socket[] = [];
beforeAll(async () => {
  server = await startTestServer();
  fx = await createReviewWithMembers(server.url);
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  for (const s of sockets) s.close();
  await server.close();
});

const open = (name: string, cookie: string) => {
  const c = openDoc(server.url, name, cookie);
  clients.push(c);
  return c;
};
const membershipOf = async (a: Actor): Promise<string> => {
  const members = (await api(server.url, 'GET', `/api/reviews/${fx.reviewId}/members`, { cookie: fx.lead.cookie })).body.members;
  return members.find((m: { userId: string }) => m.userId === a.userId).id;
};
/** A real socket.io-client on the staff namespace with the member's cookie; resolves once connected. */
const staffSocket = (cookie: string): Promise<Socket> =>
  new Promise((resolve, reject) => {
    const s = connect(server.url, { transports: ['websocket'], extraHeaders: { origin: server.url, cookie }, reconnection: false });
    sockets.push(s);
    s.on('connect', () => resolve(s));
    s.on('connect_error', (err) => reject(err));
  });

describe('removing a member', () => {
  it('is refused to anyone but the lead reviewer, and for the last lead reviewer, changing nothing', async () => {
    const observerM = await membershipOf(fx.observer);
    const byTeam = await api(server.url, 'DELETE', `/api/reviews/${fx.reviewId}/members/${observerM}`, { cookie: fx.team.cookie, body: {} });
    expect(byTeam.status).toBe(403);
    const byAuthor = await api(server.url, 'DELETE', `/api/reviews/${fx.reviewId}/members/${observerM}`, { cookie: fx.author.cookie, body: {} });
    expect(byAuthor.status).toBe(403);
    const byOutsider = await api(server.url, 'DELETE', `/api/reviews/${fx.reviewId}/members/${observerM}`, { cookie: fx.outsider.cookie, body: {} });
    expect(byOutsider.status).toBe(404);
    const last = await api(server.url, 'DELETE', `/api/reviews/${fx.reviewId}/members/${await membershipOf(fx.lead)}`, { cookie: fx.lead.cookie, body: {} });
    expect(last.status).toBe(409);
    expect(last.body.error.code).toBe('last-lead');
    const unknown = await api(server.url, 'DELETE', `/api/reviews/${fx.reviewId}/members/${'x'.repeat(21)}`, { cookie: fx.lead.cookie, body: {} });
    expect(unknown.status).toBe(404);
    const withBody = await api(server.url, 'DELETE', `/api/reviews/${fx.reviewId}/members/${observerM}`, { cookie: fx.lead.cookie, body: { reason: 'x' } });
    expect(withBody.status).toBe(400);
    const members = (await api(server.url, 'GET', `/api/reviews/${fx.reviewId}/members`, { cookie: fx.lead.cookie })).body.members;
    expect(members.map((m: { userId: string }) => m.userId)).toEqual(expect.arrayContaining([fx.lead.userId, fx.team.userId, fx.observer.userId, fx.author.userId]));
  });

  it("closes the removed member's Yjs and Socket.IO sockets at once, refuses them afterwards, and others keep syncing", async () => {
    const gone = await inviteAndAccept(server.url, fx.lead.cookie, fx.reviewId, 'review-team');
    const name = `review.${fx.reviewId}.genogram`;
    const theirs = open(name, gone.cookie);
    const lead = open(name, fx.lead.cookie);
    const team = open(name, fx.team.cookie);
    await Promise.all([synced(theirs), synced(lead), synced(team)]);
    const socket = await staffSocket(gone.cookie);
    const otherSocket = await staffSocket(fx.team.cookie);
    const socketGone = new Promise<string>((r) => socket.on('disconnect', (reason) => r(reason)));

    const removed = await api(server.url, 'DELETE', `/api/reviews/${fx.reviewId}/members/${await membershipOf(gone)}`, { cookie: fx.lead.cookie, body: {} });
    expect(removed.status).toBe(204);
    expect((await theirs.closed).code).toBe(4001);
    expect(await socketGone).toBe('io server disconnect');
    theirs.provider.disconnect();

    // Their reconnects and requests are refused as for anyone outside the review.
    expect(await upgradeStatusAt(server.url, `/yjs/${name}`, { origin: server.url, cookie: gone.cookie })).toBe(404);
    expect((await api(server.url, 'GET', `/api/reviews/${fx.reviewId}`, { cookie: gone.cookie })).status).toBe(404);
    expect((await api(server.url, 'GET', `/api/reviews/${fx.reviewId}/members`, { cookie: gone.cookie })).status).toBe(404);

    // The others' sockets stay open and keep syncing both ways.
    expect(otherSocket.connected).toBe(true);
    lead.doc.getMap('positions').set('from-lead', 1);
    await until(() => team.doc.getMap('positions').get('from-lead') === 1, "team sees the lead's edit");
    team.doc.getMap('positions').set('from-team', 2);
    await until(() => lead.doc.getMap('positions').get('from-team') === 2, "lead sees the team's edit");
    expect(theirs.doc.getMap('positions').get('from-lead')).toBeUndefined();
  });

  it("leaves the member's sockets for their other reviews open", async () => {
    const both = await inviteAndAccept(server.url, fx.lead.cookie, fx.reviewId, 'observer');
    const otherInvite = await api(server.url, 'POST', `/api/reviews/${fx.otherReviewId}/invitations`, { cookie: fx.lead.cookie, body: { email: both.email, role: 'observer' } });
    expect(otherInvite.status).toBe(201);
    const accepted = await api(server.url, 'POST', `/api/invitations/${otherInvite.body.token}/accept`, { body: { name: both.name, password: 'a long test password 123' } });
    expect(accepted.status).toBe(200);
    const here = open(`review.${fx.reviewId}.genogram`, both.cookie);
    const there = open(`review.${fx.otherReviewId}.genogram`, both.cookie);
    await Promise.all([synced(here), synced(there)]);
    expect((await api(server.url, 'DELETE', `/api/reviews/${fx.reviewId}/members/${await membershipOf(both)}`, { cookie: fx.lead.cookie, body: {} })).status).toBe(204);
    expect((await here.closed).code).toBe(4001);
    here.provider.disconnect();
    // The other review's document still syncs for them.
    const otherLead = open(`review.${fx.otherReviewId}.genogram`, fx.lead.cookie);
    await synced(otherLead);
    otherLead.doc.getMap('positions').set('k', 1);
    await until(() => there.doc.getMap('positions').get('k') === 1, 'the other review still syncs');
    expect(there.provider.wsconnected).toBe(true);
    expect((await api(server.url, 'GET', `/api/reviews/${fx.otherReviewId}`, { cookie: both.cookie })).status).toBe(200);
  });

  it('is audited with ids only', async () => {
    const audit = await server.deps.audit.lines();
    const removals = audit.filter((e) => e.type === 'membership.removed' && e.reviewId === fx.reviewId);
    expect(removals).toHaveLength(2);
    for (const e of removals) {
      expect(e.actorId).toBe(fx.lead.userId);
      expect(e.targetId).toMatch(/^[A-Za-z0-9_-]+$/);
    }
    expect(JSON.stringify(removals)).not.toContain('@');
  });
});
