import * as Y from 'yjs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import http from 'node:http';
import { spawnServer, tempDataDir } from '../tests/utils/testServer.js';
import { api } from '../tests/utils/api.js';
import { createReviewWithMembers } from '../tests/utils/factories.js';
import { writeReportDraft } from '../tests/utils/reportDraft.js';
import { openDoc, synced, until } from '../tests/utils/yjsClient.js';
import { blankPerson } from '../shared/people.js';
import { writePerson } from '../shared/peopleDoc.js';
import { blankTeamFields, writeEntries, writeTeamFields, type ChronologyEntry } from '../shared/chronology/index.js';
import { writeResult, BENCH_FAMILY_NAMES } from './benchUtils.js';

/**
 * Pseudonymised exports at scale (issue 14, benchmark item 9): a review with 5,000 chronology rows
 * (250 key practice learning events) whose register holds every identifier family (names with
 * accents and apostrophes, dates of birth, addresses, NHS numbers), and rows that write them the way
 * case notes do (phone numbers, dates in words, loose addresses, handles). Measured end to end over
 * HTTP against the production bundle in its own process:
 *  - the report as .docx: assemble, pseudonymise, redaction gate, render, leak check on the bytes;
 *  - the pseudonymised chronology as .xlsx and .csv: pseudonymise every cell, write, read back, leak check.
 * Before and after side by side in one run: the bench builds the production bundle of the commit before
 * the speed-up (BENCH_BASELINE_REV) into dist/bench-baseline and runs it on the very same data.
 * Target: the report under 3 s.
 */

/** The commit before the pseudonymisation speed-up (the "before" column). */
const BASELINE_REV = process.env.BENCH_BASELINE_REV ?? 'd402b9c';
const ROOT = path.resolve(import.meta.dirname, '..');
const BASELINE_BUNDLE = 'dist/bench-baseline/main.js';
const ROWS = 5000;
/** Runs of each export per server process: the report three times, each chronology export once (5,000 rows each). */
const RUNS = { report: 3, chronology: 1 };

/** Builds the production bundle of BASELINE_REV from its sources (git archive), beside the current one. */
function buildBaseline(): void {
  const src = fs.mkdtempSync(path.join(os.tmpdir(), 'rr-baseline-'));
  execFileSync('sh', ['-c', `git archive ${BASELINE_REV} server shared | tar -x -C ${src}`], { cwd: ROOT });
  execFileSync(
    path.join(ROOT, 'node_modules/.bin/esbuild'),
    [
      `${src}/server/main.ts`,
      `${src}/server/formats/uploadWorker.ts`,
      '--bundle',
      '--platform=node',
      '--format=esm',
      '--packages=external',
      '--target=node20',
      `--outdir=${path.join(ROOT, 'dist/bench-baseline')}`,
      '--entry-names=[name]',
      '--log-level=warning',
    ],
    { cwd: ROOT },
  );
  fs.rmSync(src, { recursive: true, force: true });
}

type Fixture = Awaited<ReturnType<typeof createReviewWithMembers>>;

const NAMES = BENCH_FAMILY_NAMES;

/** What a row says: the family by name in every form the issue lists, and identifiers in one row of ten. */
function keyEvent(i: number): string {
  const a = NAMES[i % NAMES.length]!;
  const b = NAMES[(i + 3) % NAMES.length]!;
  const extras = [
    `${a.split(' ')[0]!.toLowerCase()} rang from 07700 900${String(i % 1000).padStart(3, '0')}.`,
    `Mother gave Maisie's date of birth as 14th of June 2011 at 12 Acacia Rd.`,
    `Messages from @${a.split(' ')[0]!.toLowerCase()}_${i % 100} were seen; ZOE ONEILL was copied in.`,
    `NHS number 943 476 5919 checked; postcode ls6 2qx confirmed.`,
  ];
  const extra = i % 10 === 0 ? ` ${extras[(i / 10) % extras.length]}` : '';
  return `${a} was visited at home (visit ${i}); ${b} was present and said the week had been calm.${extra}`;
}

/** Seeds the review through real clients (production bundle), then stops that server. */
async function seed(dataDir: string): Promise<Fixture> {
  process.setMaxListeners(50);
  const server = await spawnServer(dataDir, { LOG_LEVEL: 'silent' }, 0, { compiled: true });
  const fx = await createReviewWithMembers(server.url);
  const reg = openDoc(server.url, `review.${fx.reviewId}.people`, fx.lead.cookie);
  const chron = openDoc(server.url, `review.${fx.reviewId}.chronology.${fx.agencies[0]!.id}`, fx.lead.cookie);
  const team = openDoc(server.url, `review.${fx.reviewId}.chronology-team`, fx.lead.cookie);
  await Promise.all([synced(reg), synced(chron), synced(team)]);
  NAMES.forEach((name, i) => {
    writePerson(reg.doc, {
      ...blankPerson(`p${i}`),
      name,
      relationship: i === 1 ? 'Subject child' : 'Other Adult',
      isSubject: i === 1,
      reportLabel: i === 1 ? 'Child T' : `Adult ${i}`,
      dateOfBirth: i === 1 ? '2011-06-14' : `${1975 + i}-0${1 + (i % 9)}-1${i % 9}`,
      addresses: i < 3 ? ['12 Acacia Road, Leeds LS6 2QX'] : [`${i + 20} Laburnum Close, Bradford BD${i} 4AB`],
      nhsNumber: i === 1 ? '9434765919' : '',
    });
  });
  const entries: ChronologyEntry[] = [];
  for (let i = 0; i < ROWS; i++) {
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
      keyEvent: keyEvent(i),
      comment: i % 7 === 0 ? 'Analysis to follow; see the strategy discussion of the previous week.' : 'Analysis to follow.',
      category: 'assessment',
    });
  }
  writeEntries(chron.doc, fx.agencies[0]!.id, entries);
  team.doc.transact(() => {
    for (let i = 0; i < ROWS; i += 20) writeTeamFields(team.doc, entries[i]!.id, { ...blankTeamFields(), keyLearning: true });
  });
  const check = openDoc(server.url, `review.${fx.reviewId}.chronology.${fx.agencies[0]!.id}`, fx.team.cookie);
  await until(() => (check.doc.getMap('entries') as Y.Map<unknown>).size === ROWS, 'rows synced', 120_000);
  const draft = (await api(server.url, 'GET', `/api/reviews/${fx.reviewId}/report/draft`, { cookie: fx.lead.cookie })).body.draft;
  // The draft is written through its shared document, as the report builder does.
  await writeReportDraft(server.url, fx.reviewId, fx.lead.cookie, {
    ...draft,
    themes: [
      {
        id: 'reach',
        title: 'Hard to reach or hard to hear',
        analysis: 'Kerry Thornbury and Dean Walsh were seen often; Maisie was rarely seen alone.',
        entryIds: entries.slice(0, 50).map((e) => e.id),
        promptIds: [],
      },
    ],
  });
  for (const c of [reg, chron, team, check]) c.destroy();
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.kill('SIGTERM');
  await exited;
  return fx;
}

/**
 * Downloads one export RUNS times: the times (ms) of those that succeeded, the size, and any refusal
 * (status and error code; the .xlsx read-back for the leak check has its own time limit).
 */
async function timed(url: string, cookie: string, route: string, runs: number): Promise<{ ms: number[]; bytes: number; refused: string[] }> {
  const ms: number[] = [];
  const refused: string[] = [];
  let bytes = 0;
  for (let run = 0; run < runs; run++) {
    const t = performance.now();
    const res = await get(`${url}${route}`, cookie);
    const took = Math.round(performance.now() - t);
    if (res.status !== 200) {
      const code = /"code":"([^"]+)"/.exec(res.body.toString('utf8'))?.[1] ?? '';
      refused.push(`${res.status} ${code} after ${took} ms`);
      continue;
    }
    ms.push(took);
    bytes = res.body.length;
  }
  return { ms, bytes, refused };
}

/** A GET without a client-side time limit (fetch gives up on headers after 300 s; the old build can take longer on a busy machine). */
function get(url: string, cookie: string): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers: { cookie }, timeout: 0 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

/** A fresh server process of one bundle on the seeded data: every export, RUNS times each. */
async function measure(dataDir: string, fx: Fixture, label: string, bundle: string): Promise<Record<string, unknown>> {
  const server = await spawnServer(dataDir, { LOG_LEVEL: 'silent' }, 0, { compiled: true, bundle });
  const base = `/api/reviews/${fx.reviewId}`;
  const out = {
    build: label,
    reportDocx: await timed(server.url, fx.lead.cookie, `${base}/export/report.docx`, RUNS.report),
    chronologyXlsx: await timed(server.url, fx.lead.cookie, `${base}/chronology/export.xlsx?pseudonymise=true`, RUNS.chronology),
    chronologyCsv: await timed(server.url, fx.lead.cookie, `${base}/chronology/export.csv?pseudonymise=true`, RUNS.chronology),
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
  await server.kill9();
  return out;
}

async function main(): Promise<void> {
  buildBaseline();
  const loadBefore = os.loadavg().map((l) => Math.round(l * 100) / 100);
  const dataDir = tempDataDir('rr-bench-');
  const fx = await seed(dataDir);
  // The new build first, then the old one, each in a fresh process on the same data. The result file is
  // rewritten after each, so a run cut short still records what it measured.
  const before: Record<string, unknown>[] = [];
  const after: Record<string, unknown>[] = [];
  const save = () => {
    const times = (list: Record<string, unknown>[], key: string) => list.flatMap((s) => (s[key] as { ms: number[] }).ms);
    const refusals = (list: Record<string, unknown>[], key: string) => list.flatMap((s) => (s[key] as { refused: string[] }).refused).length;
    const range = (xs: number[]) => (xs.length ? { bestMs: Math.min(...xs), worstMs: Math.max(...xs) } : { bestMs: null, worstMs: null });
    const summary = Object.fromEntries(
      ['reportDocx', 'chronologyXlsx', 'chronologyCsv'].map((k) => [
        k,
        {
          before: { ...range(times(before, k)), refused: refusals(before, k) },
          after: { ...range(times(after, k)), refused: refusals(after, k) },
        },
      ]),
    );
    const report = times(after, 'reportDocx');
    writeResult('pseudonymisedExport', {
      rows: ROWS,
      keyLearningRows: ROWS / 20,
      registerPeople: NAMES.length,
      baselineRev: BASELINE_REV,
      loadAverageAtStart: loadBefore,
      loadAverageNow: os.loadavg().map((l) => Math.round(l * 100) / 100),
      complete: before.length > 0 && after.length > 0,
      measured: { before, after },
      summary,
      target: 'report .docx (pseudonymise + leak check + export) < 3000 ms, production bundle',
      met: report.length > 0 && Math.max(...report) < 3000 && refusals(after, 'reportDocx') === 0,
    });
  };
  after.push(await measure(dataDir, fx, 'after (this branch)', 'dist/server/main.js'));
  save();
  before.push(await measure(dataDir, fx, `before (${BASELINE_REV})`, BASELINE_BUNDLE));
  save();
}

await main();
process.exit(0);
