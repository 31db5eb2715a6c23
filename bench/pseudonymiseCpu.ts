import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { blankPerson, type Person } from '../shared/people.js';
import { writeResult, BENCH_FAMILY_NAMES } from './benchUtils.js';

/**
 * The pseudonymisation pipeline alone, in CPU time rather than wall time (so a machine shared with
 * other work skews it less): the 5,000 chronology rows of bench/pseudonymisedExport.ts, each key event
 * and comment pseudonymised, analysed again for the redaction gate, and the output leak-checked. The
 * old pipeline (BENCH_BASELINE_REV's shared/, unpacked by git archive into dist/) and the new one run
 * in this one process, alternately, three times each.
 */

const BASELINE_REV = process.env.BENCH_BASELINE_REV ?? 'd402b9c';
const ROOT = path.resolve(import.meta.dirname, '..');
const ROWS = 5000;
const NAMES = BENCH_FAMILY_NAMES;

type Api = {
  createPipeline(people: readonly Person[], child: string, opts: Record<string, unknown>): { text(s: string): string; analyse(s: string): unknown };
  findLeaks(parts: { place: string; text: string }[], people: readonly Person[], opts: Record<string, unknown>): unknown[];
};

/** The same key events as the end-to-end bench. */
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

const people: Person[] = NAMES.map((name, i) => ({
  ...blankPerson(`p${i}`),
  name,
  relationship: i === 1 ? 'Subject child' : 'Other Adult',
  isSubject: i === 1,
  reportLabel: i === 1 ? 'Child T' : `Adult ${i}`,
  dateOfBirth: i === 1 ? '2011-06-14' : `${1975 + i}-0${1 + (i % 9)}-1${i % 9}`,
  addresses: i < 3 ? ['12 Acacia Road, Leeds LS6 2QX'] : [`${i + 20} Laburnum Close, Bradford BD${i} 4AB`],
  nhsNumber: i === 1 ? '9434765919' : '',
}));
const texts = Array.from({ length: ROWS }, (_, i) => [
  keyEvent(i),
  i % 7 === 0 ? 'Analysis to follow; see the strategy discussion of the previous week.' : 'Analysis to follow.',
]).flat();

/** CPU milliseconds (user + system) of this process spent in `fn`, and the wall time. */
function cpu(fn: () => void): { cpuMs: number; wallMs: number } {
  const c = process.cpuUsage();
  const t = performance.now();
  fn();
  const d = process.cpuUsage(c);
  return { cpuMs: Math.round((d.user + d.system) / 1000), wallMs: Math.round(performance.now() - t) };
}

/** One pass: a fresh pipeline pseudonymises every text, the gate analyses them again, the leak check reads the output. */
function pass(api: Api): { pseudonymise: { cpuMs: number; wallMs: number }; gate: { cpuMs: number; wallMs: number }; leakCheck: { cpuMs: number; wallMs: number } } {
  const opts = { agencyCodes: ['CSC', 'GP'], agencyNames: ['Leeds Children\u2019s Social Care'], agesOn: '2024-01-01' };
  const pipe = api.createPipeline(people, 'Child T', opts);
  let out: string[] = [];
  const pseudonymise = cpu(() => {
    out = texts.map((t) => pipe.text(t));
  });
  const gate = cpu(() => {
    for (const t of texts) pipe.analyse(t);
  });
  const leakCheck = cpu(() => {
    api.findLeaks(
      out.map((text, i) => ({ place: `row ${i}`, text })),
      people,
      { agencyCodes: opts.agencyCodes },
    );
  });
  return { pseudonymise, gate, leakCheck };
}

async function main(): Promise<void> {
  const dir = path.join(ROOT, 'dist/bench-baseline-src');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  execFileSync('sh', ['-c', `git archive ${BASELINE_REV} shared | tar -x -C ${dir}`], { cwd: ROOT });
  const before = (await import(path.join(dir, 'shared/pseudonymise/index.ts'))) as Api;
  const after = (await import('../shared/pseudonymise/index.js')) as unknown as Api;
  const runs: { before: ReturnType<typeof pass>; after: ReturnType<typeof pass> }[] = [];
  for (let i = 0; i < 3; i++) {
    runs.push({ before: pass(before), after: pass(after) });
    process.stdout.write(`${JSON.stringify(runs[runs.length - 1])}\n`);
  }
  const total = (r: ReturnType<typeof pass>) => r.pseudonymise.cpuMs + r.gate.cpuMs + r.leakCheck.cpuMs;
  writeResult('pseudonymiseCpu', {
    texts: texts.length,
    baselineRev: BASELINE_REV,
    runs,
    bestTotalCpuMs: { before: Math.min(...runs.map((r) => total(r.before))), after: Math.min(...runs.map((r) => total(r.after))) },
    loadAverage: (await import('node:os')).loadavg().map((l) => Math.round(l * 100) / 100),
  });
}

await main();
process.exit(0);
