import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The p-th percentile (0-100) of a list of numbers, nearest-rank. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** The machine a figure was measured on, recorded beside every result. */
export function machine(): Record<string, string | number> {
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
  };
}

/** Writes bench/results/<name>.json with the date and machine, and prints it. */
export function writeResult(name: string, figures: Record<string, unknown>): void {
  const out = { bench: name, date: new Date().toISOString(), machine: machine(), ...figures };
  const dir = path.resolve(import.meta.dirname, 'results');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `${name}.json`), `${JSON.stringify(out, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
}

/** The fictional family every 5,000-row benchmark review is built around (names with an accent, an apostrophe and a common word). */
export const BENCH_FAMILY_NAMES: readonly string[] = [
  'Kerry Thornbury',
  'Maisie Thornbury',
  'Dean Walsh',
  'Lee Parrish',
  'Tyler Thornbury',
  'Ruby Parrish',
  'Janet Thornbury',
  'Graham Thornbury',
  'Sandra Walsh',
  'Amir Khan',
  'Zoë O\u2019Neill',
  'Will Hughes',
];
