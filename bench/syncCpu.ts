import fs from 'node:fs';
import path from 'node:path';
import { COMPILED_SERVER, spawnServer, tempDataDir } from '../tests/utils/testServer.js';
import { createReviewWithMembers } from '../tests/utils/factories.js';
import { percentile, writeResult } from './benchUtils.js';
import { ClientProcess, cpuSeconds, killAndWait, loadavg, rssMiB, spawnBenchServer, type ServerUnderTest } from './sync/processes.js';

/**
 * Server CPU per edit (issue 18 items 1 and 3), measured fairly: every server runs in its own process
 * and every client in separate client processes (bench/sync/clientProcess.ts), so client-side decoding
 * never lands on the server's clock. Compared, interleaved run by run:
 * - **ours**: the production bundle (dist/server/main.js, `npm run build:server`) with `npm start`'s
 *   environment, real sign-in (four review members' cookies), access checks, presence, the update gate,
 *   attribution and every update appended to the fsync'd log;
 * - **bare**: a y-protocols relay (bench/sync/bareRelay.mjs), no auth, no presence, no persistence;
 * - **hocuspocus**: @hocuspocus/server 3.4.4 with its SQLite extension (bench/hocuspocus/server.mjs), installed apart from the
 *   app with `npm ci --prefix bench/hocuspocus` (its sqlite3 is a native build); left out, with a note, when
 *   that has not been run.
 * All clients are the same minimal Yjs client (bench/sync/rawClient.ts). One document holds ROWS rows;
 * then EDITS small edits (one entry's value replaced) are made at RATE per second, client after client,
 * and each is timed until it has been applied by the observing clients (SYNC_OBSERVERS per client
 * process, default 10; the other clients read every frame but do not apply it, so that the client
 * processes keep up on a shared 2-core machine; the server sends the same frames either way).
 *
 * Server CPU is utime + stime of the server's pid from /proc over the edit phase, divided by the edits;
 * RSS is the server's VmRSS after the phase. Latency is wall time from the edit in one process to
 * its arrival in another (both read the same clock).
 *
 * Parameters (environment): SYNC_CLIENTS (50,200), SYNC_ROWS (200), SYNC_EDITS (200), SYNC_RATE (10 per
 * second), SYNC_RUNS (2), SYNC_CLIENT_PROCESSES (2), SYNC_SERVERS (ours,bare,hocuspocus),
 * SYNC_BUNDLES ("before=dist/before/main.js,after=dist/server/main.js" measures several bundles of ours),
 * SYNC_CPU_PROF=<dir> profiles our server (node --cpu-prof), SYNC_OBSERVERS (10).
 */
const CLIENT_COUNTS = (process.env.SYNC_CLIENTS ?? '50,200').split(',').map(Number);
const ROWS = Number(process.env.SYNC_ROWS ?? 200);
const EDITS = Number(process.env.SYNC_EDITS ?? 200);
const RATE = Number(process.env.SYNC_RATE ?? 10);
const RUNS = Number(process.env.SYNC_RUNS ?? 2);
const PROCS = Number(process.env.SYNC_CLIENT_PROCESSES ?? 2);
/** Where Hocuspocus is installed for this bench only (bench/hocuspocus/package.json). */
const HOCUSPOCUS_DIR = path.resolve(import.meta.dirname, 'hocuspocus');
const HOCUSPOCUS_INSTALLED = fs.existsSync(path.join(HOCUSPOCUS_DIR, 'node_modules', '@hocuspocus', 'server'));
const KINDS = (process.env.SYNC_SERVERS ?? 'ours,bare,hocuspocus').split(',').filter((k) => {
  if (k !== 'hocuspocus' || HOCUSPOCUS_INSTALLED) return true;
  console.warn('Hocuspocus is not installed for the bench: run `npm ci --prefix bench/hocuspocus` to compare with it.');
  return false;
});
const PROF = process.env.SYNC_CPU_PROF;
/** Clients per client process that apply every update and time it; the others only read their frames. */
const OBSERVERS = Number(process.env.SYNC_OBSERVERS ?? 10);

/** The servers to measure: ours once per bundle, then the others. */
function servers(): string[] {
  const bundles = process.env.SYNC_BUNDLES?.split(',').map((b) => `ours:${b}`) ?? [`ours:after=${COMPILED_SERVER}`];
  return KINDS.flatMap((k) => (k === 'ours' ? bundles : [k]));
}

/** Starts a server and answers where its clients connect, with the doc name and headers they use. */
async function start(server: string): Promise<{ s: ServerUnderTest; docName: string; headers: Record<string, string>[] }> {
  if (server === 'bare') return { s: await spawnBenchServer('bareRelay.mjs', 'y-websocket'), docName: 'bench', headers: [{}] };
  if (server === 'hocuspocus') return { s: await spawnBenchServer('../hocuspocus/server.mjs', 'hocuspocus'), docName: 'bench', headers: [{}] };
  const bundle = server.split('=')[1]!;
  const srv = await spawnServer(tempDataDir('rr-bench-'), { LOG_LEVEL: 'silent' }, 0, {
    compiled: true,
    bundle,
    execArgv: PROF ? ['--cpu-prof', `--cpu-prof-dir=${PROF}`] : [],
  });
  const fx = await createReviewWithMembers(srv.url);
  const headers = [fx.lead, fx.team, fx.author, fx.author2].map((a) => ({ cookie: a.cookie, origin: srv.url }));
  return {
    s: { pid: srv.child.pid!, wsBase: `${srv.url.replace(/^http/, 'ws')}/yjs`, framing: 'y-websocket', stop: () => killAndWait(srv.child) },
    docName: `review.${fx.reviewId}.genogram`,
    headers,
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Waits until the server has used at most one clock tick (10 ms) of CPU in a 1 s sample, or 60 s have
 * passed; answers the CPU ms per second of the last sample (its idle cost: timers, heartbeats).
 */
async function waitIdle(pid: number): Promise<number> {
  let last = 0;
  for (let i = 0; i < 60; i++) {
    const c = cpuSeconds(pid);
    await sleep(1_000);
    last = (cpuSeconds(pid) - c) * 1000;
    if (last <= 10) break;
  }
  return last;
}
const ms = (n: number) => +n.toFixed(2);

async function run(server: string, clients: number, index: number): Promise<Record<string, unknown>> {
  const loadBefore = loadavg();
  const { s, docName, headers } = await start(server);
  const procs = Array.from({ length: PROCS }, () => new ClientProcess());
  try {
    await Promise.all(procs.map((p) => p.ready));
    const per = Math.ceil(clients / PROCS);
    await Promise.all(
      procs.map((p, i) =>
        p.ask({ cmd: 'open', url: s.wsBase, docNames: [docName], framing: s.framing, headers, count: Math.min(per, clients - i * per), observers: OBSERVERS }, 'opened'),
      ),
    );
    await procs[0]!.ask({ cmd: 'seed', map: 'positions', rows: ROWS }, 'seeded');
    const edit = (k: number, key: string) => procs[Math.floor((k % clients) / per)]!.send({ cmd: 'edit', index: (k % clients) % per, map: 'positions', key });
    // Warm-up: every client edits once (our server records which user owns each new client id). Client
    // i only ever writes key c<i>: a client that does not apply others' updates still overwrites its own
    // previous value, so every edit changes the map for every observer.
    for (let k = 0; k < clients; k++) {
      edit(k, `c${k}`);
      await sleep(1000 / RATE);
    }
    // The window opens and closes with the server idle, so that all of the edits' work (and no backlog
    // of the warm-up) is inside it, however slowly a loaded machine lets it run.
    const idleCpuMsPerSecond = await waitIdle(s.pid);
    await Promise.all(procs.map((p) => p.ask({ cmd: 'report' }, 'report')));
    const cpu = cpuSeconds(s.pid);
    const t0 = performance.now();
    for (let k = 0; k < EDITS; k++) {
      const due = t0 + (k * 1000) / RATE;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      edit(k, `c${k % clients}`);
    }
    await sleep(500);
    await waitIdle(s.pid);
    const serverCpuS = cpuSeconds(s.pid) - cpu;
    const elapsedS = (performance.now() - t0) / 1000;
    const mem = rssMiB(s.pid);
    const reports = await Promise.all(procs.map((p) => p.ask({ cmd: 'report' }, 'report')));
    const lat: number[] = reports.flatMap((r) => r.latencies);
    const figures = {
      run: index + 1,
      server: server.replace(/=.*/, ''),
      clients,
      rows: ROWS,
      edits: EDITS,
      loadAverageBefore: loadBefore,
      loadAverageAfter: loadavg(),
      observations: lat.length,
      expectedObservations: Array.from({ length: EDITS }, (_, k) => PROCS * Math.min(OBSERVERS, per) - ((k % clients) % per < OBSERVERS ? 1 : 0)).reduce((a, b) => a + b, 0),
      latency: { p50ms: ms(percentile(lat, 50)), p99ms: ms(percentile(lat, 99)) },
      serverCpuMsPerEdit: ms((serverCpuS * 1000) / EDITS),
      serverCpuMsPerEditIdleSubtracted: ms((serverCpuS * 1000 - idleCpuMsPerSecond * elapsedS) / EDITS),
      windowS: ms(elapsedS),
      idleCpuMsPerSecond: ms(idleCpuMsPerSecond),
      serverRssMiB: mem.rss,
      serverPeakRssMiB: mem.peak,
      socketCloses: reports.reduce((n, r) => n + r.closes, 0),
      closeCodes: reports.flatMap((r) => r.closeCodes),
    };
    process.stderr.write(`${JSON.stringify(figures)}\n`);
    return figures;
  } finally {
    await Promise.all(procs.map((p) => p.close().catch(() => undefined)));
    await s.stop();
  }
}

async function main(): Promise<void> {
  const runs: Record<string, any>[] = [];
  const list = servers();
  for (let i = 0; i < RUNS; i++) {
    for (const clients of CLIENT_COUNTS) {
      // Rotate the order each run so no server always runs first (or last) on a warming machine.
      const order = list.map((_, j) => list[(j + i) % list.length]!);
      for (const server of order) runs.push(await run(server, clients, i).catch((err: Error) => ({ run: i + 1, server, clients, failed: err.message })));
    }
  }
  const name = (s: string) => s.replace(/=.*/, '');
  const median = (xs: number[]) => percentile(xs, 50);
  const summary = CLIENT_COUNTS.map((clients) => {
    const of = (s: string) => runs.filter((r) => r.server === name(s) && r.clients === clients && !r.failed);
    const cpu = Object.fromEntries(list.map((s) => [name(s), ms(median(of(s).map((r) => r.serverCpuMsPerEdit)))]));
    const ours = name(list.find((s) => s.startsWith('ours')) ?? 'ours');
    const last = name(list.filter((s) => s.startsWith('ours')).at(-1) ?? 'ours');
    return {
      clients,
      medianServerCpuMsPerEdit: cpu,
      oursOverHocuspocus: cpu.hocuspocus ? ms(cpu[last]! / cpu.hocuspocus) : null,
      oursOverBare: cpu.bare ? ms(cpu[last]! / cpu.bare) : null,
      first: ours,
    };
  });
  writeResult('syncCpu', {
    setup: 'each server in its own process (ours: production bundle with npm start environment); clients in separate processes; machine shared with other jobs (see load averages)',
    parameters: { clients: CLIENT_COUNTS, rows: ROWS, edits: EDITS, ratePerSecond: RATE, runs: RUNS, clientProcesses: PROCS },
    summary,
    target: 'ours server CPU per edit <= 1.0 x Hocuspocus and <= 1.2 x bare relay, at 50 and 200 clients',
    met: summary.every((s) => s.oursOverHocuspocus !== null && s.oursOverHocuspocus <= 1 && s.oursOverBare !== null && s.oursOverBare <= 1.2),
    runs,
  });
}

await main();
process.exit(0);
