import fs from 'node:fs';
import os from 'node:os';
import type { ChildProcess } from 'node:child_process';
import { io as connect } from 'socket.io-client';
import { COMPILED_SERVER, spawnServer, tempDataDir } from '../tests/utils/testServer.js';
import { api } from '../tests/utils/api.js';
import { createReviewWithMembers } from '../tests/utils/factories.js';
import { connectParticipant, joinWithToken, type Participant } from '../tests/utils/participant.js';
import { blindRequest } from '../client/src/participant/participationToken.js';
import type { ParticipationToken } from '../shared/workshop/participant.js';
import { percentile, writeResult } from './benchUtils.js';

/**
 * Workshop load with credentialed participants (issue 15 item 9), measured fairly (issue 18 item 1):
 * the server is the production bundle (`npm run build:server` → dist/server/main.js, started with
 * `npm start`'s environment) in its own process; this process holds all the clients.
 *
 * Each run starts a fresh server, creates a published workshop and PARTICIPANTS personal invitations,
 * then:
 *  1. **token issuance**: every invitation is redeemed the way the participant's browser does it
 *     (client/src/participant/redeemInvitation.ts): a connection of its own asks for the workshop's
 *     public key, blinds a random message (RFC 9474), sends it with the invitation, unblinds and checks
 *     the signature, and closes. One after another (as people open their links over the days before a
 *     workshop), then, on a second workshop, all at once (everyone opening the link in the room);
 *  2. everyone joins with their token on a new connection, and a lead reviewer watches the live counts;
 *  3. **load**: each participant answers EACH prompts, the PARTICIPANTS × EACH submissions spread evenly
 *     over WINDOW_MS. An acknowledgement means the answer is durable. Then the meeting starts, which
 *     releases worksheet 1, and the bench counts what the facilitator receives.
 * Server CPU is utime + stime of the server process from /proc/<pid>/stat over each phase; peak RSS is
 * its VmHWM. The load average is the machine's, at the start and end of each run.
 *
 * Parameters (environment): WORKSHOP_PARTICIPANTS (300), WORKSHOP_ANSWERS_EACH (3),
 * WORKSHOP_WINDOW_MS (2000), WORKSHOP_RUNS (3).
 */
const PARTICIPANTS = Number(process.env.WORKSHOP_PARTICIPANTS ?? 300);
const EACH = Number(process.env.WORKSHOP_ANSWERS_EACH ?? 3);
const WINDOW_MS = Number(process.env.WORKSHOP_WINDOW_MS ?? 2_000);
const RUNS = Number(process.env.WORKSHOP_RUNS ?? 3);

const CLK_TCK = 100;
/** CPU seconds (user + system) the process has used, from /proc/<pid>/stat. */
function cpuSeconds(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLK_TCK;
}
const peakRssMiB = (pid: number) => Math.round(Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024);
const loadavg = () => os.loadavg().map((l) => +l.toFixed(2));
const ms = (n: number) => +n.toFixed(1);
const summary = (xs: number[]) => ({ p50ms: ms(percentile(xs, 50)), p99ms: ms(percentile(xs, 99)), maxms: ms(Math.max(...xs)) });

type Timed = { token: ParticipationToken; totalMs: number; keyMs: number; blindMs: number; redeemMs: number; finishMs: number };

/**
 * Redeems one invitation exactly as the browser does (same calls as tests/utils/participant.ts
 * redeemInvitation), timing each step: asking for the key, blinding here, the server's check and
 * blind signature, and unblinding plus verifying here.
 */
async function timedRedeem(url: string, workshopId: string, invitation: string): Promise<Timed> {
  const t0 = performance.now();
  const p = await connectParticipant(url);
  try {
    const t1 = performance.now();
    const key = await p.emit('issuer-key', { workshopId });
    if (!key.ok) throw new Error(`issuer-key refused: ${key.error.code}`);
    const t2 = performance.now();
    const request = await blindRequest(key.publicKey);
    const t3 = performance.now();
    const ack = await p.emit('redeem', { workshopId, invitation, blindedMessage: request.blindedMessage });
    if (!ack.ok) throw new Error(`redeem refused: ${ack.error.code}`);
    const t4 = performance.now();
    const token = await request.finish(ack.blindSignature);
    const t5 = performance.now();
    return { token, totalMs: t5 - t0, keyMs: t2 - t1, blindMs: t3 - t2, redeemMs: t4 - t3, finishMs: t5 - t4 };
  } finally {
    p.close();
  }
}

/**
 * Everyone redeems at the same moment (a room opening the links together). Each browser blinds on
 * its own device, but here all the clients share one process: blinding 300 messages at once would
 * queue them behind each other and time the client, not the server. So every connection first asks
 * for the key and blinds (timed on its own), then all the redeem requests go out together and the
 * server's answers are timed, then each token is unblinded and checked.
 */
async function crowdRedeem(url: string, pid: number, workshopId: string, secrets: string[]) {
  const conns = await Promise.all(secrets.map(() => connectParticipant(url)));
  const keys = await Promise.all(conns.map((p) => p.emit('issuer-key', { workshopId })));
  const requests: Awaited<ReturnType<typeof blindRequest>>[] = [];
  const blindMs: number[] = [];
  for (const k of keys) {
    if (!k.ok) throw new Error(`issuer-key refused: ${k.error.code}`);
    const t = performance.now();
    requests.push(await blindRequest(k.publicKey));
    blindMs.push(performance.now() - t);
  }
  const cpu = cpuSeconds(pid);
  const t = performance.now();
  const redeemMs: number[] = [];
  const acks = await Promise.all(
    conns.map(async (p, i) => {
      const t1 = performance.now();
      const ack = await p.emit('redeem', { workshopId, invitation: secrets[i], blindedMessage: requests[i]!.blindedMessage });
      redeemMs.push(performance.now() - t1);
      return ack;
    }),
  );
  const wallMs = performance.now() - t;
  const serverCpuS = cpuSeconds(pid) - cpu;
  const finishMs: number[] = [];
  for (const [i, ack] of acks.entries()) {
    if (!ack.ok) throw new Error(`redeem refused: ${ack.error.code}`);
    const t1 = performance.now();
    await requests[i]!.finish(ack.blindSignature);
    finishMs.push(performance.now() - t1);
  }
  for (const p of conns) p.close();
  return {
    mode: 'all at once (redeem requests sent together; blinding and unblinding timed one by one beforehand and after)',
    tokens: acks.length,
    allRedeemedMs: Math.round(wallMs),
    steps: { blindInClient: summary(blindMs), redeemRoundTrip: summary(redeemMs), finishInClient: summary(finishMs) },
    serverCpuMsPerToken: ms((serverCpuS * 1000) / acks.length),
  };
}

/** A published workshop with `n` invitations; answers its id and the invitation secrets. */
async function publishedWorkshop(url: string, cookie: string, reviewId: string, n: number): Promise<{ id: string; secrets: string[] }> {
  const created = await api(url, 'POST', `/api/reviews/${reviewId}/workshops`, { cookie, body: { date: '2026-12-01' } });
  const id = created.body.id as string;
  await api(url, 'POST', `/api/reviews/${reviewId}/workshops/${id}/control`, { cookie, body: { action: 'publish' } });
  const secrets: string[] = [];
  // The route takes at most 100 labels a request (the lead reviewer pastes a list in batches).
  for (let from = 0; from < n; from += 100) {
    const labels = Array.from({ length: Math.min(100, n - from) }, (_, i) => `Practitioner ${from + i + 1}`);
    const res = await api(url, 'POST', `/api/reviews/${reviewId}/workshops/${id}/invitations`, { cookie, body: { labels } });
    if (res.status !== 201) throw new Error(`invitations refused: ${res.status} ${JSON.stringify(res.body)}`);
    secrets.push(...(res.body.invitations as { secret: string }[]).map((i) => i.secret));
  }
  return { id, secrets };
}

/** Summarises a batch of timed redemptions and the server CPU they cost. */
function issuance(label: string, timed: Timed[], wallMs: number, serverCpuS: number) {
  return {
    mode: label,
    tokens: timed.length,
    totalMs: Math.round(wallMs),
    perToken: summary(timed.map((t) => t.totalMs)),
    steps: {
      issuerKey: summary(timed.map((t) => t.keyMs)),
      blindInClient: summary(timed.map((t) => t.blindMs)),
      redeemRoundTrip: summary(timed.map((t) => t.redeemMs)),
      finishInClient: summary(timed.map((t) => t.finishMs)),
    },
    serverCpuMsPerToken: ms((serverCpuS * 1000) / timed.length),
  };
}

async function run(index: number, bundle: Bundle): Promise<Record<string, unknown>> {
  const loadBefore = loadavg();
  // WORKSHOP_CPU_PROF=<dir> profiles the server (node --cpu-prof); it is then stopped gracefully so the profile is written.
  const prof = process.env.WORKSHOP_CPU_PROF;
  const server = await spawnServer(tempDataDir('rr-bench-'), { LOG_LEVEL: 'silent' }, 0, {
    compiled: true,
    bundle: bundle.path,
    execArgv: prof ? ['--cpu-prof', `--cpu-prof-dir=${prof}`] : [],
  });
  running = server.child;
  const pid = server.child.pid!;
  const url = server.url;
  const fx = await createReviewWithMembers(url);
  const main = await publishedWorkshop(url, fx.lead.cookie, fx.reviewId, PARTICIPANTS);
  const crowd = await publishedWorkshop(url, fx.lead.cookie, fx.reviewId, PARTICIPANTS);

  // 1a. Token issuance, one invitation after another.
  let cpu = cpuSeconds(pid);
  let t = performance.now();
  const sequential: Timed[] = [];
  for (const secret of main.secrets) sequential.push(await timedRedeem(url, main.id, secret));
  const seqIssuance = issuance('one after another', sequential, performance.now() - t, cpuSeconds(pid) - cpu);
  process.stderr.write(`issued one after another: ${JSON.stringify(seqIssuance)}\n`);
  // 1b. All at once, on the second workshop.
  const crowdIssuance = await crowdRedeem(url, pid, crowd.id, crowd.secrets);
  process.stderr.write(`issued all at once: ${JSON.stringify(crowdIssuance)}\n`);

  // 2. Everyone joins with their token; the lead reviewer watches the coarse counts.
  t = performance.now();
  const people: Participant[] = await Promise.all(sequential.map((s) => joinWithToken(url, main.id, s.token)));
  const joinMs = performance.now() - t;
  process.stderr.write(`joined: ${Math.round(joinMs)} ms\n`);
  const staff = connect(url, { transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: { cookie: fx.lead.cookie, origin: url } });
  const watched = await staff.timeout(10_000).emitWithAck('workshop:watch', { workshopId: main.id });
  if (!watched.ok) throw new Error('watch refused');

  // 3. The load: PARTICIPANTS × EACH answers spread evenly over the window.
  const latencies: number[] = [];
  const failures: Record<string, number> = {};
  cpu = cpuSeconds(pid);
  const clientCpu = process.cpuUsage();
  const started = performance.now();
  await Promise.all(
    people.flatMap((p, i) =>
      Array.from({ length: EACH }, async (_, k) => {
        await new Promise((r) => setTimeout(r, ((k * PARTICIPANTS + i) / (PARTICIPANTS * EACH)) * WINDOW_MS));
        const t1 = performance.now();
        const ack = await p.emit('respond', { promptId: `w1-${k + 1}`, text: `Answer ${k} from participant ${i}` }).catch(() => ({ ok: false, error: { code: 'timeout' } }));
        if (ack.ok) latencies.push(performance.now() - t1);
        else failures[ack.error.code] = (failures[ack.error.code] ?? 0) + 1;
      }),
    ),
  );
  const elapsed = performance.now() - started;
  // CLOCK_MONOTONIC in µs, the clock of the server's CPU profile: marks the load phase in it.
  if (prof) process.stderr.write(`load phase µs: ${process.hrtime.bigint() / 1000n - BigInt(Math.round(elapsed * 1000))} ${process.hrtime.bigint() / 1000n}\n`);
  const loadServerCpuS = cpuSeconds(pid) - cpu;
  const c = process.cpuUsage(clientCpu);
  const lost = Object.values(failures).reduce((a, b) => a + b, 0);

  // Starting the meeting ends worksheet 1 and releases its answers to the facilitator.
  await api(url, 'POST', `/api/reviews/${fx.reviewId}/workshops/${main.id}/control`, { cookie: fx.lead.cookie, body: { action: 'start' } });
  const results = (await api(url, 'GET', `/api/reviews/${fx.reviewId}/workshops/${main.id}/responses`, { cookie: fx.lead.cookie })).body;
  const received = results.prompts.filter((p: { id: string }) => p.id.startsWith('w1-')).reduce((n: number, p: { responses: unknown[] }) => n + p.responses.length, 0);
  const peak = peakRssMiB(pid);
  staff.close();
  for (const p of people) p.close();
  if (prof) {
    const exited = new Promise((r) => server.child.once('exit', r));
    server.child.kill('SIGTERM');
    await exited;
  } else await server.kill9();
  const figures = {
    run: index + 1,
    server: bundle.name,
    loadAverageBefore: loadBefore,
    loadAverageAfter: loadavg(),
    issuance: [seqIssuance, crowdIssuance],
    joinAllMs: Math.round(joinMs),
    load: {
      submissions: PARTICIPANTS * EACH,
      elapsedMs: Math.round(elapsed),
      acknowledged: latencies.length,
      lost,
      failures,
      facilitatorReceived: received,
      ack: summary(latencies),
      serverCpuMs: Math.round(loadServerCpuS * 1000),
      serverCpuPercentOfOneCore: Math.round((loadServerCpuS * 1000 * 100) / elapsed),
      clientCpuMs: Math.round((c.user + c.system) / 1000),
    },
    serverPeakRssMiB: peak,
  };
  process.stdout.write(`${JSON.stringify(figures)}\n`);
  return figures;
}

/** The server of the run in progress, killed if the run fails. */
let running: ChildProcess | null = null;

/** A server bundle to measure. */
type Bundle = { name: string; path: string };

/**
 * WORKSHOP_BUNDLES="before=dist/before/main.js,after=dist/server/main.js" measures several bundles,
 * interleaved run by run so that the machine's load falls on each alike; by default only dist/server/main.js.
 */
function bundles(): Bundle[] {
  const spec = process.env.WORKSHOP_BUNDLES;
  if (!spec) return [{ name: 'production bundle', path: COMPILED_SERVER }];
  return spec.split(',').map((b) => {
    const [name, file] = b.split('=');
    return { name: name!, path: file! };
  });
}

async function main(): Promise<void> {
  process.setMaxListeners(0);
  const runs: Record<string, any>[] = [];
  // A run that fails (an answer not acknowledged within 10 s while joining, on a saturated machine) is recorded as such.
  for (let i = 0; i < RUNS; i++) {
    for (const b of bundles()) {
      runs.push(
        await run(i, b).catch((err: Error) => {
          if (running?.exitCode === null && running.signalCode === null) running.kill('SIGKILL');
          return { run: i + 1, server: b.name, failed: err.message, loadAverage: loadavg() };
        }),
      );
    }
  }
  const byServer = Object.fromEntries(
    bundles().map((b) => {
      const mine = runs.filter((r) => r.server === b.name && !r.failed);
      return [
        b.name,
        {
          worstAckP99ms: Math.max(...mine.map((r) => r.load.ack.p99ms)),
          lostOrMissing: mine.reduce((n, r) => n + r.load.lost + (PARTICIPANTS * EACH - r.load.facilitatorReceived), 0),
          failedRuns: runs.filter((r) => r.server === b.name && r.failed).length,
        },
      ];
    }),
  );
  const last = byServer[bundles().at(-1)!.name]!;
  writeResult('workshopLoad', {
    setup: 'server: production bundle (npm start environment) in its own process; clients: this process',
    participants: PARTICIPANTS,
    responsesEach: EACH,
    windowMs: WINDOW_MS,
    runs,
    byServer,
    target: '0 lost, ack p99 < 250 ms, facilitator receives all; token issuance recorded',
    met: last.failedRuns === 0 && last.lostOrMissing === 0 && last.worstAckP99ms < 250,
  });
}

await main();
process.exit(0);
