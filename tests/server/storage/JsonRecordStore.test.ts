import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { JsonRecordStore } from '../../../server/storage/JsonRecordStore.js';
import { tempDataDir } from '../../utils/testServer.js';
import { newId } from '../../../shared/ids.js';
import { VersionConflictError } from '../../../server/storage/errors.js';

const partnership = () => ({ id: newId(), name: 'Test partnership' });

describe('JsonRecordStore', () => {
  it('persists records across reopen, in a 0600 file, without a temp file left behind', async () => {
    const dir = tempDataDir();
    const file = path.join(dir, 'records.json');
    const s = await JsonRecordStore.open(file);
    const p = partnership();
    await s.put('partnerships', p);
    await s.close();
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.existsSync(`${file}.tmp`)).toBe(false);
    const again = await JsonRecordStore.open(file);
    expect(await again.get('partnerships', p.id)).toEqual(p);
  });

  it('coalesces a burst of puts into few writes and keeps every one', async () => {
    const dir = tempDataDir();
    const file = path.join(dir, 'records.json');
    const s = await JsonRecordStore.open(file);
    let writes = 0;
    const adapter = (s as unknown as { adapter: { write: (d: unknown) => Promise<void> } }).adapter;
    const original = adapter.write.bind(adapter);
    adapter.write = async (d) => {
      writes++;
      await original(d);
    };
    const ps = Array.from({ length: 50 }, partnership);
    await Promise.all(ps.map((p) => s.put('partnerships', p)));
    expect(writes).toBeLessThanOrEqual(2);
    const again = await JsonRecordStore.open(file);
    expect(await again.find('partnerships')).toHaveLength(50);
  });

  it('refuses an invalid change in a commit and writes none of it', async () => {
    const s = await JsonRecordStore.open(path.join(tempDataDir(), 'records.json'));
    const good = partnership();
    await expect(
      s.commit([
        { op: 'put', collection: 'partnerships', record: good },
        { op: 'put', collection: 'partnerships', record: { id: 'bad', name: '' } },
      ]),
    ).rejects.toThrow();
    expect(await s.find('partnerships')).toHaveLength(0);
  });

  it('rolls memory back to the last durable state when the disk write fails', async () => {
    const dir = tempDataDir();
    const s = await JsonRecordStore.open(path.join(dir, 'records.json'));
    const kept = partnership();
    await s.put('partnerships', kept);
    // Simulate a full disk: the adapter's write fails (root ignores chmod, so a read-only dir would not).
    const adapter = (s as unknown as { adapter: { write: (d: unknown) => Promise<void> } }).adapter;
    const original = adapter.write.bind(adapter);
    adapter.write = async () => {
      throw Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' });
    };
    await expect(s.put('partnerships', partnership())).rejects.toThrow('ENOSPC');
    expect(await s.find('partnerships')).toEqual([kept]);
    adapter.write = original;
    await s.put('partnerships', partnership());
    const again = await JsonRecordStore.open(path.join(dir, 'records.json'));
    expect(await again.find('partnerships')).toHaveLength(2);
  });

  it('loses no acknowledged put when a real disk write fails during concurrent puts, and shows nothing before it is durable', async () => {
    const dir = tempDataDir();
    const file = path.join(dir, 'records.json');
    const s = await JsonRecordStore.open(file);
    const before = partnership();
    await s.put('partnerships', before);
    // The next write fails for real: a directory stands where its temp file must go (EISDIR, even as
    // root). It is removed as soon as that write has failed, so the disk "recovers" for the next one.
    const adapter = (s as unknown as { adapter: { write: (d: unknown) => Promise<void> } }).adapter;
    const original = adapter.write.bind(adapter);
    let failNext = true;
    adapter.write = async (d) => {
      if (!failNext) return original(d);
      failNext = false;
      fs.mkdirSync(`${file}.tmp`);
      try {
        await original(d);
      } finally {
        fs.rmdirSync(`${file}.tmp`);
      }
    };
    const doomed = partnership();
    const failing = s.put('partnerships', doomed);
    // These arrive while the failing write is running, so they ride in the next write.
    const later = Array.from({ length: 20 }, partnership);
    const laterPuts = later.map((p) => s.put('partnerships', p));
    expect(await s.get('partnerships', later[0]!.id)).toBeUndefined();
    await expect(failing).rejects.toThrow(/EISDIR/);
    const outcomes = await Promise.allSettled(laterPuts);
    expect(outcomes.every((o) => o.status === 'fulfilled')).toBe(true);
    const ids = (await s.find('partnerships')).map((p) => p.id).sort();
    expect(ids).toEqual([before, ...later].map((p) => p.id).sort());
    await s.close();
    const again = await JsonRecordStore.open(file);
    expect((await again.find('partnerships')).map((p) => p.id).sort()).toEqual(ids);
    expect(await again.get('partnerships', doomed.id)).toBeUndefined();
  });

  it('answers queries as data on indexed fields', async () => {
    const s = await JsonRecordStore.open(path.join(tempDataDir(), 'records.json'));
    const [r1, r2, u1, u2] = [newId(), newId(), newId(), newId()];
    await s.commit([
      { op: 'put', collection: 'memberships', record: { id: newId(), reviewId: r1, userId: u1, role: 'lead-reviewer', agencyId: null } },
      { op: 'put', collection: 'memberships', record: { id: newId(), reviewId: r1, userId: u2, role: 'observer', agencyId: null } },
      { op: 'put', collection: 'memberships', record: { id: newId(), reviewId: r2, userId: u1, role: 'observer', agencyId: null } },
    ]);
    expect(await s.find('memberships', { reviewId: r1 })).toHaveLength(2);
    expect(await s.find('memberships', { userId: u1, role: 'observer' })).toEqual([expect.objectContaining({ reviewId: r2 })]);
    expect(await s.find('memberships')).toHaveLength(3);
  });

  it('makes conditional writes on version: of two saves from one version only one is written', async () => {
    const s = await JsonRecordStore.open(path.join(tempDataDir(), 'records.json'));
    const reviewId = newId();
    const plan = (version: number, decisionDate: string) => ({
      id: reviewId,
      reviewId,
      decisionDate,
      publicationDate: null,
      completed: {},
      version,
      updatedAt: new Date().toISOString(),
      updatedBy: newId(),
    });
    const results = await Promise.allSettled([
      s.commit([{ op: 'put', collection: 'milestonePlans', record: plan(1, '2026-01-05'), ifVersion: 0 }]),
      s.commit([{ op: 'put', collection: 'milestonePlans', record: plan(1, '2026-01-06'), ifVersion: 0 }]),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(VersionConflictError);
    expect((await s.get('milestonePlans', reviewId))?.version).toBe(1);
  });
});
