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
 * - **hocuspocus**: @hocuspocus/server 3.4.4 with its SQLite extension (bench/sync/hocuspocusServer.mjs).
 * All clients are the same minimal Yjs client (bench/sync/rawClient.ts). One document holds ROWS rows;
 * then EDITS small edits (one row's value replaced) are made at RATE per second, client after client,
 * and each is timed until every other client has applied it.
 *
 * Server CPU is utime + stime of the server's pid from /proc over the edit phase, divided by the edits;
 * RSS is the server's VmRSS after the phase. Latency is wall time from the edit in one process to
 * its arrival in another (both read the same clock).
 *
 * Parameters (environment): SYNC_CLIENTS (50,200), SYNC_ROWS (200), SYNC_EDITS (300), SYNC_RATE (20 per
 * second), SYNC_RUNS (2), SYNC_CLIENT_PROCESSES (2), SYNC_SERVERS (ours,bare,hocuspocus),
 * SYNC_BUNDLES ("before=dist/before/main.js,after=dist/server/main.js" measures several bundles of ours),
 * SYNC_CPU_PROF=<dir> profiles our server (node --cpu-prof).
 */
const CLIENT_COUNTS = (process.env.SYNC_CLIENTS ?? '50,200').split(',').map(Number);
const ROWS = Number(process.env.SYNC_ROWS ?? 200);
const EDITS = Number(process.env.SYNC_EDITS ?? 300);
const RATE = Number(process.env.SYNC_RATE ?? 20);
const RUNS = Number(process.env.SYNC_RUNS ?? 2);
const PROCS = Number(process.env.SYNC_CLIENT_PROCESSES ?? 2);
const KINDS = (process.env.SYNC_SERVERS ?? 'ours,bare,hocuspocus').split(',');
const PROF = process.env.SYNC_CPU_PROF;

/** The servers to measure: ours once per bundle, then the others. */
function servers(): string[] {
  const bundles = process.env.SYNC_BUNDLES?.split(',').map((b) => `ours:${b}`) ?? [`ours:after=${COMPILED_SERVER}`];
  return KINDS.flatMap((k) => (k === 'ours' ? bundles : [k]));
}

/** Starts a server and answers where its clients connect, with the doc name and headers they use. */
async function start(server: string): Promise<{ s: ServerUnderTest; docName: string; headers: Record<string, string>[] }> {
  if (server === 'bare') return { s: await spawnBenchServer('bareRelay.mjs', 'y-websocket'), docName: 'bench', headers: [{}] };
  if (server === 'hocuspocus') return { s: await spawnBenchServer('hocuspocusServer.mjs', 'hocuspocus'), docName: 'bench', headers: [{}] };
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
        p.ask({ cmd: 'open', url: s.wsBase, docNames: [docName], framing: s.framing, headers, count: Math.min(per, clients - i * per), observe: true }, 'opened'),
      ),
    );
    await procs[0]!.ask({ cmd: 'seed', map: 'positions', rows: ROWS }, 'seeded');
    const edit = (k: number, key: string) => procs[Math.floor((k % clients) / per)]!.send({ cmd: 'edit', index: (k % clients) % per, map: 'positions', key });
    // Warm-up: every client edits once (our server records which user owns each new client id).
    for (let k = 0; k < clients; k++) {
      edit(k, `row${k % ROWS}`);
      if (k % 20 === 19) await sleep(50);
    }
    await sleep(2_000);
    await Promise.all(procs.map((p) => p.ask({ cmd: 'report' }, 'report')));
    // Idle: what the server costs with the clients connected and nobody editing.
    let cpu = cpuSeconds(s.pid);
    await sleep(2_000);
    const idleCpuMsPerSecond = ((cpuSeconds(s.pid) - cpu) * 1000) / 2;
    // The edits, at a steady rate, each by the next client in turn.
    cpu = cpuSeconds(s.pid);
    const t0 = performance.now();
    for (let k = 0; k < EDITS; k++) {
      const due = t0 + (k * 1000) / RATE;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      edit(k, `row${k % ROWS}`);
    }
    await sleep(1_500);
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
      expectedObservations: EDITS * (clients - 1),
      latency: { p50ms: ms(percentile(lat, 50)), p99ms: ms(percentile(lat, 99)) },
      serverCpuMsPerEdit: ms((serverCpuS * 1000) / EDITS),
      serverCpuMsPerEditIdleSubtracted: ms((serverCpuS * 1000 - idleCpuMsPerSecond * elapsedS) / EDITS),
      idleCpuMsPerSecond: ms(idleCpuMsPerSecond),
      serverRssMiB: mem.rss,
      serverPeakRssMiB: mem.peak,
      socketCloses: reports.reduce((n, r) => n + r.closes, 0),
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
