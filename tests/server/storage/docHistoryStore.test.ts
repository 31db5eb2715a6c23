import fs from 'node:fs/promises';
import path from 'node:path';
import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { FileDocStore } from '../../../server/storage/FileDocStore.js';
import { tempDataDir } from '../../utils/testServer.js';

const NAME = 'review.AAAAAAAAAAAAAAAAAAAAAA.people';
const stores: FileDocStore[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
});

/** Ten edits of one doc by two users, as separate updates. */
function edits(): { doc: Y.Doc; updates: Uint8Array[] } {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  for (let i = 0; i < 10; i++) doc.getMap('people').set(`p${i}`, i);
  return { doc, updates };
}

describe('FileDocStore history', () => {
  it('keeps attributed history through compaction and a reopen, folding the oldest past the limit into its base', async () => {
    const dir = tempDataDir();
    const s = new FileDocStore(dir, 4);
    stores.push(s);
    const { doc, updates } = edits();
    for (const [i, u] of updates.entries()) await s.append(NAME, u, { userId: i % 2 ? 'bob' : 'ann', at: 1_000 + i });
    const before = await s.history(NAME);
    expect(before.entries.map((e) => [e.seq, e.userId, e.at])).toEqual(updates.map((_, i) => [i + 1, i % 2 ? 'bob' : 'ann', 1_000 + i]));
    await s.compact(NAME, Y.encodeStateAsUpdate(doc));
    const reopened = new FileDocStore(dir, 4);
    stores.push(reopened);
    const after = await reopened.history(NAME);
    // Entry numbers stay stable: the six oldest were folded, the four newest kept.
    expect(after.entries.map((e) => e.seq)).toEqual([7, 8, 9, 10]);
    const replay = new Y.Doc();
    Y.applyUpdate(replay, after.base!);
    expect(Object.keys(replay.getMap('people').toJSON())).toHaveLength(6);
    for (const e of after.entries) Y.applyUpdate(replay, e.update);
    expect(replay.getMap('people').toJSON()).toEqual(doc.getMap('people').toJSON());
  });

  it('does not count a log twice when a crash left it behind after the history absorbed it', async () => {
    const dir = tempDataDir();
    const s = new FileDocStore(dir);
    stores.push(s);
    const { doc, updates } = edits();
    for (const u of updates.slice(0, 5)) await s.append(NAME, u, { userId: 'ann', at: 1 });
    const log = await fs.readFile(path.join(dir, NAME, 'log.bin'));
    await s.compact(NAME, Y.encodeStateAsUpdate(doc));
    await s.close();
    // As if the server died after writing the history and snapshot but before emptying the log.
    await fs.writeFile(path.join(dir, NAME, 'log.bin'), log);
    const again = new FileDocStore(dir);
    stores.push(again);
    expect((await again.history(NAME)).entries).toHaveLength(5);
    await again.append(NAME, updates[5]!, { userId: 'bob', at: 2 });
    const h = await again.history(NAME);
    expect(h.entries.map((e) => e.userId)).toEqual(['ann', 'ann', 'ann', 'ann', 'ann', 'bob']);
  });
});
