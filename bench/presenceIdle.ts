import { COMPILED_SERVER, spawnServer, tempDataDir } from '../tests/utils/testServer.js';
import { createReviewWithMembers } from '../tests/utils/factories.js';
import { api } from '../tests/utils/api.js';
import { percentile, writeResult } from './benchUtils.js';
import { ClientProcess, cpuSeconds, killAndWait, loadavg, rssMiB } from './sync/processes.js';

/**
 * Idle connections with presence (issue 18 item 2). The production bundle (dist/server/main.js) runs in
 * its own process; CONNECTIONS clients spread over DOCS documents are opened from separate client
 * processes, each announcing its presence once and renewing it every RENEW_MS (y-protocols renews every
 * 15 s), on its own phase. Once every connection has joined, the bench waits SETTLE_S, then for
 * SECONDS measures the server's CPU (utime + stime from /proc, as a percentage of one core), while a
 * probe pair per document (at most PROBE_DOCS documents) times small edits from one client to the
 * other, one edit a second; it counts every socket closed meanwhile (a healthy socket dropped by the
 * heartbeat shows here, as would any refusal).
 *
 * Parameters (environment): PRESENCE_CONNECTIONS (2000), PRESENCE_DOCS (1), PRESENCE_SECONDS (60),
 * PRESENCE_SETTLE_S (20), PRESENCE_RENEW_MS (15000), PRESENCE_CLIENT_PROCESSES (4), PRESENCE_PROBE_DOCS (5),
 * PRESENCE_RESULT (presenceIdle: the results file's name).
 */
const CONNECTIONS = Number(process.env.PRESENCE_CONNECTIONS ?? 2000);
const DOCS = Number(process.env.PRESENCE_DOCS ?? 1);
const SECONDS = Number(process.env.PRESENCE_SECONDS ?? 60);
const SETTLE_S = Number(process.env.PRESENCE_SETTLE_S ?? 20);
const RENEW_MS = Number(process.env.PRESENCE_RENEW_MS ?? 15_000);
const PROCS = Number(process.env.PRESENCE_CLIENT_PROCESSES ?? 4);
const PROBE_DOCS = Math.min(DOCS, Number(process.env.PRESENCE_PROBE_DOCS ?? 5));
const RESULT = process.env.PRESENCE_RESULT ?? 'presenceIdle';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const ms = (n: number) => +n.toFixed(1);

async function main(): Promise<void> {
  const loadBefore = loadavg();
  const srv = await spawnServer(tempDataDir('rr-bench-'), { LOG_LEVEL: 'silent' }, 0, { compiled: true });
  const pid = srv.child.pid!;
  const fx = await createReviewWithMembers(srv.url);
  // More documents: more reviews, each created by the admin (who is their lead reviewer).
  const reviewIds = [fx.reviewId];
  while (reviewIds.length < DOCS) {
    const r = await api(srv.url, 'POST', '/api/reviews', {
      cookie: fx.admin.cookie,
      body: { title: `Bench review ${reviewIds.length}`, kind: 'rapid-review', childPseudonym: 'Child T', referralDate: '02/11/2026' },
    });
    if (r.status !== 201) throw new Error(`create review failed ${r.status}`);
    reviewIds.push(r.body.id as string);
  }
  const docNames = reviewIds.map((id) => `review.${id}.genogram`);
  // Four users share the idle connections on the first review; the admin holds those on the others.
  const headers = [fx.lead, fx.team, fx.author, fx.author2].map((a) => ({ cookie: a.cookie, origin: srv.url }));
  const adminOnly = [{ cookie: fx.admin.cookie, origin: srv.url }];
  const wsBase = `${srv.url.replace(/^http/, 'ws')}/yjs`;
  const procs = Array.from({ length: PROCS }, () => new ClientProcess());
  const probe = new ClientProcess();
  try {
    await Promise.all([...procs, probe].map((p) => p.ready));
    const t0 = performance.now();
    const per = Math.ceil(CONNECTIONS / PROCS);
    const opened = await Promise.all(
      procs.map((p, i) =>
        p.ask(
          {
            cmd: 'open',
            url: wsBase,
            // Rotate the list so that each process spreads its connections over every document.
            docNames: docNames.map((_, j) => docNames[(j + i * per) % docNames.length]!),
            framing: 'y-websocket',
            headers: DOCS === 1 ? headers : adminOnly,
            count: Math.min(per, CONNECTIONS - i * per),
            renewMs: RENEW_MS,
            observers: 0,
          },
          'opened',
        ),
      ),
    );
    const joinS = (performance.now() - t0) / 1000;
    const probeDocs = docNames.slice(0, PROBE_DOCS).flatMap((d) => [d, d]);
    await probe.ask(
      {
        cmd: 'open',
        url: wsBase,
        docNames: probeDocs,
        framing: 'y-websocket',
        headers: DOCS === 1 ? headers : adminOnly,
        count: probeDocs.length,
        renewMs: RENEW_MS,
        observers: probeDocs.length,
      },
      'opened',
    );
    process.stderr.write(`joined ${CONNECTIONS} in ${joinS.toFixed(1)} s; settling ${SETTLE_S} s\n`);
    await sleep(SETTLE_S * 1000);
    const closesBefore = (await Promise.all(procs.map((p) => p.ask({ cmd: 'report' }, 'report')))).reduce((n, r) => n + r.closes, 0);
    await probe.ask({ cmd: 'report' }, 'report');
    const cpu = cpuSeconds(pid);
    const start = performance.now();
    let probes = 0;
    for (let s = 0; s < SECONDS; s++) {
      const j = s % PROBE_DOCS;
      probe.send({ cmd: 'edit', index: 2 * j, map: 'positions', key: `probe${s % 50}` });
      probes++;
      await sleep(start + (s + 1) * 1000 - performance.now());
    }
    const elapsedS = (performance.now() - start) / 1000;
    const cpuS = cpuSeconds(pid) - cpu;
    await sleep(1_000);
    const idle = await Promise.all(procs.map((p) => p.ask({ cmd: 'report' }, 'report')));
    const probeReport = await probe.ask({ cmd: 'report' }, 'report');
    const lat: number[] = probeReport.latencies;
    const mem = rssMiB(pid);
    const closed = idle.reduce((n, r) => n + r.closes, 0) - closesBefore;
    writeResult(RESULT, {
      setup:
        'server: production bundle (npm start environment) in its own process; idle clients in separate processes, presence renewed on its own phase; machine shared with other jobs',
      parameters: { connections: CONNECTIONS, docs: DOCS, seconds: SECONDS, settleS: SETTLE_S, renewMs: RENEW_MS, clientProcesses: PROCS, probeDocs: PROBE_DOCS },
      loadAverageBefore: loadBefore,
      loadAverageAfter: loadavg(),
      joinAllS: ms(joinS),
      reopenedWhileJoining: opened.reduce((n, o) => n + o.reopened, 0),
      serverCpuPercentOfOneCore: ms((cpuS * 100) / elapsedS),
      probes: { sent: probes, arrived: lat.length, p50ms: ms(percentile(lat, 50)), p99ms: ms(percentile(lat, 99)), maxms: ms(Math.max(...lat)) },
      idleSocketsClosedDuringMeasurement: closed,
      closeCodes: idle.flatMap((r) => r.closeCodes),
      probeSocketsClosed: probeReport.closes,
      serverRssMiB: mem.rss,
      serverPeakRssMiB: mem.peak,
      target: 'server CPU < 25 % of a core, probe p99 < 250 ms, no healthy socket dropped',
      met: cpuS * 100 < 25 * elapsedS && lat.length === probes && percentile(lat, 99) < 250 && closed === 0 && probeReport.closes === 0,
      bundle: COMPILED_SERVER,
    });
  } finally {
    await Promise.all([...procs, probe].map((p) => p.close().catch(() => undefined)));
    await killAndWait(srv.child);
  }
}

await main();
process.exit(0);
