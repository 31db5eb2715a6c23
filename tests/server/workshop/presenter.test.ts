import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blankPerson } from '../../../shared/people.js';
import { writePerson } from '../../../shared/peopleDoc.js';
import { api } from '../../utils/api.js';
import { createReviewWithMembers } from '../../utils/factories.js';
import { connectParticipant, newReceipt } from '../../utils/participant.js';
import { startTestServer } from '../../utils/testServer.js';
import { openDoc, synced, type TestClient } from '../../utils/yjsClient.js';
import { invitedParticipants, publishedWorkshop, release } from './workshopFixture.js';

/**
 * Issue 17 item 4 on the server: the short address's `lookup` event (the code alone finds its workshop,
 * wrong codes slow only the connection that sends them), the presenter screen's route (pseudonymised,
 * released answers only, coarse counts) and the staff events it follows live. Real socket.io clients.
 */

let server: Awaited<ReturnType<typeof startTestServer>>;
let fx: Awaited<ReturnType<typeof createReviewWithMembers>>;
const opened: { close(): void }[] = [];
const docs: TestClient[] = [];

beforeAll(async () => {
  server = await startTestServer({ config: { workshopCountsIntervalMs: 100 } });
  fx = await createReviewWithMembers(server.url);
  const reg = openDoc(server.url, `review.${fx.reviewId}.people`, fx.lead.cookie);
  docs.push(reg);
  await synced(reg);
  writePerson(reg.doc, { ...blankPerson('p-mum'), name: 'Kerry Thornbury', relationship: 'Mother', reportLabel: 'Mother' });
});
afterAll(async () => {
  for (const o of opened) o.close();
  for (const d of docs) d.destroy();
  await server?.close();
});

const wpath = (id: string) => `/api/reviews/${fx.reviewId}/workshops/${id}`;
const control = async (id: string, body: object) => expect((await api(server.url, 'POST', `${wpath(id)}/control`, { cookie: fx.lead.cookie, body })).status).toBe(200);
const presenter = async (id: string, cookie = fx.lead.cookie) => api(server.url, 'GET', `${wpath(id)}/presenter`, { cookie });

/** A staff socket watching a workshop, recording every event it receives. */
async function watch(workshopId: string): Promise<{ socket: Socket; events: { name: string; payload: any }[] }> {
  const socket = connect(server.url, { transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: { cookie: fx.team.cookie, origin: server.url } });
  opened.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  const events: { name: string; payload: any }[] = [];
  socket.onAny((name, payload) => events.push({ name, payload }));
  expect((await socket.timeout(5_000).emitWithAck('workshop:watch', { workshopId })).ok).toBe(true);
  return { socket, events };
}

/** Waits (bounded) until a recorded event matches. */
async function eventually(events: { name: string; payload: any }[], name: string): Promise<any> {
  for (let tries = 0; tries < 200; tries++) {
    const e = events.find((x) => x.name === name);
    if (e) return e.payload;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`no ${name} event`);
}

describe('the short address /join: lookup by code', () => {
  it('finds a workshop by its code alone when code joining is on, and says why not otherwise', async () => {
    const off = await publishedWorkshop(server.url, fx.lead.cookie, fx.reviewId);
    const on = await publishedWorkshop(server.url, fx.lead.cookie, fx.reviewId, 3, { codeJoining: true });
    const p = await connectParticipant(server.url);
    opened.push(p);
    expect(await p.emit('lookup', { code: on.code.toLowerCase() })).toEqual({ ok: true, workshopId: on.id });
    expect(await p.emit('lookup', { code: off.code })).toMatchObject({ ok: false, error: { code: 'code-off', message: expect.stringMatching(/personal invitation link/) } });
    expect(await p.emit('lookup', { code: 'x' })).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await p.emit('lookup', { code: on.code, workshopId: on.id })).toMatchObject({ ok: false, error: { code: 'invalid' } });
    // A draft workshop's code finds nothing.
    const draft = await api(server.url, 'POST', `/api/reviews/${fx.reviewId}/workshops`, { cookie: fx.lead.cookie, body: { date: '2026-12-02' } });
    expect(await p.emit('lookup', { code: draft.body.joinCode })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    // A closed workshop says so.
    await control(on.id, { action: 'start' });
    await control(on.id, { action: 'close' });
    expect(await p.emit('lookup', { code: on.code })).toMatchObject({ ok: false, error: { code: 'closed' } });
  });

  it('slows only the connection that sends wrong codes, one attempt at a time, and never refuses a right code', async () => {
    const w = await publishedWorkshop(server.url, fx.lead.cookie, fx.reviewId, 3, { codeJoining: true });
    const wrong = w.code === 'ZZZZZZ' ? 'YYYYYY' : 'ZZZZZZ';
    const guesser = await connectParticipant(server.url);
    opened.push(guesser);
    expect(await guesser.emit('lookup', { code: wrong })).toMatchObject({ ok: false, error: { code: 'not-found', message: expect.stringMatching(/code is not right/) } });
    // The next attempt waits; one sent meanwhile is told to wait, not counted, not locked out.
    const [slowed, meanwhile] = await Promise.all([guesser.emit('lookup', { code: wrong }), guesser.emit('lookup', { code: wrong })]);
    expect(slowed).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(meanwhile).toMatchObject({ ok: false, error: { code: 'busy' } });
    for (let i = 0; i < 3; i++) await guesser.emit('lookup', { code: wrong });
    // Someone else with the right code is answered, whatever the guesser did.
    const other = await connectParticipant(server.url);
    opened.push(other);
    expect(await other.emit('lookup', { code: w.code })).toEqual({ ok: true, workshopId: w.id });
    // And the guesser is slowed, never locked out: the right code still works for it.
    expect(await guesser.emit('lookup', { code: w.code })).toEqual({ ok: true, workshopId: w.id });
    // The found workshop is joined with the code as before.
    expect(await other.emit('join', { workshopId: w.id, code: w.code })).toMatchObject({ ok: true, mode: 'code' });
  });
});

describe('the presenter screen', () => {
  it('shows what is shared and only released, visible answers, pseudonymised, in release order, with coarse counts', async () => {
    const w = await publishedWorkshop(server.url, fx.lead.cookie, fx.reviewId);
    // A lesson and a phase title that name the mother.
    const current = (await api(server.url, 'GET', wpath(w.id), { cookie: fx.lead.cookie })).body;
    const setup = {
      ...current.setup,
      lessons: [...current.setup.lessons, { id: 'l3', text: 'Kerry Thornbury was not asked about the father.' }],
      phases: current.setup.phases.map((p: { id: string; title: string }, i: number) => (i === 0 ? { ...p, title: 'Before Kerry Thornbury moved' } : p)),
    };
    expect((await api(server.url, 'PUT', `${wpath(w.id)}/setup`, { cookie: fx.lead.cookie, body: setup })).status).toBe(200);
    const { people } = await invitedParticipants(server.url, fx.lead.cookie, fx.reviewId, w.id, 4);
    opened.push(...people);
    const { events } = await watch(w.id);

    // Before any release: nothing released, and the open questions' counts are coarse.
    for (const [i, p] of people.slice(0, 2).entries()) expect((await p.emit('respond', { promptId: 'w1-1', text: `Early answer ${i}` })).ok).toBe(true);
    let body = (await presenter(w.id)).body;
    expect(body.released).toEqual([]);
    expect(body.view.stage).toBe('open');
    expect(body.view).not.toHaveProperty('confidentiality');
    expect(Object.keys(body.counts).sort()).toEqual(['w1-1', 'w1-2', 'w1-3', 'w1-4', 'w1-5']);
    expect(body.counts['w1-1']).toEqual({ kind: 'below', k: 3 });

    const texts = ['Kerry Thornbury rang the health visitor.', 'Nobody asked about the partner.', 'The school was not told.', 'Housing moved the family twice.'];
    for (const [i, p] of people.entries()) expect((await p.emit('respond', { promptId: 'w1-1', text: texts[i] })).ok).toBe(true);
    // Starting the meeting releases worksheet 1; the watching staff hear about it and about the state.
    await control(w.id, { action: 'start' });
    expect((await eventually(events, 'workshop:released')).promptIds).toContain('w1-1');
    expect((await eventually(events, 'workshop:state')).state.stage).toBe('live');
    await control(w.id, { action: 'share-phase', phaseId: 'p1' });
    await control(w.id, { action: 'share-lessons' });

    // The register reaches the server over Yjs; wait (bounded) until the pipeline knows the name.
    for (let tries = 0; ; tries++) {
      body = (await presenter(w.id)).body;
      if (!JSON.stringify(body).includes('Kerry')) break;
      if (tries > 200) throw new Error(`never pseudonymised: ${JSON.stringify(body)}`);
      await new Promise((r) => setTimeout(r, 25));
    }
    const all = JSON.stringify(body);
    expect(all).not.toMatch(/Kerry|Thornbury/);
    expect(body.view.showing).toEqual({ kind: 'lessons' });
    expect(body.view.lessons.map((l: { text: string }) => l.text)).toContain('Mother was not asked about the father.');
    expect(body.view.agenda[0]).toMatchObject({ time: '09:45' });
    // Phase 1 was released when the lessons replaced it (no answers: not shown); worksheet 1 is.
    expect(body.released.map((r: { promptId: string }) => r.promptId)).toEqual(['w1-1']);
    const q1 = body.released[0];
    expect(q1.label).toBe('Worksheet 1, question 1');
    expect([...q1.answers].sort()).toEqual(['Housing moved the family twice.', 'Mother rang the health visitor.', 'Nobody asked about the partner.', 'The school was not told.']);
    // In the release's own order: the same as the staff listing, which is the release's random order.
    const listing = (await api(server.url, 'GET', `${wpath(w.id)}/responses`, { cookie: fx.lead.cookie })).body.prompts.find((p: { id: string }) => p.id === 'w1-1');
    expect(q1.answers).toEqual(listing.responses.map((r: { text: string }) => r.text));
    expect(q1.releaseId).toBe(listing.releaseId);
    // Counts are for the questions open now, coarse.
    expect(Object.keys(body.counts).sort()).toEqual(['w2-p1', 'w3-l1', 'w3-l2', 'w3-l3']);

    // Hiding an answer takes it off the screen, and the watchers are told to reload.
    const slot = listing.responses.find((r: { text: string }) => r.text.startsWith('Housing')).id;
    events.length = 0;
    expect((await api(server.url, 'POST', `${wpath(w.id)}/responses/w1-1/${slot}/hidden`, { cookie: fx.lead.cookie, body: { hidden: true } })).status).toBe(200);
    expect(await eventually(events, 'workshop:moderated')).toEqual({ workshopId: w.id });
    body = (await presenter(w.id)).body;
    expect(body.released[0].answers).toHaveLength(3);
    expect(body.released[0].answers).not.toContain('Housing moved the family twice.');
    // Hiding another leaves fewer than k visible: the question leaves the screen altogether.
    const slot2 = listing.responses.find((r: { text: string }) => r.text.startsWith('Nobody')).id;
    expect((await api(server.url, 'POST', `${wpath(w.id)}/responses/w1-1/${slot2}/hidden`, { cookie: fx.lead.cookie, body: { hidden: true } })).status).toBe(200);
    expect((await presenter(w.id)).body.released).toEqual([]);
  });

  it('is for the lead reviewer and the review team only', async () => {
    const w = await publishedWorkshop(server.url, fx.lead.cookie, fx.reviewId);
    expect((await presenter(w.id, fx.team.cookie)).status).toBe(200);
    expect([403, 404]).toContain((await presenter(w.id, fx.author.cookie)).status);
    expect((await presenter(w.id, '')).status).toBe(401);
    expect((await api(server.url, 'GET', `/api/reviews/${fx.reviewId}/workshops/nonexistent-workshop-id/presenter`, { cookie: fx.lead.cookie })).status).toBe(404);
  });

  it('never shows answers that were not released, even at k', async () => {
    const w = await publishedWorkshop(server.url, fx.lead.cookie, fx.reviewId);
    const { people } = await invitedParticipants(server.url, fx.lead.cookie, fx.reviewId, w.id, 3);
    opened.push(...people);
    for (const p of people) expect((await p.emit('respond', { promptId: 'w1-2', text: `Unreleased ${newReceipt()}` })).ok).toBe(true);
    expect(JSON.stringify((await presenter(w.id)).body)).not.toContain('Unreleased');
    expect(await release(server.url, fx.lead.cookie, fx.reviewId, w.id, 'w1-2')).toBe(200);
    expect((await presenter(w.id)).body.released.map((r: { answers: string[] }) => r.answers.length)).toEqual([3]);
  });
});
