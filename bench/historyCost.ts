import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { FileDocStore } from '../server/storage/FileDocStore.js';
import { itemVersions, stateAt } from '../server/history/reconstruct.js';
import { tempDataDir } from '../tests/utils/testServer.js';
import { writeResult } from './benchUtils.js';

/**
 * What history adds per 1,000 edits (docs/performance.md, "History"): a 500-row chronology, then 1,000
 * single-field edits (a new comment on one row, by one of three users), appended to two embedded stores,
 * one without attribution (as before history) and one with it; then each is compacted. Reports the extra
 * bytes in the log (the attribution in each record), the bytes the history keeps after compaction (which
 * a store without history would have dropped), and the memory and time of reading and replaying it for a
 * version list, a preview and one row's history. The live room keeps no history in memory.
 */
const ROWS = 500;
const EDITS = 1_000;
const NAME = 'review.AAAAAAAAAAAAAAAAAAAAAA.chronology.BBBBBBBBBBBBBBBBBBBBBB';
const USERS = ['u0AAAAAAAAAAAAAAAAAAAA', 'u1AAAAAAAAAAAAAAAAAAAA', 'u2AAAAAAAAAAAAAAAAAAAA'];
const key = (i: number) => `entry${String(i).padStart(17, '0')}`;

function rowsAndEdits(): { base: Uint8Array; edits: Uint8Array[]; final: Uint8Array } {
  const doc = new Y.Doc();
  const entries = doc.getMap<Y.Map<unknown>>('entries');
  doc.transact(() => {
    for (let i = 0; i < ROWS; i++) {
      const m = new Y.Map<unknown>();
      entries.set(key(i), m);
      m.set('date', { precision: 'day', iso: '2021-03-04' });
      m.set('keyEvent', `Home visit number ${i}: the child was seen with the mother; the home conditions were noted as adequate.`);
      m.set('comment', '');
    }
  });
  const base = Y.encodeStateAsUpdate(doc);
  const edits: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => edits.push(u));
  for (let i = 0; i < EDITS; i++) entries.get(key((i * 7) % ROWS))!.set('comment', `Reviewed by the team, note ${i}: follow up with the school.`);
  return { base, edits, final: Y.encodeStateAsUpdate(doc) };
}

function dirBytes(dir: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of fs.readdirSync(dir)) out[f] = fs.statSync(path.join(dir, f)).size;
  return out;
}

async function run(attributed: boolean, data: ReturnType<typeof rowsAndEdits>) {
  const root = tempDataDir('rr-bench-history-');
  const store = new FileDocStore(root);
  await store.compact(NAME, data.base).catch(() => undefined);
  await store.append(NAME, data.base);
  await store.compact(NAME, data.base);
  const logBefore = store.stats.bytesWritten;
  let t = Date.UTC(2026, 11, 3, 9, 0);
  for (const [i, u] of data.edits.entries()) {
    t += 20_000;
    await store.append(NAME, u, attributed ? { userId: USERS[i % 3]!, at: t } : undefined);
  }
  const logBytes = store.stats.bytesWritten - logBefore;
  const beforeCompaction = dirBytes(path.join(root, NAME));
  await store.compact(NAME, data.final);
  const after = dirBytes(path.join(root, NAME));
  await store.close();
  fs.rmSync(root, { recursive: true, force: true });
  return { logBytes, beforeCompaction, after };
}

const data = rowsAndEdits();
const plain = await run(false, data);
const withHistory = await run(true, data);

// Reading: the history a version list, preview or item history loads, its memory and replay time.
const root = tempDataDir('rr-bench-history-');
const store = new FileDocStore(root);
await store.append(NAME, data.base, { userId: USERS[0]!, at: 1 });
for (const [i, u] of data.edits.entries()) await store.append(NAME, u, { userId: USERS[i % 3]!, at: 2 + i });
await store.compact(NAME, data.final);
global.gc?.();
const mem0 = process.memoryUsage();
let t0 = performance.now();
const history = await store.history(NAME);
const loadMs = performance.now() - t0;
const mem1 = process.memoryUsage();
t0 = performance.now();
const preview = stateAt(history, history.entries[Math.floor(history.entries.length / 2)]!.seq);
const previewMs = performance.now() - t0;
preview.destroy();
t0 = performance.now();
const item = itemVersions(history, 'entries', key(0));
const itemMs = performance.now() - t0;
await store.close();
fs.rmSync(root, { recursive: true, force: true });

const updateBytes = data.edits.reduce((n, u) => n + u.length, 0);
writeResult('historyCost', {
  rows: ROWS,
  edits: EDITS,
  loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100),
  meanUpdateBytes: Math.round(updateBytes / EDITS),
  baseStateBytes: data.base.length,
  historyEntryBytesPer1000Edits: withHistory.after['history.bin']! - data.base.length,
  logBytesPer1000Edits: { withoutAttribution: plain.logBytes, withAttribution: withHistory.logBytes, added: withHistory.logBytes - plain.logBytes },
  onDiskAfterCompaction: { withoutAttribution: plain.after, withAttribution: withHistory.after },
  historyBytesPer1000Edits: withHistory.after['history.bin'],
  historyRead: {
    entries: history.entries.length,
    loadMs: Math.round(loadMs),
    heapAddedBytes: mem1.heapUsed - mem0.heapUsed,
    arrayBuffersAddedBytes: mem1.arrayBuffers - mem0.arrayBuffers,
    previewMs: Math.round(previewMs),
    itemHistoryMs: Math.round(itemMs),
    itemVersions: item.length,
  },
});
