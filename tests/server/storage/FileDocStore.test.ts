import fs from 'node:fs';
import path from 'node:path';
import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { FileDocStore } from '../../../server/storage/FileDocStore.js';
import { tempDataDir } from '../../utils/testServer.js';

const NAME = 'review.AAAAAAAAAAAAAAAAAAAAAA.people';

/** Makes `n` small Yjs updates on one doc. */
function updates(n: number): { doc: Y.Doc; list: Uint8Array[] } {
  const doc = new Y.Doc();
  const list: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => list.push(u));
  for (let i = 0; i < n; i++) doc.getMap('m').set(`k${i}`, `value ${i}`);
  return { doc, list };
}

/** Every store a test opened, closed after it so no file handle outlives its test. */
const opened: FileDocStore[] = [];
afterEach(async () => {
  for (const s of opened.splice(0)) await s.close();
});
const store = (dir: string) => {
  const s = new FileDocStore(dir);
  opened.push(s);
  return s;
};

const replay = (list: Uint8Array[]) => {
  const d = new Y.Doc();
  for (const u of list) Y.applyUpdate(d, u);
  return d.getMap('m').toJSON();
};

describe('FileDocStore', () => {
  it('returns appended updates in order after reopening, in 0600 files and 0700 directories', async () => {
    const dir = tempDataDir();
    const s = store(dir);
    const { doc, list } = updates(20);
    for (const u of list) await s.append(NAME, u);
    await s.compact(NAME, Y.encodeStateAsUpdate(doc));
    doc.getMap('m').set('late', 1);
    await s.append(NAME, list.at(-1)!);
    await s.close();
    const loaded = await store(dir).load(NAME);
    expect(loaded).toHaveLength(2);
    expect(replay(loaded)).toEqual(doc.getMap('m').toJSON());
    expect(fs.statSync(path.join(dir, NAME)).mode & 0o777).toBe(0o700);
    expect(fs.statSync(path.join(dir, NAME, 'log.bin')).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.join(dir, NAME, 'snapshot.bin')).mode & 0o777).toBe(0o600);
  });

  it('writes O(edit) bytes per append: an 8-byte header plus the update, with one fdatasync', async () => {
    const s = store(tempDataDir());
    const { list } = updates(3);
    await s.append(NAME, list[0]!);
    const before = { size: await s.size(NAME), ...s.stats };
    await s.append(NAME, list[1]!);
    expect((await s.size(NAME)) - before.size).toBe(list[1]!.length + 8);
    expect(s.stats.bytesWritten - before.bytesWritten).toBe(list[1]!.length + 8);
    expect(s.stats.syncs - before.syncs).toBe(1);
  });

  it('group-commits a burst of concurrent appends into one write and fdatasync, and keeps all of them', async () => {
    const dir = tempDataDir();
    const s = store(dir);
    const { doc, list } = updates(201);
    await s.append(NAME, list[0]!); // opens the doc, so the burst below is not split by opening
    const before = { ...s.stats };
    await Promise.all(list.slice(1).map((u) => s.append(NAME, u)));
    expect(s.stats.appends - before.appends).toBe(200);
    expect(s.stats.syncs - before.syncs).toBe(1);
    expect(s.stats.logWrites - before.logWrites).toBe(1);
    await s.close();
    const loaded = await store(dir).load(NAME);
    expect(loaded).toHaveLength(201);
    expect(replay(loaded)).toEqual(doc.getMap('m').toJSON());
  });

  it('serialises loads with appends, so a load sees whole records in order', async () => {
    const s = store(tempDataDir());
    const { list } = updates(60);
    const pending = list.slice(0, 30).map((u) => s.append(NAME, u));
    const loaded = s.load(NAME);
    const more = list.slice(30).map((u) => s.append(NAME, u));
    await Promise.all([...pending, ...more]);
    expect(await loaded).toHaveLength(30);
    expect(await s.load(NAME)).toHaveLength(60);
  });

  it('cuts a torn tail left by a crash and keeps appending after it', async () => {
    const dir = tempDataDir();
    const s = store(dir);
    const { list } = updates(5);
    for (const u of list.slice(0, 4)) await s.append(NAME, u);
    await s.close();
    const log = path.join(dir, NAME, 'log.bin');
    const full = fs.readFileSync(log);
    fs.writeFileSync(log, full.subarray(0, full.length - 3)); // the last record is torn
    const s2 = store(dir);
    expect(await s2.load(NAME)).toHaveLength(3);
    await s2.append(NAME, list[3]!);
    await s2.append(NAME, list[4]!);
    await s2.close();
    expect(await store(dir).load(NAME)).toHaveLength(5);
  });

  it('cuts a torn tail on open even when the first call is an append', async () => {
    const dir = tempDataDir();
    const s = store(dir);
    const { doc, list } = updates(4);
    for (const u of list.slice(0, 3)) await s.append(NAME, u);
    await s.close();
    fs.appendFileSync(path.join(dir, NAME, 'log.bin'), Buffer.from([40, 0, 0, 0, 1, 2, 3, 4, 5])); // half a record
    const s2 = store(dir);
    await s2.append(NAME, list[3]!);
    await s2.close();
    const loaded = await store(dir).load(NAME);
    expect(loaded).toHaveLength(4);
    expect(replay(loaded)).toEqual(doc.getMap('m').toJSON());
  });

  it('stops at a corrupt record (bad checksum)', async () => {
    const dir = tempDataDir();
    const s = store(dir);
    const { list } = updates(3);
    for (const u of list) await s.append(NAME, u);
    await s.close();
    const log = path.join(dir, NAME, 'log.bin');
    const buf = fs.readFileSync(log);
    buf[8 + list[0]!.length + 8 + 2]! ^= 0xff; // flip a byte inside the second record's body
    fs.writeFileSync(log, buf);
    expect(await store(dir).load(NAME)).toHaveLength(1);
  });

  it('compacts into one snapshot and keeps appends made after it', async () => {
    const dir = tempDataDir();
    const s = store(dir);
    const { doc, list } = updates(50);
    for (const u of list) await s.append(NAME, u);
    const bigger = await s.size(NAME);
    await s.compact(NAME, Y.encodeStateAsUpdate(doc));
    expect(await s.size(NAME)).toBeLessThan(bigger);
    doc.getMap('m').set('after', 'compaction');
    await s.append(NAME, list.at(-1)!); // the helper records every update, including this one
    const later = new Y.Doc();
    await s.close();
    const loaded = await store(dir).load(NAME);
    expect(loaded).toHaveLength(2);
    for (const u of loaded) Y.applyUpdate(later, u);
    expect(later.getMap('m').get('after')).toBe('compaction');
    expect(later.getMap('m').get('k49')).toBe('value 49');
  });

  it('recovers from a crash in the middle of compaction (re-applying the old log is harmless)', async () => {
    const dir = tempDataDir();
    const s = store(dir);
    const { doc, list } = updates(30);
    for (const u of list) await s.append(NAME, u);
    await s.close();
    const log = path.join(dir, NAME, 'log.bin');
    const oldLog = fs.readFileSync(log);
    // Crash after the snapshot was renamed into place but before the log was truncated.
    const s2 = store(dir);
    await s2.compact(NAME, Y.encodeStateAsUpdate(doc));
    await s2.close();
    fs.writeFileSync(log, oldLog);
    // And a stray temp snapshot from a crash before a rename, which must be ignored.
    fs.writeFileSync(path.join(dir, NAME, 'snapshot.bin.tmp'), Buffer.from([1, 2, 3]));
    const loaded = await store(dir).load(NAME);
    expect(loaded).toHaveLength(31); // the snapshot, then the 30 updates it already contains
    const twice = new Y.Doc();
    for (const u of loaded) Y.applyUpdate(twice, u);
    expect(twice.getMap('m').toJSON()).toEqual(doc.getMap('m').toJSON());
    expect(Y.encodeStateVector(twice)).toEqual(Y.encodeStateVector(doc));
  });

  it('refuses names outside the doc-name grammar (no path traversal)', async () => {
    const s = store(tempDataDir());
    await expect(s.append('../../etc/passwd', new Uint8Array([1]))).rejects.toThrow('invalid doc name');
    await expect(s.load('review.AAAAAAAAAAAAAAAAAAAAAA.people/../../x')).rejects.toThrow('invalid doc name');
  });
});
