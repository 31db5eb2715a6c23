import fs from 'node:fs';
import path from 'node:path';
import * as Y from 'yjs';
import { FileDocStore } from '../server/storage/FileDocStore.js';
import { shouldCompact, type LogState } from '../server/sync/compactionPolicy.js';
import { startTestServer, tempDataDir } from '../tests/utils/testServer.js';
import { createReviewWithMembers } from '../tests/utils/factories.js';
import { openDoc, synced, until } from '../tests/utils/yjsClient.js';
import { percentile, writeResult } from './benchUtils.js';

/**
 * Bytes written to the doc store per small edit on a doc of 5,000 chronology-like entries (each a
 * Y.Map of ten fields). Three measurements:
 *  1. the store alone: bytes per append, and over a long run with the sync server's compaction policy,
 *     so the amortised cost of snapshots is included;
 *  2. end to end: a real WebsocketProvider edits through our server (auth, access, relay, persist);
 *  3. for scale: the kernel's count of bytes sent to the disk per edit (page and journal granularity,
 *     which any fsync'd store pays), for our log and for rewriting the whole doc as a JSON store would.
 * Target: < 2 KB per small edit.
 */
const ENTRIES = 5_000;
const EDITS = 500;
const LONG_RUN_EDITS = 10_000;
const REWRITES = 20;
const NAME = 'review.AAAAAAAAAAAAAAAAAAAAAA.chronology.BBBBBBBBBBBBBBBBBBBBBB';

const key = (i: number) => `entry${String(i).padStart(17, '0')}`;

/** Fills a doc with `ENTRIES` chronology-like rows in one transaction. */
function fill(doc: Y.Doc): void {
  const entries = doc.getMap<Y.Map<unknown>>('entries');
  doc.transact(() => {
    for (let i = 0; i < ENTRIES; i++) {
      const m = new Y.Map<unknown>();
      entries.set(key(i), m);
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
}

/** One small edit: a new comment on one entry. */
function edit(doc: Y.Doc, i: number): void {
  doc
    .getMap<Y.Map<unknown>>('entries')
    .get(key((i * 37) % ENTRIES))!
    .set('comment', `Edited comment ${i}: learning about escalation.`);
}

/** Bytes this process has caused to be sent to the block device so far (Linux), or null. */
function deviceWriteBytes(): number | null {
  try {
    const m = /^write_bytes: (\d+)$/m.exec(fs.readFileSync('/proc/self/io', 'utf8'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

const perEditOf = (n: number | null, edits: number) => (n === null ? null : Math.round(n / edits));

async function storeOnly() {
  const store = new FileDocStore(tempDataDir('rr-bench-'));
  const doc = new Y.Doc();
  fill(doc);
  await store.compact(NAME, Y.encodeStateAsUpdate(doc));
  const docBytes = await store.size(NAME);
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));

  // Single appends, each awaited: the cost of one edit.
  const perEdit: number[] = [];
  const dev0 = deviceWriteBytes();
  for (let i = 0; i < EDITS; i++) {
    const before = store.stats.bytesWritten;
    edit(doc, i);
    await store.append(NAME, updates.at(-1)!);
    perEdit.push(store.stats.bytesWritten - before);
  }
  const dev1 = deviceWriteBytes();

  // A long run with the sync server's compaction policy, so snapshot rewrites are amortised in.
  const state: LogState = { records: EDITS, logBytes: perEdit.reduce((a, b) => a + b, 0), snapshotBytes: docBytes };
  const s0 = { ...store.stats };
  for (let i = EDITS; i < EDITS + LONG_RUN_EDITS; i++) {
    edit(doc, i);
    const u = updates.at(-1)!;
    await store.append(NAME, u);
    state.records += 1;
    state.logBytes += u.length;
    if (shouldCompact(state, 'live')) {
      const snap = Y.encodeStateAsUpdate(doc);
      await store.compact(NAME, snap);
      Object.assign(state, { records: 0, logBytes: 0, snapshotBytes: snap.length });
    }
  }
  const longRunBytes = store.stats.bytesWritten - s0.bytesWritten + store.stats.snapshotBytesWritten - s0.snapshotBytesWritten;
  const longRunSnapshots = store.stats.snapshots - s0.snapshots;
  await store.close();

  // The alternative, for scale: rewrite the whole doc per edit (temp file, fsync, rename, fsync dir).
  const dir = tempDataDir('rr-bench-rewrite-');
  const file = path.join(dir, 'doc.bin');
  const whole = Y.encodeStateAsUpdate(doc);
  const dev2 = deviceWriteBytes();
  for (let i = 0; i < REWRITES; i++) {
    const fd = fs.openSync(`${file}.tmp`, 'w', 0o600);
    fs.writeSync(fd, whole);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fs.renameSync(`${file}.tmp`, file);
    const dfd = fs.openSync(dir, 'r');
    fs.fsyncSync(dfd);
    fs.closeSync(dfd);
  }
  const dev3 = deviceWriteBytes();

  const total = perEdit.reduce((a, b) => a + b, 0);
  return {
    docBytes,
    bytesPerEdit: { mean: +(total / EDITS).toFixed(1), p50: percentile(perEdit, 50), p99: percentile(perEdit, 99), max: Math.max(...perEdit) },
    longRun: { edits: LONG_RUN_EDITS, snapshots: longRunSnapshots, bytesPerEditAmortised: Math.round(longRunBytes / LONG_RUN_EDITS) },
    oursBytesFor500Edits: total,
    wholeDocRewriteBytesFor500Edits: whole.length * EDITS,
    deviceBytesPerEdit: {
      note: 'kernel write_bytes: data reaches the disk in whole pages, so any fsync per edit costs at least one page; journal writes are not counted',
      ourLog: perEditOf(dev0 === null || dev1 === null ? null : dev1 - dev0, EDITS),
      wholeDocRewrite: perEditOf(dev2 === null || dev3 === null ? null : dev3 - dev2, REWRITES),
    },
  };
}

async function endToEnd() {
  const server = await startTestServer({ env: { LOG_LEVEL: 'silent' } });
  const store = server.deps.docs;
  if (!(store instanceof FileDocStore)) throw new Error('expected the embedded FileDocStore');
  const fx = await createReviewWithMembers(server.url);
  const name = `review.${fx.reviewId}.chronology.${fx.agencies[0]!.id}`;
  const author = openDoc(server.url, name, fx.author.cookie);
  const lead = openDoc(server.url, name, fx.lead.cookie);
  await Promise.all([synced(author), synced(lead)]);
  const s0 = { ...store.stats };
  fill(author.doc);
  await until(() => lead.doc.getMap('entries').size === ENTRIES, 'initial load relayed', 60_000);
  // The 2.5 MB initial update passes the 1 MB log limit, so the server compacts it into a snapshot.
  await until(() => store.stats.snapshots > s0.snapshots, 'compaction after the initial load', 60_000);
  const s1 = { ...store.stats };
  for (let i = 0; i < EDITS; i++) {
    edit(author.doc, i);
    const want = `Edited comment ${i}: learning about escalation.`;
    await until(
      () =>
        lead.doc
          .getMap<Y.Map<unknown>>('entries')
          .get(key((i * 37) % ENTRIES))!
          .get('comment') === want,
      'edit relayed',
    );
  }
  await until(() => store.stats.appends - s1.appends >= EDITS, 'every edit durable');
  const bytes = store.stats.bytesWritten - s1.bytesWritten + store.stats.snapshotBytesWritten - s1.snapshotBytesWritten;
  author.destroy();
  lead.destroy();
  await server.close();
  return { edits: EDITS, appends: store.stats.appends - s1.appends, bytesPerEdit: +(bytes / EDITS).toFixed(1) };
}

async function main(): Promise<void> {
  const direct = await storeOnly();
  const e2e = await endToEnd();
  writeResult('docBytes', {
    entries: ENTRIES,
    edits: EDITS,
    storeOnly: direct,
    throughServer: e2e,
    target: 'bytes per small edit < 2048',
    met: direct.bytesPerEdit.max < 2048 && direct.longRun.bytesPerEditAmortised < 2048 && e2e.bytesPerEdit < 2048,
  });
}

await main();
process.exit(0);
