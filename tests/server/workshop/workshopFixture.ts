import { expect } from 'vitest';
import { api } from '../../utils/api.js';
import { joinWithToken, redeemInvitation, type Participant } from '../../utils/participant.js';
import type { ParticipationToken } from '../../../shared/workshop/participant.js';

/** Creates a workshop with two phases and two lessons, publishes it, and returns its id and code. Code joining is on when asked. */
export async function publishedWorkshop(baseUrl: string, cookie: string, reviewId: string, k = 3, opts: { codeJoining?: boolean } = {}): Promise<{ id: string; code: string }> {
  const created = await api(baseUrl, 'POST', `/api/reviews/${reviewId}/workshops`, { cookie, body: { date: '2026-12-01' } });
  expect(created.status).toBe(201);
  const w = (await api(baseUrl, 'GET', `/api/reviews/${reviewId}/workshops/${created.body.id}`, { cookie })).body;
  const setup = {
    ...w.setup,
    k,
    phases: [
      { id: 'p1', title: 'Pregnancy and birth', start: '2019-01-01', end: '2019-12-31' },
      { id: 'p2', title: 'Early years', start: '2020-01-01', end: '2022-12-31' },
    ],
    lessons: [
      { id: 'l1', text: 'Fathers were invisible to services.' },
      { id: 'l2', text: 'Escalation was not used.' },
    ],
  };
  expect((await api(baseUrl, 'PUT', `/api/reviews/${reviewId}/workshops/${created.body.id}/setup`, { cookie, body: setup })).status).toBe(200);
  expect((await api(baseUrl, 'POST', `/api/reviews/${reviewId}/workshops/${created.body.id}/control`, { cookie, body: { action: 'publish' } })).status).toBe(200);
  if (opts.codeJoining) expect((await api(baseUrl, 'PUT', `/api/reviews/${reviewId}/workshops/${created.body.id}/code-joining`, { cookie, body: { on: true } })).status).toBe(200);
  return { id: created.body.id, code: created.body.joinCode };
}

/** Puts `n` practitioners on the invitation list and answers their links' secrets. */
export async function invite(baseUrl: string, cookie: string, reviewId: string, workshopId: string, n: number): Promise<string[]> {
  const r = await api(baseUrl, 'POST', `/api/reviews/${reviewId}/workshops/${workshopId}/invitations`, {
    cookie,
    body: { labels: Array.from({ length: n }, (_, i) => `Practitioner ${i + 1}`) },
  });
  expect(r.status).toBe(201);
  return r.body.invitations.map((i: { secret: string }) => i.secret);
}

/** Invites `n` practitioners, redeems each invitation for a token, and joins each with it. */
export async function invitedParticipants(
  baseUrl: string,
  cookie: string,
  reviewId: string,
  workshopId: string,
  n: number,
): Promise<{ people: Participant[]; tokens: ParticipationToken[]; secrets: string[] }> {
  const secrets = await invite(baseUrl, cookie, reviewId, workshopId, n);
  const tokens: ParticipationToken[] = [];
  for (const s of secrets) {
    const r = await redeemInvitation(baseUrl, workshopId, s);
    if (!r.ok) throw new Error(`redeem refused: ${r.error.code}`);
    tokens.push(r.token);
  }
  const people = await Promise.all(tokens.map((t) => joinWithToken(baseUrl, workshopId, t)));
  return { people, tokens, secrets };
}

/** Releases a prompt's answers as the facilitator; answers the HTTP status. */
export async function release(baseUrl: string, cookie: string, reviewId: string, workshopId: string, promptId: string): Promise<number> {
  return (await api(baseUrl, 'POST', `/api/reviews/${reviewId}/workshops/${workshopId}/responses/${promptId}/release`, { cookie, body: {} })).status;
}
