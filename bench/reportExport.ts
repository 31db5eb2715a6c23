import * as Y from 'yjs';
import fs from 'node:fs';
import type { ChildProcess } from 'node:child_process';
import { spawnServer, tempDataDir } from '../tests/utils/testServer.js';
import { api } from '../tests/utils/api.js';
import { createReviewWithMembers } from '../tests/utils/factories.js';
import { writeReportDraft } from '../tests/utils/reportDraft.js';
import { openDoc, synced, until } from '../tests/utils/yjsClient.js';
import { invitedParticipants } from '../tests/utils/participant.js';
import { blankPerson } from '../shared/people.js';
import { writePerson } from '../shared/peopleDoc.js';
import { blankTeamFields, writeEntries, writeTeamFields, type ChronologyEntry } from '../shared/chronology/index.js';
import { writeResult, BENCH_FAMILY_NAMES } from './benchUtils.js';

/**
 * Report export at scale: a review with 5,000 chronology rows (250 marked as key practice learning
 * events), a register of 12 people and 300 workshop responses, exported as .docx with the full leak
 * check. Target: < 3 s and < 300 MB.
 *
 * The review is seeded once; then each scenario starts a fresh server process on that data and exports
 * three times, side by side in one run:
 *  - production bundle (`npm start`: node dist/server/main.js), cold: nobody has the docs open, so the
 *    export loads them;
 *  - production bundle, warm: an editor holds the register, chronology and team docs open, as in a
 *    live review (the docs stay loaded for the whole run);
 *  - production bundle, long-running: the very process that received the 5,000 rows over Yjs and the
 *    300 responses over Socket.IO, with those clients still connected (peak reset just before);
 *  - for comparison: TypeScript sources under tsx (`npm run dev`), warm; and a second long-running
 *    process seeded the same way without the glibc setting `npm start` adds (PRODUCTION_ENV).
 * Peak RSS is the kernel's high-water mark (VmHWM) of the server process: over its whole life for the
 * fresh processes, so it includes loading the docs; the seeding clients are separate processes.
 */

/** A field of /proc/<pid>/status in KiB. */
const procKiB = (pid: number, field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
const MiB = (kib: number) => Math.round(kib / 1024);
/** The pids of a process's children (the server, when the bundle relaunched itself). */
const childrenOf = (pid: number): number[] => fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);

type Fixture = Awaited<ReturnType<typeof createReviewWithMembers>>;

/** Seeds the review through real clients and returns its fixture; the server is stopped gracefully. */
async function seed(dataDir: string, productionEnv: boolean, opts: { bundle?: string; name?: string } = {}): Promise<{ fx: Fixture; longRunning: Record<string, unknown> }> {
  process.setMaxListeners(50);
  const server = await spawnServer(dataDir, { LOG_LEVEL: 'silent' }, 0, { compiled: true, productionEnv, bundle: opts.bundle });
  const fx = await createReviewWithMembers(server.url);
  const reg = openDoc(server.url, `review.${fx.reviewId}.people`, fx.lead.cookie);
  const chron = openDoc(server.url, `review.${fx.reviewId}.chronology.${fx.agencies[0]!.id}`, fx.lead.cookie);
  const team = openDoc(server.url, `review.${fx.reviewId}.chronology-team`, fx.lead.cookie);
  await Promise.all([synced(reg), synced(chron), synced(team)]);
  const names = BENCH_FAMILY_NAMES;
  names.forEach((name, i) => {
    writePerson(reg.doc, {
      ...blankPerson(`p${i}`),
      name,
      relationship: i === 1 ? 'Subject child' : 'Other Adult',
      isSubject: i === 1,
      reportLabel: i === 1 ? 'Child T' : `Adult ${i}`,
    });
  });
  const entries: ChronologyEntry[] = [];
  for (let i = 0; i < 5000; i++) {
    const d = new Date(Date.UTC(2012, 0, 1) + i * 86_400_000);
    entries.push({
      id: `bench${String(i).padStart(14, '0')}`,
      agencyId: fx.agencies[0]!.id,
      date: { precision: 'day', year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), uncertainty: 'none' },
      time: null,
      sequence: 0,
      source: 'Case notes',
      childContact: 'seen',
      childContactBy: 'Social worker',
      familyContactIds: ['p0'],
      familyContactBy: 'Social worker',
      keyEvent: `${names[i % names.length]} was visited at home (visit ${i}); ${names[(i + 3) % names.length]} was present.`,
      comment: 'Analysis to follow.',
      category: 'assessment',
    });
  }
  writeEntries(chron.doc, fx.agencies[0]!.id, entries);
  team.doc.transact(() => {
    for (let i = 0; i < 5000; i += 20) writeTeamFields(team.doc, entries[i]!.id, { ...blankTeamFields(), keyLearning: true });
  });
  const check = openDoc(server.url, `review.${fx.reviewId}.chronology.${fx.agencies[0]!.id}`, fx.team.cookie);
  await until(() => (check.doc.getMap('entries') as Y.Map<unknown>).size === 5000, 'rows synced', 60_000);

  const created = await api(server.url, 'POST', `/api/reviews/${fx.reviewId}/workshops`, { cookie: fx.lead.cookie, body: { date: '2026-12-01' } });
  await api(server.url, 'POST', `/api/reviews/${fx.reviewId}/workshops/${created.body.id}/control`, { cookie: fx.lead.cookie, body: { action: 'publish' } });
  const people = await invitedParticipants(server.url, fx.lead.cookie, fx.reviewId, created.body.id, 60);
  await Promise.all(
    people.flatMap((p, i) =>
      [1, 2, 3, 4, 5].map((q) => p.emit('respond', { promptId: `w1-${q}`, text: `Reflection ${q} from ${i}: ${names[i % names.length]} was hard to reach.` })),
    ),
  );
  // Starting the meeting releases worksheet 1, so the report quotes it.
  await api(server.url, 'POST', `/api/reviews/${fx.reviewId}/workshops/${created.body.id}/control`, { cookie: fx.lead.cookie, body: { action: 'start' } });
  const draft = (await api(server.url, 'GET', `/api/reviews/${fx.reviewId}/report/draft`, { cookie: fx.lead.cookie })).body.draft;
  // The draft is written through its shared document, as the report builder does.
  await writeReportDraft(server.url, fx.reviewId, fx.lead.cookie, {
    ...draft,
    themes: [
      {
        id: 'reach',
        title: 'Hard to reach or hard to hear',
        analysis: 'Why?',
        entryIds: entries.slice(0, 50).map((e) => e.id),
        promptIds: ['w1-1', 'w1-2', 'w1-3', 'w1-4', 'w1-5'],
      },
    ],
  });

  const name =
    opts.name ??
    (productionEnv
      ? 'production bundle, long-running (the process that took the 5,000 rows and 300 responses; peak reset before exporting)'
      : 'plain node dist/server/main.js without MALLOC_MMAP_THRESHOLD_ (it relaunches itself with it), long-running');
  // Started without the setting, the launcher runs the server as its child: measure the server, and report the launcher beside it.
  const [relaunched] = childrenOf(server.child.pid!);
  const longRunning = {
    ...(await exportThrice(server.url, relaunched ?? server.child.pid!, fx, name, true)),
    ...(relaunched ? { launcherRssMiB: MiB(procKiB(server.child.pid!, 'VmRSS')) } : {}),
  };
  for (const p of people) p.close();
  for (const c of [reg, chron, team, check]) c.destroy();
  await stop(server.child);
  return { fx, longRunning };
}

/** Exports three times and reports times and the server's RSS; `resetPeak` measures from now on only. */
async function exportThrice(url: string, pid: number, fx: Fixture, name: string, resetPeak: boolean): Promise<Record<string, unknown>> {
  const rssReady = procKiB(pid, 'VmRSS');
  // Writing 5 to clear_refs resets the kernel's peak-RSS counter (VmHWM) for this process.
  if (resetPeak) fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
  const times: number[] = [];
  let bytes = 0;
  for (let run = 0; run < 3; run++) {
    const t = performance.now();
    const res = await fetch(`${url}/api/reviews/${fx.reviewId}/export/report.docx`, { headers: { cookie: fx.lead.cookie } });
    const body = new Uint8Array(await res.arrayBuffer());
    if (res.status !== 200) throw new Error(`export failed ${res.status} ${new TextDecoder().decode(body).slice(0, 300)}`);
    times.push(performance.now() - t);
    bytes = body.length;
  }
  const figures = { scenario: name, exportMs: times.map((t) => Math.round(t)), docxBytes: bytes, rssReadyMiB: MiB(rssReady), peakRssMiB: MiB(procKiB(pid, 'VmHWM')) };
  process.stdout.write(`${JSON.stringify(figures)}\n`);
  return figures;
}

/** Stops a server with SIGTERM (it flushes its stores) and waits for it to exit. */
async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** Starts a server on the seeded data, optionally opens the docs as an editor, and exports three times. */
async function scenario(dataDir: string, fx: Fixture, name: string, opts: { compiled: boolean; warm: boolean }): Promise<Record<string, unknown>> {
  const server = await spawnServer(dataDir, { LOG_LEVEL: 'silent', DOC_IDLE_UNLOAD_MS: '30000' }, 0, { compiled: opts.compiled });
  const pid = server.child.pid!;
  await new Promise((r) => setTimeout(r, 1000));
  const rssIdle = procKiB(pid, 'VmRSS');
  const open = opts.warm ? ['people', `chronology.${fx.agencies[0]!.id}`, 'chronology-team'].map((d) => openDoc(server.url, `review.${fx.reviewId}.${d}`, fx.lead.cookie)) : [];
  await Promise.all(open.map(synced));
  const figures = { ...(await exportThrice(server.url, pid, fx, name, false)), rssIdleMiB: MiB(rssIdle) };
  for (const c of open) c.destroy();
  await server.kill9();
  return figures;
}

async function main(): Promise<void> {
  // REPORT_EXPORT_ONLY=allocator runs only the two scenarios started without the allocator setting.
  const onlyAllocator = process.env.REPORT_EXPORT_ONLY === 'allocator';
  const dataDir = tempDataDir('rr-bench-');
  const { fx, longRunning } = onlyAllocator ? { fx: null, longRunning: null } : await seed(dataDir, true);
  const { longRunning: withoutMallocSetting } = await seed(tempDataDir('rr-bench-'), false);
  // The bundle of an earlier commit, built into dist/before by hand (REPORT_EXPORT_BEFORE names it), for comparison.
  const before = fs.existsSync('dist/before/main.js')
    ? (
        await seed(tempDataDir('rr-bench-'), false, {
          bundle: 'dist/before/main.js',
          name: `before: the same started without the setting, ${process.env.REPORT_EXPORT_BEFORE ?? 'the bundle in dist/before'}`,
        })
      ).longRunning
    : null;
  const scenarios = onlyAllocator
    ? [withoutMallocSetting, ...(before ? [before] : [])]
    : [
        await scenario(dataDir, fx!, 'production bundle, cold (export loads the docs)', { compiled: true, warm: false }),
        await scenario(dataDir, fx!, 'production bundle, warm (docs open in an editor)', { compiled: true, warm: true }),
        longRunning!,
        await scenario(dataDir, fx!, 'tsx sources, warm (npm run dev)', { compiled: false, warm: true }),
        withoutMallocSetting,
        ...(before ? [before] : []),
      ];
  const production = onlyAllocator ? [withoutMallocSetting] : [...scenarios.slice(0, 3), withoutMallocSetting];
  const worstMs = Math.max(...production.flatMap((s) => s.exportMs as number[]));
  const worstPeak = Math.max(...production.map((s) => s.peakRssMiB as number));
  writeResult(onlyAllocator ? 'reportExportAllocator' : 'reportExport', {
    rows: 5000,
    keyLearningRows: 250,
    workshopResponses: 300,
    scenarios,
    target: '< 3000 ms and < 300 MB (production bundle, however started)',
    worstExportMs: worstMs,
    worstPeakRssMiB: worstPeak,
    met: worstMs < 3000 && worstPeak * 2 ** 20 < 300 * 10 ** 6,
  });
}

await main();
process.exit(0);
