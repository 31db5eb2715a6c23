import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../utils/testServer.js';
import { api } from '../../utils/api.js';
import { createReviewWithMembers, TEST_PASSWORD } from '../../utils/factories.js';

/**
 * Listing and revoking invitations (issue 17): the lead reviewer sees every invitation of the review
 * with its state and never a token; a pending one can be revoked, after which its link fails with a
 * message saying it was withdrawn; accepted, expired and revoked ones cannot be revoked; audited.
 */

let server: Awaited<ReturnType<typeof startTestServer>>;
let fx: Awaited<ReturnType<typeof createReviewWithMembers>>;
beforeAll(async () => {
  server = await startTestServer();
  fx = await createReviewWithMembers(server.url);
});
afterAll(async () => {
  await server.close();
});

const path = () => `/api/reviews/${fx.reviewId}/invitations`;
const invite = async (email: string, role = 'observer') => {
  const r = await api(server.url, 'POST', path(), { cookie: fx.lead.cookie, body: { email, role } });
  expect(r.status).toBe(201);
  return r.body.token as string;
};
const list = async () =>
  (await api(server.url, 'GET', path(), { cookie: fx.lead.cookie })).body.invitations as {
    id: string;
    email: string;
    role: string;
    state: string;
    sentAt: string;
    expiresAt: string;
    agencyId: string | null;
  }[];

describe('the invitation list', () => {
  it('shows every invitation of the review with its state, newest first, and never a token', async () => {
    const token = await invite('pending.person@test.invalid');
    const invitations = await list();
    // createReviewWithMembers accepted four invitations for this review.
    expect(invitations.filter((i) => i.state === 'accepted')).toHaveLength(4);
    const pending = invitations.find((i) => i.email === 'pending.person@test.invalid')!;
    expect(pending).toMatchObject({ role: 'observer', state: 'pending', agencyId: null });
    expect(invitations[0]!.email).toBe('pending.person@test.invalid');
    expect(Date.parse(pending.expiresAt) - Date.parse(pending.sentAt)).toBe(7 * 24 * 60 * 60 * 1000);
    const raw = JSON.stringify(invitations);
    expect(raw).not.toContain(token);
    expect(raw).not.toContain('tokenHash');
    // Only invitations of this review.
    expect(invitations.some((i) => i.email === fx.outsider.email)).toBe(false);
  });

  it('is for the lead reviewer only', async () => {
    expect((await api(server.url, 'GET', path(), { cookie: fx.team.cookie })).status).toBe(403);
    expect((await api(server.url, 'GET', path(), { cookie: fx.observer.cookie })).status).toBe(403);
    expect((await api(server.url, 'GET', path(), { cookie: fx.outsider.cookie })).status).toBe(404);
  });
});

describe('revoking an invitation', () => {
  it('makes its link fail with a clear message, once, and is audited', async () => {
    const token = await invite('to.revoke@test.invalid', 'review-team');
    const id = (await list()).find((i) => i.email === 'to.revoke@test.invalid')!.id;
    expect((await api(server.url, 'POST', `${path()}/${id}/revoke`, { cookie: fx.team.cookie, body: {} })).status).toBe(403);
    expect((await api(server.url, 'POST', `${path()}/${id}/revoke`, { cookie: fx.lead.cookie, body: { why: 1 } })).status).toBe(400);
    expect((await api(server.url, 'GET', `/api/invitations/${token}`)).status).toBe(200);

    const revoked = await api(server.url, 'POST', `${path()}/${id}/revoke`, { cookie: fx.lead.cookie, body: {} });
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ id, state: 'revoked', email: 'to.revoke@test.invalid' });
    expect((await list()).find((i) => i.id === id)!.state).toBe('revoked');

    const opened = await api(server.url, 'GET', `/api/invitations/${token}`);
    expect(opened.status).toBe(404);
    expect(opened.body.error.code).toBe('invitation-revoked');
    expect(opened.body.error.message).toMatch(/withdrawn by the lead reviewer/);
    const accepted = await api(server.url, 'POST', `/api/invitations/${token}/accept`, { body: { name: 'Too Late', password: TEST_PASSWORD } });
    expect(accepted.status).toBe(404);
    expect(accepted.body.error.code).toBe('invitation-revoked');
    expect((await api(server.url, 'POST', '/api/auth/login', { body: { email: 'to.revoke@test.invalid', password: TEST_PASSWORD } })).status).toBe(401);

    const again = await api(server.url, 'POST', `${path()}/${id}/revoke`, { cookie: fx.lead.cookie, body: {} });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('not-pending');

    const audit = await server.deps.audit.lines();
    const lines = audit.filter((e) => e.type === 'invitation.revoked' && e.targetId === id);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ actorId: fx.lead.userId, reviewId: fx.reviewId });
    expect(JSON.stringify(audit)).not.toContain('to.revoke@test.invalid');
  });

  it('is refused for an accepted invitation and for one of another review', async () => {
    const accepted = (await list()).find((i) => i.state === 'accepted')!;
    const r = await api(server.url, 'POST', `${path()}/${accepted.id}/revoke`, { cookie: fx.lead.cookie, body: {} });
    expect(r.status).toBe(409);
    expect(r.body.error.message).toMatch(/accepted/);
    const other = await api(server.url, 'GET', `/api/reviews/${fx.otherReviewId}/invitations`, { cookie: fx.lead.cookie });
    const otherId = other.body.invitations[0].id;
    expect((await api(server.url, 'POST', `${path()}/${otherId}/revoke`, { cookie: fx.lead.cookie, body: {} })).status).toBe(404);
  });

  it('is refused for an expired invitation, which the list shows as expired', async () => {
    const token = await invite('expired.person@test.invalid');
    const stored = (await server.deps.records.find('invitations', { email: 'expired.person@test.invalid' }))[0]!;
    await server.deps.records.put('invitations', { ...stored, expiresAt: new Date(Date.now() - 1000).toISOString() });
    const row = (await list()).find((i) => i.email === 'expired.person@test.invalid')!;
    expect(row.state).toBe('expired');
    const r = await api(server.url, 'POST', `${path()}/${row.id}/revoke`, { cookie: fx.lead.cookie, body: {} });
    expect(r.status).toBe(409);
    expect(r.body.error.message).toMatch(/expired/);
    expect((await api(server.url, 'GET', `/api/invitations/${token}`)).body.error.code).toBe('invitation-not-found');
  });
});
