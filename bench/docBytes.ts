import * as Y from 'yjs';
import { FileDocStore } from '../server/storage/FileDocStore.js';
import { tempDataDir } from '../tests/utils/testServer.js';
import { percentile, writeResult } from './benchUtils.js';

/**
 * Bytes written to the doc store per small edit on a doc of 5,000 chronology-like entries (each a
 * Y.Map of ten fields), versus rewriting the whole doc per edit as a JSON store would.
 * Target: < 2 KB per edit.
 */
const ENTRIES = 5_000;
const EDITS = 500;

async function main(): Promise<void> {
  const store = new FileDocStore(tempDataDir('rr-bench-'));
  const name = 'review.AAAAAAAAAAAAAAAAAAAAAA.chronology.BBBBBBBBBBBBBBBBBBBBBB';
  const doc = new Y.Doc();
  const entries = doc.getMap<Y.Map<unknown>>('entries');
  doc.transact(() => {
    for (let i = 0; i < ENTRIES; i++) {
      const m = new Y.Map<unknown>();
      entries.set(`entry${String(i).padStart(17, '0')}`, m);
      m.set('date', { precision: 'day', iso: '2021-03-04' });
      m.set('source', 'Case notes');
      m.set('contactWithChild', 'seen');
      m.set('byWhom', 'Social worker');
      m.set('event', `Home visit number ${i}: the child was seen with the mother; the home conditions were noted as adequate.`);
      m.set('comment', 'Good practice: the child was spoken to alone. Potential learning about information sharing.');
      m.set('category', 'assessment');
      m.set('people', ['p1', 'p2']);
      m.set('time', null);
      m.set('sequence', 0);
    }
  });
  await store.append(name, Y.encodeStateAsUpdate(doc));
  await store.compact(name, Y.encodeStateAsUpdate(doc));
  const docBytes = await store.size(name);

  const perEdit: number[] = [];
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  for (let i = 0; i < EDITS; i++) {
    const before = await store.size(name);
    entries.get(`entry${String((i * 37) % ENTRIES).padStart(17, '0')}`)!.set('comment', `Edited comment ${i}: learning about escalation.`);
    await store.append(name, updates.at(-1)!);
    perEdit.push((await store.size(name)) - before);
  }
  const total = perEdit.reduce((a, b) => a + b, 0);
  const mean = total / EDITS;
  writeResult('docBytes', {
    entries: ENTRIES, edits: EDITS, docBytes,
    bytesPerEdit: { mean: +mean.toFixed(1), p50: percentile(perEdit, 50), p99: percentile(perEdit, 99), max: Math.max(...perEdit) },
    wholeDocRewriteBytesFor500Edits: docBytes * EDITS,
    oursBytesFor500Edits: total,
    target: 'bytes per small edit < 2048', met: Math.max(...perEdit) < 2048,
  });
  await store.close();
}

await main();
