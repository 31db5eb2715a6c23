import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../utils/testServer.js';
import { api, login } from '../../utils/api.js';
import { createReviewWithMembers, TEST_PASSWORD } from '../../utils/factories.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
let fx: Awaited<ReturnType<typeof createReviewWithMembers>>;
beforeAll(async () => {
  server = await startTestServer();
  fx = await createReviewWithMembers(server.url);
});
afterAll(async () => {
  await server.close();
});

describe('reviews, agencies and members', () => {
  it('creates a review with the documented contract and makes the creator lead reviewer', async () => {
    const r = await api(server.url, 'POST', '/api/reviews', {
      cookie: fx.admin.cookie,
      body: { title: 'RR 2026/07', kind: 'lcspr', childPseudonym: 'Child B', referralDate: '2026-10-01' },
    });
    expect(r.status).toBe(201);
    expect(r.body.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const detail = await api(server.url, 'GET', `/api/reviews/${r.body.id}`, { cookie: fx.admin.cookie });
    expect(detail.status).toBe(200);
    expect(detail.body.review).toMatchObject({ title: 'RR 2026/07', kind: 'lcspr', childPseudonym: 'Child B', referralDate: '2026-10-01', fictional: false });
    expect(detail.body.membership.role).toBe('lead-reviewer');
  });

  it('lists only the reviews you belong to, with your role', async () => {
    const mine = await api(server.url, 'GET', '/api/reviews', { cookie: fx.author.cookie });
    expect(mine.body.reviews.map((r: { id: string }) => r.id)).toEqual([fx.reviewId]);
    expect(mine.body.reviews[0].role).toBe('agency-author');
    expect(mine.body.reviews[0].agencies.map((a: { shortCode: string }) => a.shortCode).sort()).toEqual(['ICB', 'POL']);
    const outsider = await api(server.url, 'GET', '/api/reviews', { cookie: fx.outsider.cookie });
    expect(outsider.body.reviews.map((r: { id: string }) => r.id)).toEqual([fx.otherReviewId]);
  });

  it('hides a review from non-members with the same 404 as a missing one', async () => {
    const other = await api(server.url, 'GET', `/api/reviews/${fx.reviewId}`, { cookie: fx.outsider.cookie });
    const missing = await api(server.url, 'GET', '/api/reviews/AAAAAAAAAAAAAAAAAAAAAA', { cookie: fx.outsider.cookie });
    expect(other.status).toBe(404);
    expect(other.body).toEqual(missing.body);
    expect((await api(server.url, 'GET', `/api/reviews/${fx.reviewId}/members`, { cookie: fx.outsider.cookie })).status).toBe(404);
  });

  it('lets only the lead reviewer add agencies, with unique short codes and a palette colour', async () => {
    for (const who of [fx.team, fx.author, fx.observer]) {
      const r = await api(server.url, 'POST', `/api/reviews/${fx.reviewId}/agencies`, { cookie: who.cookie, body: { name: 'School', shortCode: 'SCH', partnerType: 'education' } });
      expect(r.status).toBe(403);
    }
    const dup = await api(server.url, 'POST', `/api/reviews/${fx.reviewId}/agencies`, {
      cookie: fx.lead.cookie,
      body: { name: 'Other police', shortCode: 'pol', partnerType: 'police' },
    });
    expect(dup.status).toBe(409);
    const ok = await api(server.url, 'POST', `/api/reviews/${fx.reviewId}/agencies`, {
      cookie: fx.lead.cookie,
      body: { name: 'School', shortCode: 'SCH', partnerType: 'education' },
    });
    expect(ok.status).toBe(201);
    expect(ok.body.colour).toMatch(/^#[0-9a-f]{6}$/);
    const list = await api(server.url, 'GET', `/api/reviews/${fx.reviewId}/agencies`, { cookie: fx.observer.cookie });
    const colours = list.body.agencies.map((a: { colour: string }) => a.colour);
    expect(new Set(colours).size).toBe(colours.length);
  });

  it('does not let agency authors or observers create reviews', async () => {
    const r = await api(server.url, 'POST', '/api/reviews', { cookie: fx.author.cookie, body: { title: 't', kind: 'lcspr', childPseudonym: 'Child C' } });
    expect(r.status).toBe(403);
  });
});

describe('invitations', () => {
  it('are single use', async () => {
    const inv = await api(server.url, 'POST', `/api/reviews/${fx.reviewId}/invitations`, { cookie: fx.lead.cookie, body: { email: 'once@test.invalid', role: 'observer' } });
    expect(inv.status).toBe(201);
    expect(inv.body.inviteUrl).toBe(`${server.url}/invite/${inv.body.token}`);
    const view = await api(server.url, 'GET', `/api/invitations/${inv.body.token}`);
    expect(view.body).toMatchObject({ role: 'observer', email: 'once@test.invalid', reviewTitle: 'Test review' });
    const first = await api(server.url, 'POST', `/api/invitations/${inv.body.token}/accept`, { body: { name: 'Once', password: TEST_PASSWORD } });
    expect(first.status).toBe(200);
    const second = await api(server.url, 'POST', `/api/invitations/${inv.body.token}/accept`, { body: { name: 'Twice', password: TEST_PASSWORD } });
    expect(second.status).toBe(404);
    expect((await api(server.url, 'GET', `/api/invitations/${inv.body.token}`)).status).toBe(404);
  });

  it('require an agency of this review for agency authors, and refuse short passwords without creating anyone', async () => {
    const noAgency = await api(server.url, 'POST', `/api/reviews/${fx.reviewId}/invitations`, { cookie: fx.lead.cookie, body: { email: 'a@test.invalid', role: 'agency-author' } });
    expect(noAgency.status).toBe(400);
    const inv = await api(server.url, 'POST', `/api/reviews/${fx.reviewId}/invitations`, { cookie: fx.lead.cookie, body: { email: 'short@test.invalid', role: 'review-team' } });
    const r = await api(server.url, 'POST', `/api/invitations/${inv.body.token}/accept`, { body: { name: 'Short', password: 'short' } });
    expect(r.status).toBe(400);
    const login401 = await api(server.url, 'POST', '/api/auth/login', { body: { email: 'short@test.invalid', password: 'short' } });
    expect(login401.status).toBe(401);
    expect((await api(server.url, 'GET', `/api/invitations/${inv.body.token}`)).status).toBe(200);
  });

  it('may only be created by the lead reviewer', async () => {
    const r = await api(server.url, 'POST', `/api/reviews/${fx.reviewId}/invitations`, { cookie: fx.team.cookie, body: { email: 'x@test.invalid', role: 'observer' } });
    expect(r.status).toBe(403);
  });

  it('let an existing account join another review only with its own password', async () => {
    const inv = await api(server.url, 'POST', `/api/reviews/${fx.otherReviewId}/invitations`, { cookie: fx.lead.cookie, body: { email: fx.observer.email, role: 'observer' } });
    const wrong = await api(server.url, 'POST', `/api/invitations/${inv.body.token}/accept`, { body: { name: 'Hijack', password: 'some other long password' } });
    // The same answer as a wrong password at sign-in (docs/security.md, "Sign-in throttling").
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('bad-credentials');
    const right = await api(server.url, 'POST', `/api/invitations/${inv.body.token}/accept`, { body: { name: 'Ignored', password: TEST_PASSWORD } });
    expect(right.status).toBe(200);
    const cookie = await login(server.url, fx.observer.email, TEST_PASSWORD);
    expect((await api(server.url, 'GET', '/api/reviews', { cookie })).body.reviews).toHaveLength(2);
  });
});

describe('role changes', () => {
  it('let the lead reviewer change a role but never remove the last lead reviewer', async () => {
    const members = (await api(server.url, 'GET', `/api/reviews/${fx.reviewId}/members`, { cookie: fx.lead.cookie })).body.members;
    const leadM = members.find((m: { userId: string }) => m.userId === fx.lead.userId);
    const last = await api(server.url, 'PATCH', `/api/reviews/${fx.reviewId}/members/${leadM.id}`, { cookie: fx.lead.cookie, body: { role: 'observer' } });
    expect(last.status).toBe(409);
    const teamM = members.find((m: { userId: string }) => m.userId === fx.team.userId);
    const byTeam = await api(server.url, 'PATCH', `/api/reviews/${fx.reviewId}/members/${teamM.id}`, { cookie: fx.team.cookie, body: { role: 'lead-reviewer' } });
    expect(byTeam.status).toBe(403);
    const ok = await api(server.url, 'PATCH', `/api/reviews/${fx.reviewId}/members/${teamM.id}`, { cookie: fx.lead.cookie, body: { role: 'observer' } });
    expect(ok.status).toBe(200);
    const detail = await api(server.url, 'GET', `/api/reviews/${fx.reviewId}`, { cookie: fx.team.cookie });
    expect(detail.body.membership.role).toBe('observer');
  });

  it('let an admin disable a user, which ends their session', async () => {
    const cookie = await login(server.url, fx.author2.email, TEST_PASSWORD);
    expect((await api(server.url, 'POST', `/api/admin/users/${fx.author2.userId}/disable`, { cookie: fx.author.cookie, body: {} })).status).toBe(403);
    expect((await api(server.url, 'POST', `/api/admin/users/${fx.author2.userId}/disable`, { cookie: fx.admin.cookie, body: {} })).status).toBe(200);
    expect((await api(server.url, 'GET', '/api/me', { cookie })).status).toBe(401);
    expect((await api(server.url, 'POST', '/api/auth/login', { body: { email: fx.author2.email, password: TEST_PASSWORD } })).status).toBe(401);
  });
});
