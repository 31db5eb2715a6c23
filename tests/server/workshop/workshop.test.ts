import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, spawnServer, tempDataDir } from '../../utils/testServer.js';
import { storedWorkshop } from '../../utils/storage.js';
import { api } from '../../utils/api.js';
import { createReviewWithMembers } from '../../utils/factories.js';
import { connectParticipant, joinWithToken, newReceipt, redeemInvitation, type Participant } from '../../utils/participant.js';
import { invite, publishedWorkshop, release } from './workshopFixture.js';
import { captureStdout } from '../../utils/captureStdout.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
let fx: Awaited<ReturnType<typeof createReviewWithMembers>>;
let capture: ReturnType<typeof captureStdout>;

beforeAll(async () => {
  server = await startTestServer({ env: { LOG_LEVEL: 'debug' } });
  // Capture everything the server logs during this file, to prove it holds nothing identifying.
  capture = captureStdout();
  fx = await createReviewWithMembers(server.url);
});
afterAll(async () => {
  capture.stop();
  await server.close();
});

describe('workshop with 30 anonymous participants', () => {
  it('collects answers anonymously, enforces k, and stores nothing that identifies anyone', async () => {
    const { id } = await publishedWorkshop(server.url, fx.lead.cookie, fx.reviewId);
    const secrets = await invite(server.url, fx.lead.cookie, fx.reviewId, id, 30);
    const people: Participant[] = [];
    const joins = [];
    for (const [i, secret] of secrets.entries()) {
      const t = await redeemInvitation(server.url, id, secret);
      if (!t.ok) throw new Error('redeem refused');
      const p = await connectParticipant(server.url, i === 0 ? { cookie: fx.lead.cookie, 'user-agent': 'UA-CANARY/1.0' } : { 'user-agent': 'UA-CANARY/1.0' });
      people.push(p);
      joins.push(await p.emit('join', { workshopId: id, token: t.token }));
    }
    expect(joins.every((j) => j.ok)).toBe(true);
    expect(joins[0].view.prompts.map((p: { id: string }) => p.id)).toEqual(['w1-1', 'w1-2', 'w1-3', 'w1-4', 'w1-5']);
    expect(joins[0].view.confidentiality).toMatch(/highly confidential/);

    const acks = await Promise.all(people.map((p, i) => p.emit('respond', { promptId: 'w1-1', text: `Answer number ${i}` })));
    expect(acks.every((a) => a.ok)).toBe(true);
    // Only two people answer question 2 (one edits): below k, the facilitator sees a coarse count only.
    await people[0]!.emit('respond', { promptId: 'w1-2', text: 'first draft' });
    await people[0]!.emit('respond', { promptId: 'w1-2', text: 'edited answer' });
    await people[1]!.emit('respond', { promptId: 'w1-2', text: 'another' });
    expect(await release(server.url, fx.lead.cookie, fx.reviewId, id, 'w1-1')).toBe(200);
    expect(await release(server.url, fx.lead.cookie, fx.reviewId, id, 'w1-2')).toBe(409);

    const results = (await api(server.url, 'GET', `/api/reviews/${fx.reviewId}/workshops/${id}/responses`, { cookie: fx.team.cookie })).body;
    const q1 = results.prompts.find((p: { id: string }) => p.id === 'w1-1');
    const q2 = results.prompts.find((p: { id: string }) => p.id === 'w1-2');
    expect(q1.released).toBe(true);
    expect(q1.responses.map((r: { text: string }) => r.text).sort()).toEqual(Array.from({ length: 30 }, (_, i) => `Answer number ${i}`).sort());
    expect(q2).toMatchObject({ released: false, responses: [] });
    // An agency author is not on the review team and cannot see responses at all.
    expect((await api(server.url, 'GET', `/api/reviews/${fx.reviewId}/workshops/${id}/responses`, { cookie: fx.author.cookie })).status).toBe(403);

    // Scan every stored byte of the workshop and every log line for identifying traces.
    const { stored, texts } = await storedWorkshop(server.dataDir, id, 'w1-1');
    const haystack = stored + capture.text();
    for (const p of people) expect(haystack).not.toContain(p.socket.id!);
    expect(haystack).not.toMatch(/127\.0\.0\.1|::1|::ffff/);
    expect(haystack).not.toContain('UA-CANARY');
    expect(haystack).not.toContain(fx.lead.cookie.split('=')[1]!);
    expect(stored).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
    expect(stored).toContain('edited answer');
    expect(stored).not.toContain('first draft');
    // Storage order is not arrival order: slots are random.
    expect(texts).not.toEqual(Array.from({ length: 30 }, (_, i) => `Answer number ${i}`));

    // Anonymity cannot be lowered once responses exist.
    const w = (await api(server.url, 'GET', `/api/reviews/${fx.reviewId}/workshops/${id}`, { cookie: fx.lead.cookie })).body;
    const raise = await api(server.url, 'PUT', `/api/reviews/${fx.reviewId}/workshops/${id}/setup`, { cookie: fx.lead.cookie, body: { ...w.setup, k: 5 } });
    expect(raise.status).toBe(200);
    const lower = await api(server.url, 'PUT', `/api/reviews/${fx.reviewId}/workshops/${id}/setup`, { cookie: fx.lead.cookie, body: { ...w.setup, k: 3 } });
    expect(lower.status).toBe(409);
    // Exports: hidden responses are left out; CSV cells are neutralised; the .docx holds the same words.
    const slot = (await api(server.url, 'GET', `/api/reviews/${fx.reviewId}/workshops/${id}/responses`, { cookie: fx.lead.cookie })).body.prompts[0].responses[0];
    expect(
      (await api(server.url, 'POST', `/api/reviews/${fx.reviewId}/workshops/${id}/responses/w1-1/${slot.id}/hidden`, { cookie: fx.lead.cookie, body: { hidden: true } })).status,
    ).toBe(200);
    const csv = await fetch(`${server.url}/api/reviews/${fx.reviewId}/workshops/${id}/responses.csv`, { headers: { cookie: fx.lead.cookie } }).then((r) => r.text());
    expect(csv).not.toMatch(new RegExp(`${slot.text}(?!\\d)`));
    expect(csv.match(/Answer number/g)).toHaveLength(29);
    const docx = new Uint8Array(
      await (await fetch(`${server.url}/api/reviews/${fx.reviewId}/workshops/${id}/responses.docx`, { headers: { cookie: fx.lead.cookie } })).arrayBuffer(),
    );
    const xml = strFromU8(unzipSync(docx)['word/document.xml']!);
    expect(xml.match(/Answer number/g)).toHaveLength(29);
    expect(xml).toContain('not shown, because fewer than the anonymity threshold');
    for (const p of people) p.close();
  });

  it('follows the facilitator live and refuses answers once closed', async () => {
    const { id, code } = await publishedWorkshop(server.url, fx.lead.cookie, fx.reviewId, 3, { codeJoining: true });
    const p = await connectParticipant(server.url);
    await p.emit('join', { workshopId: id, code });
    const control = (body: object) => api(server.url, 'POST', `/api/reviews/${fx.reviewId}/workshops/${id}/control`, { cookie: fx.lead.cookie, body });
    const nextView = () => new Promise<any>((r) => p.socket.once('view', r));

    let v = nextView();
    await control({ action: 'start' });
    expect((await v).stage).toBe('live');
    expect((await api(server.url, 'POST', `/api/reviews/${fx.reviewId}/workshops/${id}/control`, { cookie: fx.team.cookie, body: { action: 'close' } })).status).toBe(403);
    const w1 = await p.emit('respond', { promptId: 'w1-1', text: 'too late', receipt: newReceipt() });
    expect(w1).toMatchObject({ ok: false, error: { code: 'prompt-closed' } });

    v = nextView();
    await control({ action: 'share-phase', phaseId: 'p1' });
    const phaseView = await v;
    expect(phaseView.phase.title).toBe('Pregnancy and birth');
    expect(phaseView.prompts.map((x: { id: string }) => x.id)).toEqual(['w2-p1']);
    expect((await p.emit('respond', { promptId: 'w2-p1', text: 'The GP letter is missing.', receipt: newReceipt() })).ok).toBe(true);

    v = nextView();
    await control({ action: 'share-lessons' });
    expect((await v).lessons).toHaveLength(2);
    v = nextView();
    await control({ action: 'open-feedback' });
    expect((await v).prompts.map((x: { id: string }) => x.id)).toContain('w4-1');
    expect((await p.emit('private-request', { contact: 'Call me on my work number' })).ok).toBe(true);

    // A screen that reconnects gets the current state by joining again.
    const again = await connectParticipant(server.url);
    expect((await again.emit('join', { workshopId: id, code })).view.showing.kind).toBe('feedback');

    expect((await api(server.url, 'GET', `/api/reviews/${fx.reviewId}/workshops/${id}/private-requests`, { cookie: fx.lead.cookie })).status).toBe(409);
    await control({ action: 'close' });
    expect(await p.emit('respond', { promptId: 'w4-1', text: 'x', receipt: newReceipt() })).toMatchObject({ ok: false, error: { code: 'closed' } });
    const priv = await api(server.url, 'GET', `/api/reviews/${fx.reviewId}/workshops/${id}/private-requests`, { cookie: fx.lead.cookie });
    expect(priv.body.requests).toEqual([{ contact: 'Call me on my work number' }]);
    // Attendance (for the report) is kept on the workshop, never on responses; only the lead reviewer
    // keeps it, as only they capture the outcome (tests/server/workshop/outcome.test.ts).
    const att = await api(server.url, 'PUT', `/api/reviews/${fx.reviewId}/workshops/${id}/attendance`, {
      cookie: fx.lead.cookie,
      body: [{ name: 'A Practitioner', role: 'Health visitor', agency: 'ICB' }],
    });
    expect(att.status).toBe(200);
    expect((await api(server.url, 'PUT', `/api/reviews/${fx.reviewId}/workshops/${id}/attendance`, { cookie: fx.team.cookie, body: [] })).status).toBe(403);
    p.close();
    again.close();
  });

  it('refuses wrong codes, bad payloads and oversize answers', async () => {
    const { id, code } = await publishedWorkshop(server.url, fx.lead.cookie, fx.reviewId, 3, { codeJoining: true });
    const p = await connectParticipant(server.url);
    expect(await p.emit('join', { workshopId: id, code: code === 'AAAAAA' ? 'BBBBBB' : 'AAAAAA' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await p.emit('respond', { promptId: 'w1-1', text: 'x', receipt: newReceipt() })).toMatchObject({ ok: false, error: { code: 'not-joined' } });
    await p.emit('join', { workshopId: id, code });
    expect(await p.emit('respond', { promptId: 'w1-1', text: 'x'.repeat(5001), receipt: newReceipt() })).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await p.emit('respond', { promptId: 'w1-1', text: 'x', receipt: 'short', extra: 1 })).toMatchObject({ ok: false, error: { code: 'invalid' } });
    // Guessing codes is slowed per connection: one attempt at a time, each waiting longer.
    const guesser = await connectParticipant(server.url);
    const answers = await Promise.all([2, 3, 4].map((i) => guesser.emit('join', { workshopId: id, code: `ZZZZZ${i}` })));
    expect(answers.map((a) => a.error.code)).toEqual(['not-found', 'busy', 'busy']);
    // A code join needs a receipt for each answer, so the answer can be changed or withdrawn.
    expect(await p.emit('respond', { promptId: 'w1-1', text: 'x' })).toMatchObject({ ok: false, error: { code: 'invalid' } });
    p.close();
    guesser.close();
  });
});

describe('durability of acknowledged responses', () => {
  it('keeps a response acknowledged just before kill -9', async () => {
    const dataDir = tempDataDir();
    let srv = await spawnServer(dataDir);
    try {
      const f = await createReviewWithMembers(srv.url);
      const { id } = await publishedWorkshop(srv.url, f.lead.cookie, f.reviewId);
      const [secret] = await invite(srv.url, f.lead.cookie, f.reviewId, id, 1);
      const t = await redeemInvitation(srv.url, id, secret!);
      if (!t.ok) throw new Error('redeem refused');
      const p = await joinWithToken(srv.url, id, t.token);
      const ack = await p.emit('respond', { promptId: 'w1-3', text: 'acknowledged then crash' });
      expect(ack.ok).toBe(true);
      await srv.kill9();
      p.close();
      srv = await spawnServer(dataDir);
      const cookie = (await api(srv.url, 'POST', '/api/auth/login', { body: { email: 'admin@test.invalid', password: 'correct horse battery staple' } })).headers
        .get('set-cookie')!
        .split(';')[0]!;
      // The answer is on disk (the live tally), and its token still replaces it after the restart.
      expect((await storedWorkshop(dataDir, id, 'w1-3')).texts).toEqual(['acknowledged then crash']);
      const again = await joinWithToken(srv.url, id, t.token);
      expect((await again.emit('respond', { promptId: 'w1-3', text: 'replaced after restart' })).ok).toBe(true);
      again.close();
      expect(cookie).toBeTruthy();
    } finally {
      await srv.kill9();
    }
  }, 60_000);
});
