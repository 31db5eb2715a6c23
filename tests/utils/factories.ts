import { api, login } from './api.js';
import { TEST_ADMIN } from './testServer.js';

/** A signed-in test user. `cookie` is "name=value", ready for a Cookie header. */
export type Actor = { userId: string; email: string; name: string; cookie: string };

/** The password every factory-made user gets. */
export const TEST_PASSWORD = 'a long test password 123';

let counter = 0;

/** Invites someone to a review through the API, accepts the link and signs them in. */
export async function inviteAndAccept(
  baseUrl: string,
  leadCookie: string,
  reviewId: string,
  role: 'lead-reviewer' | 'review-team' | 'agency-author' | 'observer',
  agencyId?: string,
): Promise<Actor> {
  counter += 1;
  const email = `${role}-${counter}-${Date.now()}@test.invalid`;
  const name = `Test ${role} ${counter}`;
  const inv = await api(baseUrl, 'POST', `/api/reviews/${reviewId}/invitations`, {
    cookie: leadCookie,
    body: { email, role, ...(agencyId ? { agencyId } : {}) },
  });
  if (inv.status !== 201) throw new Error(`invite failed ${inv.status} ${JSON.stringify(inv.body)}`);
  const acc = await api(baseUrl, 'POST', `/api/invitations/${inv.body.token}/accept`, { body: { name, password: TEST_PASSWORD } });
  if (acc.status !== 200) throw new Error(`accept failed ${acc.status} ${JSON.stringify(acc.body)}`);
  const cookie = await login(baseUrl, email, TEST_PASSWORD);
  const me = await api(baseUrl, 'GET', '/api/me', { cookie });
  return { userId: me.body.user.id, email, name, cookie };
}

/** The seeded admin, signed in. */
export async function signInAdmin(baseUrl: string): Promise<Actor> {
  const cookie = await login(baseUrl, TEST_ADMIN.email, TEST_ADMIN.password);
  const me = await api(baseUrl, 'GET', '/api/me', { cookie });
  return { userId: me.body.user.id, email: TEST_ADMIN.email, name: me.body.user.name, cookie };
}

/**
 * A review made through the real API: the admin creates it (and so is its lead reviewer, `lead`), adds
 * two agencies, and invites one member of each other role plus an agency author per agency. `outsider`
 * is a signed-in user with no membership of this review (a member of another review).
 */
export async function createReviewWithMembers(baseUrl: string): Promise<{
  reviewId: string;
  agencies: { id: string; shortCode: string }[];
  admin: Actor;
  lead: Actor;
  team: Actor;
  author: Actor;
  author2: Actor;
  observer: Actor;
  outsider: Actor;
  otherReviewId: string;
}> {
  const admin = await signInAdmin(baseUrl);
  const mk = async (title: string) => {
    const r = await api(baseUrl, 'POST', '/api/reviews', {
      cookie: admin.cookie,
      body: { title, kind: 'rapid-review', childPseudonym: 'Child T', referralDate: '02/11/2026' },
    });
    if (r.status !== 201) throw new Error(`create review failed ${r.status} ${JSON.stringify(r.body)}`);
    return r.body.id as string;
  };
  const reviewId = await mk('Test review');
  const agencies: { id: string; shortCode: string }[] = [];
  for (const [name, shortCode, partnerType] of [
    ['Test Police', 'POL', 'police'],
    ['Test Health', 'ICB', 'health-icb'],
  ] as const) {
    const r = await api(baseUrl, 'POST', `/api/reviews/${reviewId}/agencies`, { cookie: admin.cookie, body: { name, shortCode, partnerType } });
    if (r.status !== 201) throw new Error(`add agency failed ${r.status} ${JSON.stringify(r.body)}`);
    agencies.push({ id: r.body.id, shortCode });
  }
  const team = await inviteAndAccept(baseUrl, admin.cookie, reviewId, 'review-team');
  const author = await inviteAndAccept(baseUrl, admin.cookie, reviewId, 'agency-author', agencies[0]!.id);
  const author2 = await inviteAndAccept(baseUrl, admin.cookie, reviewId, 'agency-author', agencies[1]!.id);
  const observer = await inviteAndAccept(baseUrl, admin.cookie, reviewId, 'observer');
  const otherReviewId = await mk('Another review');
  const outsider = await inviteAndAccept(baseUrl, admin.cookie, otherReviewId, 'review-team');
  return { reviewId, agencies, admin, lead: admin, team, author, author2, observer, outsider, otherReviewId };
}
