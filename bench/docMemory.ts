import * as Y from 'yjs';
import net from 'node:net';
import v8 from 'node:v8';
import vm from 'node:vm';
import fs from 'node:fs';
import type { ChildProcess } from 'node:child_process';
import WebSocket from 'ws';
import { DurableTracker } from '../client/src/lib/durableTracker.js';
import { writeEntries, type ChronologyEntry } from '../shared/chronology/index.js';
import { docMemoryEstimate } from '../server/sync/memoryBudget.js';
import { spawnServer, tempDataDir } from '../tests/utils/testServer.js';
import { api } from '../tests/utils/api.js';
import { createReviewWithMembers } from '../tests/utils/factories.js';
import { openDoc, synced, until, type TestClient } from '../tests/utils/yjsClient.js';
import { BENCH_FAMILY_NAMES, writeResult } from './benchUtils.js';

/**
 * Memory per loaded document (issue 18 item 4). A review with DOC_MEMORY_DOCS agency chronologies
 * (default 50) of DOC_MEMORY_ROWS rows each (default 200) is written through real clients; then a
 * fresh production bundle (in its own process) loads every one through real clients. The server's
 * heap is read through the inspector after a forced full collection, before loading, with every doc
 * open, and once the clients have gone but the docs are still loaded (the idle unload is set long).
 * The per-doc figures are those differences divided by the number of docs, beside the encoded size
 * (the doc's state as one Yjs update, what a compacted snapshot holds) and the budget's estimate.
 */

const DOCS = Number(process.env.DOC_MEMORY_DOCS ?? 50);
const ROWS = Number(process.env.DOC_MEMORY_ROWS ?? 200);
const MiB = (b: number) => Math.round((b / 2 ** 20) * 100) / 100;
const KiB = (b: number) => Math.round(b / 1024);

type Memory = { rss: number; heapTotal: number; heapUsed: number; external: number; arrayBuffers: number };

/** A free TCP port on the loopback interface, for the server's inspector. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** A Chrome DevTools Protocol session with the server: full collections and its process.memoryUsage(). */
async function inspector(port: number): Promise<{ memory(): Promise<Memory>; close(): void }> {
  const list = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as { webSocketDebuggerUrl: string }[];
  const ws = new WebSocket(list[0]!.webSocketDebuggerUrl);
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  let id = 0;
  const waiting = new Map<number, (v: unknown) => void>();
  ws.on('message', (data) => {
    const msg = JSON.parse(String(data)) as { id?: number; result?: unknown };
    if (msg.id !== undefined) waiting.get(msg.id)?.(msg.result);
  });
  const call = (method: string, params: Record<string, unknown> = {}) =>
    new Promise<unknown>((resolve) => {
      id += 1;
      waiting.set(id, resolve);
      ws.send(JSON.stringify({ id, method, params }));
    });
  return {
    memory: async () => {
      // Twice: the first collection can leave garbage that only a second one frees (weak references, finalisers).
      await call('HeapProfiler.collectGarbage');
      await call('HeapProfiler.collectGarbage');
      const r = (await call('Runtime.evaluate', { expression: 'JSON.stringify(process.memoryUsage())', returnByValue: true })) as { result: { value: string } };
      return JSON.parse(r.result.value) as Memory;
    },
    close: () => ws.close(),
  };
}

/** `ROWS` rows for one agency, with the text a real chronology carries. */
function rows(agencyId: string, seed: number): ChronologyEntry[] {
  const names = BENCH_FAMILY_NAMES;
  return Array.from({ length: ROWS }, (_, i) => {
    const d = new Date(Date.UTC(2015, 0, 1) + i * 86_400_000);
    return {
      id: `m${String(seed).padStart(4, '0')}r${String(i).padStart(10, '0')}`,
      agencyId,
      date: { precision: 'day', year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), uncertainty: 'none' },
      time: null,
      sequence: 0,
      source: 'Case notes',
      childContact: 'seen',
      childContactBy: 'Social worker',
      familyContactIds: ['p0'],
      familyContactBy: 'Social worker',
      keyEvent: `${names[i % names.length]} was visited at home (visit ${i}); ${names[(i + 3) % names.length]} was present and the home was cold.`,
      comment: 'Analysis to follow after the practitioner conversation.',
      category: 'assessment',
    };
  });
}

/** Stops a server with SIGTERM (it writes its stores) and waits for it to exit. */
async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/**
 * The heap a bare Y.Doc holds for the same content, in this process (no server): what any server that
 * keeps the doc as a Y.Doc must hold. Twenty copies of one doc's state, after full collections.
 */
function bareYDocBytes(state: Uint8Array): number {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  gc();
  gc();
  const h0 = process.memoryUsage().heapUsed;
  const docs = Array.from({ length: 20 }, () => {
    const d = new Y.Doc({ gc: true });
    Y.applyUpdate(d, state);
    return d;
  });
  gc();
  gc();
  const bytes = Math.round((process.memoryUsage().heapUsed - h0) / docs.length);
  for (const d of docs) d.destroy();
  return bytes;
}

async function main(): Promise<void> {
  const dataDir = tempDataDir('rr-docmem-');
  // Seeding: agencies through the API, each chronology written through a real client and acknowledged as durable.
  const seeding = await spawnServer(dataDir, { LOG_LEVEL: 'silent', DOC_IDLE_UNLOAD_MS: '1000' }, 0, { compiled: true });
  const fx = await createReviewWithMembers(seeding.url);
  const agencies = [...fx.agencies.map((a) => a.id)];
  for (let i = agencies.length; i < DOCS; i++) {
    const r = await api(seeding.url, 'POST', `/api/reviews/${fx.reviewId}/agencies`, {
      cookie: fx.admin.cookie,
      body: { name: `Agency ${i}`, shortCode: `A${i}`, partnerType: 'other' },
    });
    if (r.status !== 201) throw new Error(`add agency failed ${r.status} ${JSON.stringify(r.body)}`);
    agencies.push(r.body.id);
  }
  const names = agencies.slice(0, DOCS).map((a) => `review.${fx.reviewId}.chronology.${a}`);
  const encoded: number[] = [];
  let lastState: Uint8Array = new Uint8Array();
  for (const [i, name] of names.entries()) {
    const c = openDoc(seeding.url, name, fx.lead.cookie);
    await synced(c);
    const tracker = new DurableTracker(c.doc, c.provider);
    writeEntries(c.doc, agencies[i]!, rows(agencies[i]!, i));
    await until(() => tracker.unsaved === 0, 'rows durable', 60_000);
    lastState = Y.encodeStateAsUpdate(c.doc);
    encoded.push(lastState.length);
    tracker.destroy();
    c.destroy();
  }
  await stop(seeding.child);

  // Measuring: a fresh production bundle with its inspector on a free loopback port.
  const port = await freePort();
  const server = await spawnServer(dataDir, { LOG_LEVEL: 'silent', DOC_IDLE_UNLOAD_MS: '600000' }, 0, { compiled: true, execArgv: [`--inspect=127.0.0.1:${port}`] });
  const pid = server.child.pid!;
  const probe = await inspector(port);
  // Warm the paths a connection takes (session, access, one doc) before the baseline, so it is not counted per doc.
  const warm = openDoc(server.url, `review.${fx.reviewId}.people`, fx.lead.cookie);
  await synced(warm);
  const before = await probe.memory();
  const clients: TestClient[] = [];
  for (let i = 0; i < names.length; i += 10) {
    const batch = names.slice(i, i + 10).map((n) => openDoc(server.url, n, fx.lead.cookie));
    await Promise.all(batch.map(synced));
    clients.push(...batch);
  }
  await until(() => clients.every((c) => (c.doc.getMap('entries') as Y.Map<unknown>).size === ROWS), 'every doc synced', 60_000);
  const open = await probe.memory();
  for (const c of clients) c.destroy();
  await new Promise((r) => setTimeout(r, 2000));
  const loaded = await probe.memory();
  const hwm = Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
  warm.destroy();
  probe.close();
  await server.kill9();

  const avgEncoded = encoded.reduce((a, b) => a + b, 0) / encoded.length;
  const perDoc = (a: Memory, b: Memory) => ({
    heapBytes: Math.round((b.heapUsed - a.heapUsed) / DOCS),
    externalBytes: Math.round((b.external - a.external) / DOCS),
    rssBytes: Math.round((b.rss - a.rss) / DOCS),
  });
  const loadedPerDoc = perDoc(before, loaded);
  const openPerDoc = perDoc(before, open);
  const figures = {
    docs: DOCS,
    rowsPerDoc: ROWS,
    encodedBytesPerDoc: Math.round(avgEncoded),
    loadedNoConnections: {
      ...loadedPerDoc,
      heapKiB: KiB(loadedPerDoc.heapBytes),
      timesEncoded: Math.round(((loadedPerDoc.heapBytes + loadedPerDoc.externalBytes) / avgEncoded) * 10) / 10,
    },
    openWithOneClientEach: {
      ...openPerDoc,
      heapKiB: KiB(openPerDoc.heapBytes),
      timesEncoded: Math.round(((openPerDoc.heapBytes + openPerDoc.externalBytes) / avgEncoded) * 10) / 10,
    },
    bareYDocHeapBytesPerDoc: bareYDocBytes(lastState),
    budgetEstimateBytesPerDoc: Math.round(docMemoryEstimate(avgEncoded)),
    serverMiB: {
      before: MiB(before.heapUsed),
      open: MiB(open.heapUsed),
      loaded: MiB(loaded.heapUsed),
      rssBefore: MiB(before.rss),
      rssOpen: MiB(open.rss),
      rssLoaded: MiB(loaded.rss),
      peakRss: MiB(hwm),
    },
    target: 'loaded doc <= 4x its encoded size',
  };
  writeResult('docMemory', { ...figures, met: figures.loadedNoConnections.timesEncoded <= 4 });
}

await main();
process.exit(0);
