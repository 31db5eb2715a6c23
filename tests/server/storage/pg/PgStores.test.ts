import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { newId } from '../../../../shared/ids.js';
import { VersionConflictError } from '../../../../server/storage/errors.js';
import { openStorage, type Storage } from '../../../../server/storage/openStorage.js';
import { migrate } from '../../../../server/storage/pg/migrations.js';
import { openPgPool } from '../../../../server/storage/pg/pool.js';
import { queryTestSchema } from '../../../utils/storage.js';
import { tempDataDir, testSchema } from '../../../utils/testServer.js';

// This file runs only in the PostgreSQL run of the suite (vite.config.ts includes it when DATABASE_URL is set).
const opened: Storage[] = [];
afterEach(async () => { for (const s of opened.splice(0)) await s.close(); });

async function open(): Promise<{ storage: Storage; dataDir: string }> {
  const dataDir = tempDataDir();
  const storage = await openStorage({ dataDir, databaseUrl: process.env.DATABASE_URL, databaseSchema: testSchema(dataDir) });
  opened.push(storage);
  return { storage, dataDir };
}

const plan = (reviewId: string, version: number, decisionDate: string) => ({
  id: reviewId, reviewId, decisionDate, publicationDate: null, completed: {}, version, updatedAt: new Date().toISOString(), updatedBy: newId(),
});

describe('the PostgreSQL backend', () => {
  it('runs its migrations once, even when two nodes start together', async () => {
    const dataDir = tempDataDir();
    const [a, b] = await Promise.all([openPgPool(process.env.DATABASE_URL!, testSchema(dataDir)), openPgPool(process.env.DATABASE_URL!, testSchema(dataDir))]);
    try {
      const applied = await Promise.all([migrate(a), migrate(b)]);
      expect(applied.flat()).toEqual([1]);
      expect(await migrate(a)).toEqual([]);
    } finally {
      await a.end();
      await b.end();
    }
  });

  it('makes conditional writes with UPDATE … WHERE version: of two saves from one version one is written, with its audit line only', async () => {
    const { storage, dataDir } = await open();
    const reviewId = newId();
    const save = (date: string) => storage.records.commit(
      [{ op: 'put', collection: 'milestonePlans', record: plan(reviewId, 1, date), ifVersion: 0 }],
      { audit: [{ type: 'milestones.saved', reviewId, targetId: reviewId, reason: date === '2026-01-05' ? 'first' : 'second' }] },
    );
    const results = await Promise.allSettled([save('2026-01-05'), save('2026-01-06')]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason).toBeInstanceOf(VersionConflictError);
    const stored = await storage.records.get('milestonePlans', reviewId);
    const winner = stored?.decisionDate === '2026-01-05' ? 'first' : 'second';
    // The loser's audit line was in its rolled-back transaction: exactly one line, the winner's.
    expect((await storage.audit.lines()).map((l) => l.reason)).toEqual([winner]);
    expect(await storage.audit.verify()).toEqual({ ok: true, lines: 1 });
    // The next save must name version 1.
    await expect(storage.records.commit([{ op: 'put', collection: 'milestonePlans', record: plan(reviewId, 2, '2026-02-01'), ifVersion: 0 }]))
      .rejects.toBeInstanceOf(VersionConflictError);
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
      id: newId(), reviewId: newId(), email: 'a@test.invalid', role: 'observer' as const, agencyId: null, tokenHash: newId(),
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(), acceptedAt: null, createdBy: newId(),
    };
    await storage.records.put('invitations', inv);
    const use = () => storage.records.commit([{ op: 'put', collection: 'invitations', record: { ...inv, acceptedAt: new Date().toISOString() }, ifMatch: { acceptedAt: null } }]);
    const results = await Promise.allSettled([use(), use()]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
  });

  it('stores each workshop answer as one row with no key to a person', async () => {
    const { storage, dataDir } = await open();
    const w = newId();
    await storage.responses.respond(w, 'p1', 'first', 'receipt-1');
    await storage.responses.respond(w, 'p1', 'edited', 'receipt-1');
    await storage.responses.respond(w, 'p1', 'other', 'receipt-2');
    await storage.responses.requestPrivate(w, 'call me');
    const cols = await queryTestSchema<{ column_name: string }>(dataDir,
      "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'workshop_responses' ORDER BY ordinal_position");
    expect(cols.map((c) => c.column_name)).toEqual(['workshop_id', 'prompt_id', 'slot', 'answer', 'receipt_hash', 'hidden']);
    expect((await storage.responses.list(w, 'p1')).map((r) => r.text).sort()).toEqual(['edited', 'other']);
    expect(await storage.responses.withdraw(w, 'p1', 'receipt-2')).toBe(true);
    expect(await storage.responses.counts(w)).toEqual({ p1: 1 });
    expect(await storage.responses.privateRequests(w)).toEqual([{ contact: 'call me' }]);
  });

  it('keeps Yjs updates as rows and compacts them into one snapshot row', async () => {
    const { storage, dataDir } = await open();
    const name = `review.${newId()}.people`;
    const doc = new Y.Doc();
    doc.on('update', (u: Uint8Array) => { void storage.docs.append(name, u); });
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
