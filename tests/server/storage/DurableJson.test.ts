import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { DurableJson } from '../../../server/storage/DurableJson.js';
import { tempDataDir } from '../../utils/testServer.js';

type File = { items: Record<string, number>; writes?: number };

describe('DurableJson', () => {
  it('writes a burst of changes in one batch; a change that throws half-way leaves no trace and refuses only itself', async () => {
    const file = path.join(tempDataDir('rr-durable-'), 'f.json');
    let sorted = 0;
    const store = await DurableJson.open<File>(file, { items: {} }, (draft) => {
      sorted += 1;
      draft.writes = (draft.writes ?? 0) + 1;
    });
    const results = await Promise.allSettled([
      store.update((d) => {
        d.items.a = 1;
        return 'a';
      }),
      store.update((d) => {
        d.items.b = 2;
        return 'b';
      }),
      store.update((d) => {
        d.items.half = 99;
        throw new Error('refused');
      }),
      store.update((d) => {
        d.items.c = 3;
        return 'c';
      }),
    ]);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual(['a', 'b', 'refused', 'c']);
    expect(store.data.items).toEqual({ a: 1, b: 2, c: 3 });
    // The first change was written alone, the other three (one refused) together: two writes, two hook runs.
    expect(sorted).toBe(2);
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual({ items: { a: 1, b: 2, c: 3 }, writes: 2 });
    const reopened = await DurableJson.open<File>(file, { items: {} });
    expect(reopened.data.items).toEqual({ a: 1, b: 2, c: 3 });
  });

  it('refuses every change of a batch that all throw and writes nothing new', async () => {
    const file = path.join(tempDataDir('rr-durable-'), 'f.json');
    const store = await DurableJson.open<File>(file, { items: {} });
    await store.update((d) => {
      d.items.a = 1;
    });
    const before = fs.readFileSync(file, 'utf8');
    const results = await Promise.allSettled(
      [1, 2].map(() =>
        store.update((d) => {
          d.items.x = 1;
          throw new Error('no');
        }),
      ),
    );
    expect(results.every((r) => r.status === 'rejected')).toBe(true);
    expect(store.data.items).toEqual({ a: 1 });
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual(JSON.parse(before));
  });
});
