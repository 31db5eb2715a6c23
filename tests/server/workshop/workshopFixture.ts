import { expect } from 'vitest';
import { api } from '../../utils/api.js';

/** Creates a workshop with two phases and two lessons, publishes it, and returns its id and code. */
export async function publishedWorkshop(baseUrl: string, cookie: string, reviewId: string, k = 3): Promise<{ id: string; code: string }> {
  const created = await api(baseUrl, 'POST', `/api/reviews/${reviewId}/workshops`, { cookie, body: { date: '2026-12-01' } });
  expect(created.status).toBe(201);
  const w = (await api(baseUrl, 'GET', `/api/reviews/${reviewId}/workshops/${created.body.id}`, { cookie })).body;
  const setup = { ...w.setup, k, phases: [{ id: 'p1', title: 'Pregnancy and birth', start: '2019-01-01', end: '2019-12-31' }, { id: 'p2', title: 'Early years', start: '2020-01-01', end: '2022-12-31' }],
    lessons: [{ id: 'l1', text: 'Fathers were invisible to services.' }, { id: 'l2', text: 'Escalation was not used.' }] };
  expect((await api(baseUrl, 'PUT', `/api/reviews/${reviewId}/workshops/${created.body.id}/setup`, { cookie, body: setup })).status).toBe(200);
  expect((await api(baseUrl, 'POST', `/api/reviews/${reviewId}/workshops/${created.body.id}/control`, { cookie, body: { action: 'publish' } })).status).toBe(200);
  return { id: created.body.id, code: created.body.joinCode };
}
