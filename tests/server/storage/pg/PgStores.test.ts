import { createHash } from 'node:crypto';
import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { newId } from '../../../../shared/ids.js';
import { VersionConflictError, WorkshopClosedError } from '../../../../server/storage/errors.js';
import { openStorage, type Storage } from '../../../../server/storage/openStorage.js';
import type { Author } from '../../../../server/storage/types.js';
import { MIGRATIONS, migrate } from '../../../../server/storage/pg/migrations.js';
import { openPgPool } from '../../../../server/storage/pg/pool.js';
import { queryTestSchema, storedAnswers } from '../../../utils/storage.js';
import { TEST_AUDIT_KEY, tempDataDir, testSchema } from '../../../utils/testServer.js';

// This file runs only in the PostgreSQL run of the suite (vite.config.ts includes it when DATABASE_URL is set).
const opened: Storage[] = [];
afterEach(async () => {
  for (const s of opened.splice(0)) await s.close();
});

async function open(): Promise<{ storage: Storage; dataDir: string }> {
  const dataDir = tempDataDir();
  const storage = await openStorage({ dataDir, databaseUrl: process.env.DATABASE_URL, databaseSchema: testSchema(dataDir) }, TEST_AUDIT_KEY);
  opened.push(storage);
  return { storage, dataDir };
}

const plan = (reviewId: string, version: number, decisionDate: string) => ({
  id: reviewId,
  reviewId,
  decisionDate,
  publicationDate: null,
  completed: {},
  version,
  updatedAt: new Date().toISOString(),
  updatedBy: newId(),
});

describe('the PostgreSQL backend', () => {
  it('runs its migrations once, even when two nodes start together', async () => {
    const dataDir = tempDataDir();
    const [a, b] = await Promise.all([openPgPool(process.env.DATABASE_URL!, testSchema(dataDir)), openPgPool(process.env.DATABASE_URL!, testSchema(dataDir))]);
    try {
      const applied = await Promise.all([migrate(a), migrate(b)]);
      expect(applied.flat()).toEqual(MIGRATIONS.map((m) => m.version));
      expect(await migrate(a)).toEqual([]);
    } finally {
      await a.end();
      await b.end();
    }
  });

  it('makes conditional writes with UPDATE … WHERE version: of two saves from one version one is written, with its audit line only', async () => {
    const { storage, dataDir } = await open();
    const reviewId = newId();
    const save = (date: string) =>
      storage.records.commit([{ op: 'put', collection: 'milestonePlans', record: plan(reviewId, 1, date), ifVersion: 0 }], {
        audit: [{ type: 'milestones.saved', reviewId, targetId: reviewId, reason: date === '2026-01-05' ? 'first' : 'second' }],
      });
    const results = await Promise.allSettled([save('2026-01-05'), save('2026-01-06')]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason).toBeInstanceOf(VersionConflictError);
    const stored = await storage.records.get('milestonePlans', reviewId);
    const winner = stored?.decisionDate === '2026-01-05' ? 'first' : 'second';
    // The loser's audit line was in its rolled-back transaction: exactly one line, the winner's.
    expect((await storage.audit.lines()).map((l) => l.reason)).toEqual([winner]);
    expect(await storage.audit.verify()).toMatchObject({ ok: true, lines: 1, problems: [] });
    // The next save must name version 1.
    await expect(storage.records.commit([{ op: 'put', collection: 'milestonePlans', record: plan(reviewId, 2, '2026-02-01'), ifVersion: 0 }])).rejects.toBeInstanceOf(
      VersionConflictError,
    );
    await storage.records.commit([{ op: 'put', collection: 'milestonePlans', record: plan(reviewId, 2, '2026-02-01'), ifVersion: 1 }]);
    const rows = await queryTestSchema<{ version: number }>(dataDir, "SELECT version FROM records WHERE collection = 'milestonePlans'");
    expect(rows).toEqual([{ version: 2 }]);
  });

  it('answers queries from indexed columns, in insertion order', async () => {
    const { storage } = await open();
    const [r1, u1, u2] = [newId(), newId(), newId()];
    const ms = [u1, u2].map((userId) => ({ id: newId(), reviewId: r1, userId, role: 'observer' as const, agencyId: null }));
    await storage.records.commit(ms.map((record) => ({ op: 'put' as const, collection: 'memberships' as const, record })));
    expect(await storage.records.find('memberships', { reviewId: r1 })).toEqual(ms);
    expect(await storage.records.find('memberships', { reviewId: r1, userId: u2 })).toEqual([ms[1]]);
    expect(await storage.records.find('memberships', { userId: newId() })).toEqual([]);
  });

  it('keeps an invitation single-use with a conditional write on its fields', async () => {
    const { storage } = await open();
    const inv = {
      id: newId(),
      reviewId: newId(),
      email: 'a@test.invalid',
      role: 'observer' as const,
      agencyId: null,
      tokenHash: newId(),
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
      acceptedAt: null,
      createdBy: newId(),
    };
    await storage.records.put('invitations', inv);
    const use = () => storage.records.commit([{ op: 'put', collection: 'invitations', record: { ...inv, acceptedAt: new Date().toISOString() }, ifMatch: { acceptedAt: null } }]);
    const results = await Promise.allSettled([use(), use()]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
  });

  it('keeps Yjs updates as rows and compacts them into one snapshot row', async () => {
    const { storage, dataDir } = await open();
    const name = `review.${newId()}.people`;
    const doc = new Y.Doc();
    doc.on('update', (u: Uint8Array) => {
      void storage.docs.append(name, u);
    });
    for (let i = 0; i < 20; i++) doc.getMap('m').set(`k${i}`, i);
    await storage.docs.load(name); // queued behind the appends
    expect((await queryTestSchema(dataDir, 'SELECT 1 FROM doc_updates WHERE doc_name = $1', [name])).length).toBe(20);
    await storage.docs.compact(name, Y.encodeStateAsUpdate(doc));
    expect((await queryTestSchema(dataDir, 'SELECT 1 FROM doc_updates WHERE doc_name = $1', [name])).length).toBe(0);
    doc.getMap('m').set('after', true);
    const again = new Y.Doc();
    for (const u of await storage.docs.load(name)) Y.applyUpdate(again, u);
    expect(again.getMap('m').toJSON()).toEqual(doc.getMap('m').toJSON());
  });

  it('refuses a late idle-timer refresh for a session that was logged out', async () => {
    const { storage } = await open();
    const s = { idHash: newId(), userId: newId(), createdAt: 1, lastSeenAt: 1 };
    await storage.sessions.put(s);
    await storage.sessions.delete(s.idHash);
    await storage.sessions.touch(s.idHash, 2);
    expect(await storage.sessions.get(s.idHash)).toBeUndefined();
  });
});

const token = (tokenId: string): Author => ({ mode: 'token', tokenId });
const code = (receipt: string): Author => ({ mode: 'code', receipt });
const sha = (s: string) => createHash('sha256').update(s).digest('hex');

/** Every column of every workshop row of one workshop, as text. */
async function allRows(dataDir: string, w: string): Promise<string> {
  const out: unknown[] = [];
  for (const t of ['workshop_response_state', 'workshop_prompts', 'workshop_responses', 'workshop_releases', 'workshop_private_requests']) {
    out.push(await queryTestSchema(dataDir, `SELECT * FROM ${t} WHERE workshop_id = $1`, [w]));
  }
  return JSON.stringify(out);
}

describe('workshop answers on PostgreSQL', () => {
  it('keeps one row per answer with no key to a person, replaced and withdrawn by its author', async () => {
    const { storage, dataDir } = await open();
    const r = storage.responses;
    const w = newId();
    await r.respond(w, 'p1', 'first', token('tok-a'));
    await r.respond(w, 'p1', 'edited', token('tok-a'));
    await r.respond(w, 'p2', 'same person, other prompt', token('tok-a'));
    await r.respond(w, 'p1', 'by code', code('receipt-1'));
    await r.respond(w, 'p1', 'by code again', code('receipt-2'));
    const cols = await queryTestSchema<{ column_name: string }>(
      dataDir,
      "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'workshop_responses' ORDER BY ordinal_position",
    );
    expect(cols.map((c) => c.column_name)).toEqual(['workshop_id', 'prompt_id', 'slot', 'answer', 'author_key', 'join_mode', 'hidden']);
    const rows = await queryTestSchema<{ prompt_id: string; answer: string; author_key: string }>(
      dataDir,
      'SELECT prompt_id, answer, author_key FROM workshop_responses WHERE workshop_id = $1',
      [w],
    );
    expect(rows.map((x) => x.answer).sort()).toEqual(['by code', 'by code again', 'edited', 'same person, other prompt']);
    // One person's answers to two prompts share no stored key, and no key is the token or receipt itself.
    const keyOf = (text: string) => rows.find((x) => x.answer === text)!.author_key;
    expect(keyOf('edited')).toBe(sha('token\0tok-a\0p1'));
    expect(keyOf('same person, other prompt')).toBe(sha('token\0tok-a\0p2'));
    expect(keyOf('by code')).toBe(sha('receipt\0receipt-1'));
    const stored = await allRows(dataDir, w);
    for (const secret of ['tok-a', 'receipt-1', 'receipt-2', 'first']) expect(stored).not.toContain(secret);
    expect(await r.tally(w)).toEqual({ p1: { token: 1, code: 2 }, p2: { token: 1, code: 0 } });
    expect(await r.withdraw(w, 'p1', code('receipt-2'))).toBe(true);
    expect(await r.withdraw(w, 'p1', code('receipt-2'))).toBe(false);
    expect(await r.withdraw(w, 'p1', token('tok-b'))).toBe(false);
    expect(await r.withdraw(w, 'p2', token('tok-a'))).toBe(true);
    // A prompt that had answers stays in the tally with zeros, as on the embedded store.
    expect(await r.tally(w)).toEqual({ p1: { token: 1, code: 1 }, p2: { token: 0, code: 0 } });
    expect(await r.tally(newId())).toEqual({});
  });

  it('releases a snapshot in a fresh random order under fresh ids, and maps the previous release onto the next', async () => {
    const { storage, dataDir } = await open();
    const r = storage.responses;
    const w = newId();
    expect(await r.currentRelease(w, 'p1')).toBeNull();
    const texts = Array.from({ length: 20 }, (_, i) => `answer ${i}`);
    for (const [i, t] of texts.entries()) await r.respond(w, 'p1', t, i < 15 ? token(`t${i}`) : code(`c${i}`));
    expect((await r.release(w, 'p1', true)).renamed.size).toBe(0);
    const first = (await r.currentRelease(w, 'p1'))!;
    expect(first).toMatchObject({ fromInvitations: 15, fromCode: 5, codeCounted: true });
    expect(first.responses.map((a) => a.text).sort()).toEqual([...texts].sort());
    // Not the storage order (by slot) and not arrival order: a fresh random order.
    const slotOrder = (await queryTestSchema<{ answer: string }>(dataDir, 'SELECT answer FROM workshop_responses WHERE workshop_id = $1 ORDER BY slot COLLATE "C"', [w])).map(
      (x) => x.answer,
    );
    expect(first.responses.map((a) => a.text)).not.toEqual(slotOrder);
    expect(first.responses.map((a) => a.text)).not.toEqual(texts);
    // Reading again gives the same ids and order; answers after the release do not show until the next.
    await r.respond(w, 'p1', 'answer 0 edited', token('t0'));
    await r.respond(w, 'p1', 'late answer', token('t99'));
    await r.withdraw(w, 'p1', token('t1'));
    expect(await r.currentRelease(w, 'p1')).toEqual(first);

    const { renamed } = await r.release(w, 'p1', false);
    const second = (await r.currentRelease(w, 'p1'))!;
    expect(second).toMatchObject({ fromInvitations: 15, fromCode: 5, codeCounted: false });
    expect(second.id).not.toBe(first.id);
    const firstIds = new Set(first.responses.map((a) => a.id));
    expect(second.responses.some((a) => firstIds.has(a.id))).toBe(false);
    // Unchanged answers map onto their new ids; the edited and withdrawn ones do not map.
    const byText = (rel: typeof first) => new Map(rel.responses.map((a) => [a.text, a.id]));
    const [a, b] = [byText(first), byText(second)];
    expect(renamed.size).toBe(18);
    for (const t of texts.slice(2)) expect(renamed.get(a.get(t)!)).toBe(b.get(t));
    expect(renamed.has(a.get('answer 0')!)).toBe(false);
    expect(renamed.has(a.get('answer 1')!)).toBe(false);
    expect(b.has('answer 0 edited') && b.has('late answer')).toBe(true);
  });

  it('hides an answer by its released id, keeps it hidden in later releases, and shows an edit unhidden', async () => {
    const { storage } = await open();
    const r = storage.responses;
    const w = newId();
    for (const i of [0, 1, 2]) await r.respond(w, 'p1', `answer ${i}`, token(`t${i}`));
    await r.release(w, 'p1', false);
    const rel = (await r.currentRelease(w, 'p1'))!;
    const target = rel.responses.find((a) => a.text === 'answer 1')!;
    expect(await r.setHidden(w, 'p1', target.id, true)).toBe(true);
    expect(await r.setHidden(w, 'p1', 'no-such-id', true)).toBe(false);
    expect(await r.setHidden(w, 'p2', target.id, true)).toBe(false);
    expect((await r.currentRelease(w, 'p1'))!.responses.find((a) => a.id === target.id)!.hidden).toBe(true);
    await r.release(w, 'p1', false);
    const hiddenNow = (await r.currentRelease(w, 'p1'))!.responses.filter((a) => a.hidden).map((a) => a.text);
    expect(hiddenNow).toEqual(['answer 1']);
    await r.respond(w, 'p1', 'answer 1 edited', token('t1'));
    await r.release(w, 'p1', false);
    expect((await r.currentRelease(w, 'p1'))!.responses.filter((a) => a.hidden)).toEqual([]);
  });

  it('refuses answers and withdrawals once sealed, settling a race with the seal in the store', async () => {
    const { storage } = await open();
    const r = storage.responses;
    const w = newId();
    await r.respond(w, 'p1', 'before', token('t0'));
    const answers = Array.from({ length: 20 }, (_, i) => r.respond(w, 'p1', `racing ${i}`, token(`r${i}`)));
    const seal = r.seal(w);
    const results = await Promise.allSettled([...answers, seal]);
    const answered = results.slice(0, 20);
    for (const x of answered) if (x.status === 'rejected') expect(x.reason).toBeInstanceOf(WorkshopClosedError);
    expect(results[20]!.status).toBe('fulfilled');
    // Every acknowledged answer is stored; every refused one is not.
    expect((await r.tally(w)).p1!.token).toBe(1 + answered.filter((x) => x.status === 'fulfilled').length);
    await expect(r.respond(w, 'p1', 'after', token('t1'))).rejects.toBeInstanceOf(WorkshopClosedError);
    await expect(r.respond(w, 'p1', 'edit after', token('t0'))).rejects.toBeInstanceOf(WorkshopClosedError);
    await expect(r.withdraw(w, 'p1', token('t0'))).rejects.toBeInstanceOf(WorkshopClosedError);
    // The final releases still happen after the seal.
    await r.release(w, 'p1', false);
    expect((await r.currentRelease(w, 'p1'))!.responses.map((a) => a.text)).toContain('before');
  });

  it('serialises concurrent answers of one author: one row remains', async () => {
    const { storage, dataDir } = await open();
    const w = newId();
    await Promise.all(Array.from({ length: 10 }, (_, i) => storage.responses.respond(w, 'p1', `version ${i}`, token('same'))));
    const rows = await queryTestSchema(dataDir, 'SELECT answer FROM workshop_responses WHERE workshop_id = $1', [w]);
    expect(rows).toHaveLength(1);
    expect(await storage.responses.tally(w)).toEqual({ p1: { token: 1, code: 0 } });
  });

  it('erases author keys, join modes and slot maps on finalise, and maps the release onto the final ids', async () => {
    const { storage, dataDir } = await open();
    const r = storage.responses;
    const w = newId();
    for (const i of [0, 1, 2]) await r.respond(w, 'p1', `answer ${i}`, token(`tok${i}`));
    await r.respond(w, 'p1', 'coded', code('rcpt'));
    await r.respond(w, 'p2', 'unreleased', token('tok0'));
    await r.release(w, 'p1', true);
    const before = (await r.currentRelease(w, 'p1'))!;
    const hiddenId = before.responses.find((a) => a.text === 'answer 2')!.id;
    await r.setHidden(w, 'p1', hiddenId, true);
    const slotsBefore = (await queryTestSchema<{ slot: string }>(dataDir, 'SELECT slot FROM workshop_responses WHERE workshop_id = $1', [w])).map((x) => x.slot);
    await r.seal(w);
    const renames = await r.finalise(w);

    expect([...renames.keys()]).toEqual(['p1']);
    const after = (await r.currentRelease(w, 'p1'))!;
    expect(after.id).not.toBe(before.id);
    expect(after.responses.map((a) => a.text)).toEqual(before.responses.map((a) => a.text));
    expect(after.responses.find((a) => a.text === 'answer 2')!.hidden).toBe(true);
    expect(after).toMatchObject({ fromInvitations: 3, fromCode: 1, codeCounted: true });
    for (const a of before.responses) expect(renames.get('p1')!.get(a.id)).toBe(after.responses.find((x) => x.text === a.text)!.id);

    const rows = await queryTestSchema<{ prompt_id: string; slot: string; author_key: string | null; join_mode: string | null }>(
      dataDir,
      'SELECT prompt_id, slot, author_key, join_mode FROM workshop_responses WHERE workshop_id = $1',
      [w],
    );
    expect(rows).toHaveLength(5);
    for (const x of rows) expect([x.author_key, x.join_mode]).toEqual([null, null]);
    expect(rows.some((x) => slotsBefore.includes(x.slot))).toBe(false);
    // The release lists the stored answers under their own ids: no map from one to another is kept.
    const [release] = await queryTestSchema<{ items: { id: string; slot: string }[] }>(dataDir, 'SELECT items FROM workshop_releases WHERE workshop_id = $1', [w]);
    for (const i of release!.items) expect(i.slot).toBe(i.id);
    expect(new Set(release!.items.map((i) => i.id))).toEqual(new Set(rows.filter((x) => x.prompt_id === 'p1').map((x) => x.slot)));
    const seen = await storedAnswers(dataDir, w);
    expect(seen.answers.map((x) => [x.key, x.mode])).toEqual(Array.from({ length: 5 }, () => [null, null]));
    expect(seen.releases.flatMap((x) => x.items).every((i) => i.slot === i.id)).toBe(true);
    const stored = await allRows(dataDir, w);
    for (const n of ['tok0', 'tok1', 'rcpt', sha('token\0tok0\0p1'), sha('receipt\0rcpt'), ...before.responses.map((a) => a.id), ...slotsBefore]) expect(stored).not.toContain(n);
    // The tally counts answers without their modes, as on the embedded store; nothing more is accepted.
    expect(await r.tally(w)).toEqual({ p1: { token: 4, code: 0 }, p2: { token: 1, code: 0 } });
    await expect(r.respond(w, 'p1', 'late', token('tok9'))).rejects.toBeInstanceOf(WorkshopClosedError);
  });

  it('keeps private requests apart from answers and returns them in a fresh random order', async () => {
    const { storage, dataDir } = await open();
    const w = newId();
    const contacts = Array.from({ length: 20 }, (_, i) => `Private ${i}`);
    for (const c of contacts) await storage.responses.requestPrivate(w, c);
    const reads = await Promise.all([1, 2, 3].map(() => storage.responses.privateRequests(w)));
    for (const got of reads) {
      expect(got.map((x) => x.contact).sort()).toEqual([...contacts].sort());
      expect(Object.keys(got[0]!)).toEqual(['contact']);
    }
    expect(new Set(reads.map((got) => JSON.stringify(got))).size).toBeGreaterThan(1);
    expect(await queryTestSchema(dataDir, 'SELECT 1 FROM workshop_responses WHERE workshop_id = $1', [w])).toEqual([]);
    const cols = await queryTestSchema<{ column_name: string }>(
      dataDir,
      "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'workshop_private_requests' ORDER BY ordinal_position",
    );
    expect(cols.map((c) => c.column_name)).toEqual(['workshop_id', 'key', 'contact']);
  });
});
