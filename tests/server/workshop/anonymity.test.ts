import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../utils/api.js';
import { createReviewWithMembers } from '../../utils/factories.js';
import { connectParticipant, joinWithToken, newReceipt, redeemInvitation, type Participant } from '../../utils/participant.js';
import { onPostgres, startTestServer } from '../../utils/testServer.js';
import { queryTestSchema, storedAnswers, storedWorkshop } from '../../utils/storage.js';
import { invite, invitedParticipants, publishedWorkshop, release } from './workshopFixture.js';

/**
 * Issue 15: anonymity that holds against a watching lead reviewer, padding, races and the operator.
 * Real socket.io clients, blind-signed tokens made by the participant's own code, a real server.
 */

/** How often the live counts may change in these tests (production: 30 s). */
const INTERVAL = 150;
let server: Awaited<ReturnType<typeof startTestServer>>;
let fx: Awaited<ReturnType<typeof createReviewWithMembers>>;
const opened: { close(): void }[] = [];

beforeAll(async () => {
  server = await startTestServer({ config: { workshopCountsIntervalMs: INTERVAL } });
  fx = await createReviewWithMembers(server.url);
});
afterAll(async () => {
  for (const o of opened) o.close();
  await server?.close();
});

const wpath = (id: string) => `/api/reviews/${fx.reviewId}/workshops/${id}`;
const results = async (id: string, cookie = fx.lead.cookie) => (await api(server.url, 'GET', `${wpath(id)}/responses`, { cookie })).body;
const prompt = (r: any, id: string) => r.prompts.find((p: { id: string }) => p.id === id);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A staff socket watching a workshop's live counts (the lead reviewer's console). */
async function watch(workshopId: string): Promise<{ socket: Socket; events: any[] }> {
  const socket = connect(server.url, { transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: { cookie: fx.lead.cookie, origin: server.url } });
  opened.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  const events: any[] = [];
  socket.on('workshop:counts', (e) => events.push(e));
  const ack = await socket.timeout(5_000).emitWithAck('workshop:watch', { workshopId });
  expect(ack.ok).toBe(true);
  return { socket, events };
}

/** Spearman's rank correlation of two orders of the same items. */
function spearman(a: readonly string[], b: readonly string[]): number {
  const rank = new Map(b.map((x, i) => [x, i]));
  const n = a.length;
  const d2 = a.reduce((s, x, i) => s + (i - rank.get(x)!) ** 2, 0);
  return 1 - (6 * d2) / (n * (n * n - 1));
}

describe('a watching lead reviewer', () => {
  it('cannot tie 36 answers to their arrivals by refreshing after every counts event', async () => {
    const { id } = await publishedWorkshop(server.url, fx.lead.cookie, fx.reviewId);
    const { people } = await invitedParticipants(server.url, fx.lead.cookie, fx.reviewId, id, 36);
    opened.push(...people);
    const { socket, events } = await watch(id);
    // The attack: after every counts event (and after every arrival too), refresh the results and
    // attribute any answer that newly appears to the latest arrival.
    const arrivals: string[] = [];
    const pinned = new Map<string, string>();
    let seen = new Set<string>();
    const refresh = async () => {
      const now = (prompt(await results(id), 'w1-1').responses as { text: string }[]).map((r) => r.text);
      const fresh = now.filter((t) => !seen.has(t));
      if (fresh.length === 1 && arrivals.length > 0) pinned.set(fresh[0]!, arrivals.at(-1)!);
      seen = new Set(now);
    };
    socket.on('workshop:counts', () => void refresh());
    for (const [i, p] of people.entries()) {
      const text = `Answer from arrival ${i}`;
      expect((await p.emit('respond', { promptId: 'w1-1', text })).ok).toBe(true);
      arrivals.push(text);
      await refresh();
      if (i % 6 === 5) await sleep(INTERVAL);
    }
    await sleep(INTERVAL * 2);
    await refresh();
    // Nothing is shown before a release, and counts arrive on a clock, coarse, far fewer than arrivals.
    expect(seen.size).toBe(0);
    expect(events.length).toBeGreaterThan(0);
    expect(events.length).toBeLessThan(arrivals.length);
    for (const e of events) {
      const c = e.counts['w1-1'].counted;
      expect(c.kind === 'below' || c.value % 5 === 0 || c.value === 3).toBe(true);
    }
    expect(await release(server.url, fx.lead.cookie, fx.reviewId, id, 'w1-1')).toBe(200);
    await refresh();
    // All 36 appear in one refresh: nothing can be pinned, and the order says nothing about arrival.
    expect(seen.size).toBe(36);
    expect(pinned.size).toBe(0);
    const order = (prompt(await results(id), 'w1-1').responses as { text: string }[]).map((r) => r.text);
    // |ρ| under random order has a standard deviation of 1/√35 ≈ 0.17; arrival order would give 1.
    expect(Math.abs(spearman(order, arrivals))).toBeLessThan(0.6);
    // Refreshing again shows the same release: same ids, same order.
    expect(prompt(await results(id), 'w1-1').responses).toEqual(prompt(await results(id), 'w1-1').responses);

    // An edit looks like any other answer: the release keeps the old words until the next release,
    // which has all-new ids.
    const before = prompt(await results(id), 'w1-1');
    expect((await people[7]!.emit('respond', { promptId: 'w1-1', text: 'An edited answer' })).ok).toBe(true);
    expect(prompt(await results(id), 'w1-1')).toEqual(before);
    expect(await release(server.url, fx.lead.cookie, fx.reviewId, id, 'w1-1')).toBe(200);
    const after = prompt(await results(id), 'w1-1');
    const oldIds = new Set(before.responses.map((r: { id: string }) => r.id));
    expect(after.responses.some((r: { id: string }) => oldIds.has(r.id))).toBe(false);
    expect(after.responses.map((r: { text: string }) => r.text)).toContain('An edited answer');
    expect(after.responses.map((r: { text: string }) => r.text)).not.toContain('Answer from arrival 7');
    expect(after.responses).toHaveLength(36);
    expect(after).toMatchObject({ fromInvitations: 36, fromCode: 0 });
  });
});

describe('k counts people', () => {
  it('does not let one person reach k by joining many times with the code', async () => {
    const { id, code } = await publishedWorkshop(server.url, fx.lead.cookie, fx.reviewId, 3, { codeJoining: true });
    const selves: Participant[] = [];
    for (let i = 0; i < 10; i++) {
      const p = await connectParticipant(server.url);
      selves.push(p);
      expect((await p.emit('join', { workshopId: id, code })).ok).toBe(true);
      expect((await p.emit('respond', { promptId: 'w1-1', text: `Padding ${i}`, receipt: newReceipt() })).ok).toBe(true);
    }
    opened.push(...selves);
    expect(await release(server.url, fx.lead.cookie, fx.reviewId, id, 'w1-1')).toBe(409);
    expect(prompt(await results(id), 'w1-1')).toMatchObject({ released: false, responses: [] });
    // Two filler answers from the code cannot expose one real answer with a token either: that is
    // 1 + min(10, k − 1) = 3, so the code's cap matters only with k − 1 real people... with one token
    // and code joining off the code answers do not count at all.
    const [secret] = await invite(server.url, fx.lead.cookie, fx.reviewId, id, 1);
    const t = await redeemInvitation(server.url, id, secret!);
    if (!t.ok) throw new Error('redeem');
    const real = await joinWithToken(server.url, id, t.token);
    opened.push(real);
    expect((await real.emit('respond', { promptId: 'w1-1', text: 'The one real answer' })).ok).toBe(true);
    expect((await api(server.url, 'PUT', `${wpath(id)}/code-joining`, { cookie: fx.lead.cookie, body: { on: false } })).status).toBe(200);
    expect(await release(server.url, fx.lead.cookie, fx.reviewId, id, 'w1-1')).toBe(409);
    // Code-joined connections are refused once code joining is off.
    expect(await selves[0]!.emit('respond', { promptId: 'w1-2', text: 'x', receipt: newReceipt() })).toMatchObject({ ok: false, error: { code: 'code-off' } });
    expect(
      await connectParticipant(server.url).then((p) => {
        opened.push(p);
        return p.emit('join', { workshopId: id, code });
      }),
    ).toMatchObject({ ok: false, error: { code: 'code-off' } });
  });

  it('does not let one token reach k however many times it joins, and its rate limit survives reconnects', async () => {
    const { id } = await publishedWorkshop(server.url, fx.lead.cookie, fx.reviewId);
    const [secret] = await invite(server.url, fx.lead.cookie, fx.reviewId, id, 1);
    const t = await redeemInvitation(server.url, id, secret!);
    if (!t.ok) throw new Error('redeem');
    // The invitation gives one token only.
    expect(await redeemInvitation(server.url, id, secret!)).toMatchObject({ ok: false, error: { code: 'invitation-not-found' } });
    let accepted = 0;
    let limited = 0;
    for (let i = 0; i < 12; i++) {
      const p = await joinWithToken(server.url, id, t.token);
      for (let j = 0; j < 4; j++) {
        const a = await p.emit('respond', { promptId: 'w1-1', text: `Same person, try ${i}.${j}` });
        if (a.ok) accepted += 1;
        else if (a.error.code === 'rate-limited') limited += 1;
      }
      p.close();
    }
    expect(accepted).toBeLessThanOrEqual(31);
    expect(limited).toBeGreaterThan(0);
    expect(await release(server.url, fx.lead.cookie, fx.reviewId, id, 'w1-1')).toBe(409);
    expect((await storedWorkshop(server.dataDir, id, 'w1-1')).texts).toHaveLength(1);
    // A token of another workshop, or a forged one, is refused.
    const other = await publishedWorkshop(server.url, fx.lead.cookie, fx.reviewId);
    const p = await connectParticipant(server.url);
    opened.push(p);
    expect(await p.emit('join', { workshopId: other.id, token: t.token })).toMatchObject({ ok: false, error: { code: 'bad-token' } });
    const forged = { ...t.token, signature: `${t.token.signature.slice(0, -2)}AA` };
    expect(await p.emit('join', { workshopId: id, token: forged })).toMatchObject({ ok: false, error: { code: 'bad-token' } });
  });
});

describe('the k race', () => {
  it('never lowers k once an answer exists, whatever the timing of a set-up save', async () => {
    const events: string[] = [];
    const records = server.deps.records;
    const responses = server.deps.responses;
    const update = records.update.bind(records);
    const respond = responses.respond.bind(responses);
    // Observe (not replace) the two writes: the order in which they reach the stores. A record
    // update's change runs at write time, so that is when it is noted.
    records.update = ((c: any, id: string, change: (cur: any) => any) =>
      update(c, id, (cur: any) => {
        const next = change(cur);
        if (c === 'workshops') events.push(`put:${id}:${next.setup.k}`);
        return next;
      })) as typeof records.update;
    responses.respond = (async (w: string, ...rest: Parameters<typeof respond> extends [string, ...infer R] ? R : never) => {
      events.push(`answer:${w}`);
      return respond(w, ...rest);
    }) as typeof responses.respond;
    try {
      for (let attempt = 0; attempt < 8; attempt++) {
        const { id } = await publishedWorkshop(server.url, fx.lead.cookie, fx.reviewId, 5);
        const { people } = await invitedParticipants(server.url, fx.lead.cookie, fx.reviewId, id, 1);
        opened.push(...people);
        const setup = (await api(server.url, 'GET', wpath(id), { cookie: fx.lead.cookie })).body.setup;
        events.length = 0;
        const lower = sleep(attempt).then(() => api(server.url, 'PUT', `${wpath(id)}/setup`, { cookie: fx.lead.cookie, body: { ...setup, k: 3 } }));
        const answer = sleep(8 - attempt).then(() => people[0]!.emit('respond', { promptId: 'w1-1', text: 'First answer' }));
        const [l, a] = await Promise.all([lower, answer]);
        expect(a.ok).toBe(true);
        const firstAnswer = events.indexOf(`answer:${id}`);
        const lowered = events.findIndex((e) => e === `put:${id}:3`);
        // Either the lower k was written before the first answer, or it was refused.
        if (l.status === 200) expect(lowered).toBeLessThan(firstAnswer);
        else expect(l.status).toBe(409);
        const k = (await api(server.url, 'GET', wpath(id), { cookie: fx.lead.cookie })).body.setup.k;
        expect(l.status === 200 ? 3 : 5).toBe(k);
      }
    } finally {
      records.update = update;
      responses.respond = respond;
    }
  });
});

describe('wrong codes', () => {
  it('slow down only the connection that sends them: 50 wrong codes lock nobody out', async () => {
    const { id, code } = await publishedWorkshop(server.url, fx.lead.cookie, fx.reviewId, 3, { codeJoining: true });
    const [secret] = await invite(server.url, fx.lead.cookie, fx.reviewId, id, 1);
    const wrong = code === 'AAAAAA' ? 'BBBBBB' : 'AAAAAA';
    const guessers = await Promise.all([0, 1, 2, 3, 4].map(() => connectParticipant(server.url)));
    opened.push(...guessers);
    const answers = (await Promise.all(guessers.flatMap((g) => Array.from({ length: 10 }, () => g.emit('join', { workshopId: id, code: wrong }))))).map((a) => a.error.code);
    expect(answers.filter((c) => c === 'not-found').length).toBe(5);
    expect(answers.filter((c) => c === 'busy' || c === 'rate-limited').length).toBe(45);
    // Someone else with the right code, and someone with a valid token, get in at once.
    const right = await connectParticipant(server.url);
    opened.push(right);
    expect((await right.emit('join', { workshopId: id, code })).ok).toBe(true);
    const t = await redeemInvitation(server.url, id, secret!);
    if (!t.ok) throw new Error('redeem');
    opened.push(await joinWithToken(server.url, id, t.token));
    // A guesser is slowed, not refused: after its wait, the right code works on that connection too.
    expect((await guessers[0]!.emit('join', { workshopId: id, code })).ok).toBe(true);
  });
});

describe('closing', () => {
  it('leaves answers with no keys: no receipts, tokens, invitation secrets, signing key or slot maps', async () => {
    const { id, code } = await publishedWorkshop(server.url, fx.lead.cookie, fx.reviewId, 3, { codeJoining: true });
    const { people, tokens, secrets } = await invitedParticipants(server.url, fx.lead.cookie, fx.reviewId, id, 30);
    opened.push(...people);
    const coder = await connectParticipant(server.url);
    opened.push(coder);
    await coder.emit('join', { workshopId: id, code });
    const receipts = [newReceipt(), newReceipt()];
    expect((await coder.emit('respond', { promptId: 'w1-1', text: 'From the code', receipt: receipts[0] })).ok).toBe(true);
    for (const [i, p] of people.entries()) expect((await p.emit('respond', { promptId: 'w1-1', text: `Worksheet answer ${i}` })).ok).toBe(true);
    const control = (action: string, extra = {}) => api(server.url, 'POST', `${wpath(id)}/control`, { cookie: fx.lead.cookie, body: { action, ...extra } });
    // Starting the meeting ends worksheet 1: its answers are released without asking.
    expect((await control('start')).status).toBe(200);
    const w1 = prompt(await results(id), 'w1-1');
    expect(w1).toMatchObject({ released: true, fromInvitations: 30, fromCode: 1, codeCounted: true });
    // A good-practice mark on an answer survives a re-release and the close, on the same words.
    const marked = w1.responses.find((r: { text: string }) => r.text === 'Worksheet answer 4');
    const outcome = (await api(server.url, 'GET', `${wpath(id)}/outcome`, { cookie: fx.lead.cookie })).body;
    expect(
      (
        await api(server.url, 'PUT', `${wpath(id)}/outcome`, {
          cookie: fx.lead.cookie,
          body: { baseVersion: outcome.version, outcome: { ...outcome.outcome, marks: { [`w1-1/${marked.id}`]: { themeId: null, goodPractice: true } } } },
        })
      ).status,
    ).toBe(200);
    await control('open-feedback');
    for (const p of people.slice(0, 3)) expect((await p.emit('private-request', { contact: `Private ${people.indexOf(p)}` })).ok).toBe(true);
    expect((await api(server.url, 'GET', `${wpath(id)}/private-requests`, { cookie: fx.lead.cookie })).status).toBe(409);
    expect((await control('close')).status).toBe(200);

    const after = prompt(await results(id), 'w1-1');
    const stillMarked = (await api(server.url, 'GET', `${wpath(id)}/outcome`, { cookie: fx.lead.cookie })).body.outcome.marks;
    const [key] = Object.keys(stillMarked);
    expect(after.responses.find((r: { id: string }) => `w1-1/${r.id}` === key).text).toBe('Worksheet answer 4');
    const requests = (await api(server.url, 'GET', `${wpath(id)}/private-requests`, { cookie: fx.lead.cookie })).body.requests;
    expect(requests.map((r: { contact: string }) => r.contact).sort()).toEqual(['Private 0', 'Private 1', 'Private 2']);
    expect(Object.keys(requests[0])).toEqual(['contact']);
    // A token no longer joins; the participant is told the workshop has closed.
    const late = await connectParticipant(server.url);
    opened.push(late);
    expect(await late.emit('join', { workshopId: id, token: tokens[0] })).toMatchObject({ ok: false, error: { code: 'closed' } });

    // Scan every file of the data directory for anything that could link an answer to anyone.
    const files: string[] = [];
    // Regular files only: the data directory also holds the admin socket (server/admin/adminSocket.ts).
    const walk = (d: string) => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        if (e.isDirectory()) walk(path.join(d, e.name));
        else if (e.isFile()) files.push(path.join(d, e.name));
      }
    };
    walk(server.dataDir);
    const sha = (s: string) => createHash('sha256').update(s).digest('hex');
    const tokenIds = tokens.map((t) => sha(t.message));
    const needles = [
      ...tokens.flatMap((t) => [t.message, t.signature]),
      ...tokenIds,
      ...tokenIds.map((t) => sha(`token\0${t}\0w1-1`)),
      ...secrets,
      ...secrets.map(sha),
      ...receipts,
      ...receipts.map((r) => sha(`receipt\0${r}`)),
    ];
    for (const f of files) {
      const text = fs.readFileSync(f, 'utf8');
      for (const n of needles) expect(text.includes(n), `${path.relative(server.dataDir, f)} holds a key`).toBe(false);
    }
    // What the workshop stored, on either backend (files, or every row of the PostgreSQL workshop tables).
    const { stored: everything } = await storedWorkshop(server.dataDir, id, 'w1-1');
    for (const n of needles) expect(everything.includes(n), 'the workshop store holds a key').toBe(false);
    if (!onPostgres()) {
      expect(fs.readdirSync(path.join(server.dataDir, 'workshops', id)).sort()).toEqual(['private-requests.json', 'responses.json']);
    } else {
      // PostgreSQL keeps the signing key in its own table (no file under DATA_DIR), and closing deletes the row.
      expect(fs.existsSync(path.join(server.dataDir, 'workshops'))).toBe(false);
      expect(await queryTestSchema(server.dataDir, 'SELECT workshop_id FROM workshop_issuer_keys WHERE workshop_id = $1', [id])).toEqual([]);
    }
    expect(await server.deps.issuer.verify(id, tokens[0]!)).toBeNull();
    const stored = await storedAnswers(server.dataDir, id);
    for (const a of stored.answers) expect([a.key, a.mode]).toEqual([null, null]);
    // The release lists the stored answers under their own ids: there is no map from one to another.
    for (const r of stored.releases) for (const i of r.items) expect(i.slot).toBe(i.id);
    const record = (await server.deps.records.get('workshops', id))!;
    expect(record.invitations.every((i: { secretHash: unknown }) => i.secretHash === null)).toBe(true);
  });
});
