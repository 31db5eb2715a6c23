import fs from 'node:fs';
import path from 'node:path';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
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

const replay = (list: Uint8Array[]) => { const d = new Y.Doc(); for (const u of list) Y.applyUpdate(d, u); return d.getMap('m').toJSON(); };

describe('FileDocStore', () => {
  it('returns appended updates in order after reopening, in 0600 files', async () => {
    const dir = tempDataDir();
    const s = new FileDocStore(dir);
    const { doc, list } = updates(20);
    for (const u of list) await s.append(NAME, u);
    await s.close();
    const loaded = await new FileDocStore(dir).load(NAME);
    expect(loaded).toHaveLength(20);
    expect(replay(loaded)).toEqual(doc.getMap('m').toJSON());
    expect(fs.statSync(path.join(dir, NAME, 'log.bin')).mode & 0o777).toBe(0o600);
  });

  it('writes O(edit) bytes per append: header plus update', async () => {
    const s = new FileDocStore(tempDataDir());
    const { list } = updates(3);
    await s.append(NAME, list[0]!);
    const before = await s.size(NAME);
    await s.append(NAME, list[1]!);
    expect((await s.size(NAME)) - before).toBe(list[1]!.length + 8);
  });

  it('group-commits concurrent appends and keeps all of them', async () => {
    const dir = tempDataDir();
    const s = new FileDocStore(dir);
    const { doc, list } = updates(200);
    await Promise.all(list.map((u) => s.append(NAME, u)));
    await s.close();
    expect(replay(await new FileDocStore(dir).load(NAME))).toEqual(doc.getMap('m').toJSON());
  });

  it('cuts a torn tail left by a crash and keeps appending after it', async () => {
    const dir = tempDataDir();
    const s = new FileDocStore(dir);
    const { list } = updates(5);
    for (const u of list.slice(0, 4)) await s.append(NAME, u);
    await s.close();
    const log = path.join(dir, NAME, 'log.bin');
    const full = fs.readFileSync(log);
    fs.writeFileSync(log, full.subarray(0, full.length - 3)); // the last record is torn
    const s2 = new FileDocStore(dir);
    expect(await s2.load(NAME)).toHaveLength(3);
    await s2.append(NAME, list[3]!);
    await s2.append(NAME, list[4]!);
    await s2.close();
    expect(await new FileDocStore(dir).load(NAME)).toHaveLength(5);
  });

  it('stops at a corrupt record (bad checksum)', async () => {
    const dir = tempDataDir();
    const s = new FileDocStore(dir);
    const { list } = updates(3);
    for (const u of list) await s.append(NAME, u);
    await s.close();
    const log = path.join(dir, NAME, 'log.bin');
    const buf = fs.readFileSync(log);
    buf[8 + list[0]!.length + 8 + 2]! ^= 0xff; // flip a byte inside the second record's body
    fs.writeFileSync(log, buf);
    expect(await new FileDocStore(dir).load(NAME)).toHaveLength(1);
  });

  it('compacts into one snapshot and keeps appends made after it', async () => {
    const dir = tempDataDir();
    const s = new FileDocStore(dir);
    const { doc, list } = updates(50);
    for (const u of list) await s.append(NAME, u);
    const bigger = await s.size(NAME);
    await s.compact(NAME, Y.encodeStateAsUpdate(doc));
    expect(await s.size(NAME)).toBeLessThan(bigger);
    doc.getMap('m').set('after', 'compaction');
    await s.append(NAME, list.at(-1)!); // the helper records every update, including this one
    const later = new Y.Doc();
    await s.close();
    const loaded = await new FileDocStore(dir).load(NAME);
    expect(loaded).toHaveLength(2);
    for (const u of loaded) Y.applyUpdate(later, u);
    expect(later.getMap('m').get('after')).toBe('compaction');
    expect(later.getMap('m').get('k49')).toBe('value 49');
  });

  it('refuses names outside the doc-name grammar (no path traversal)', async () => {
    const s = new FileDocStore(tempDataDir());
    await expect(s.append('../../etc/passwd', new Uint8Array([1]))).rejects.toThrow('invalid doc name');
  });
});
