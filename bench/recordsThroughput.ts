import os from 'node:os';
import { spawnServer, tempDataDir, TEST_ADMIN } from '../tests/utils/testServer.js';
import { api, login } from '../tests/utils/api.js';
import { writeResult } from './benchUtils.js';

/**
 * Records throughput through the REST API on both backends (issue 11): sign-ins per second
 * (`POST /api/auth/login`, an argon2id check and a session row each) and record saves per second
 * (`POST /api/reviews`: a review and its lead's membership in one commit with their audit events), one
 * client at a time and RECORDS_CONCURRENCY at once, on a nearly empty store and again after
 * RECORDS_PRELOAD more reviews. The server is the production bundle in its own process
 * (`npm run build:server` first); PostgreSQL is BENCH_DATABASE_URL with a fresh schema.
 */
const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const CONCURRENCY = Number(process.env.RECORDS_CONCURRENCY ?? 8);
const SIGNINS = Number(process.env.RECORDS_SIGNINS ?? 24);
const SAVES = Number(process.env.RECORDS_SAVES ?? 200);
const PRELOAD = Number(process.env.RECORDS_PRELOAD ?? 2000);

/** Runs `total` calls of `fn`, `concurrency` at a time; answers calls per second. */
async function rate(total: number, concurrency: number, fn: (i: number) => Promise<void>): Promise<number> {
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) await fn(next++);
    }),
  );
  return +(total / ((performance.now() - start) / 1000)).toFixed(1);
}

async function measure(backend: 'embedded' | 'postgres'): Promise<Record<string, unknown>> {
  const env: Record<string, string> = backend === 'postgres' ? { DATABASE_URL: PG_URL, DATABASE_SCHEMA: `rr_bench_rec_${Date.now().toString(36)}` } : { DATABASE_URL: '' };
  const node = await spawnServer(tempDataDir('rr-bench-records-'), { ...env, LOG_LEVEL: 'silent' }, 0, { compiled: true });
  try {
    const signIn = async () => {
      const r = await api(node.url, 'POST', '/api/auth/login', { body: { email: TEST_ADMIN.email, password: TEST_ADMIN.password } });
      if (r.status !== 200) throw new Error(`sign-in ${r.status}`);
    };
    const cookie = await login(node.url, TEST_ADMIN.email, TEST_ADMIN.password);
    const save = async (i: number) => {
      const r = await api(node.url, 'POST', '/api/reviews', { cookie, body: { title: `Bench review ${i}`, kind: 'lcspr', childPseudonym: `Child ${i}` } });
      if (r.status !== 201) throw new Error(`save ${r.status}`);
    };
    let made = 0;
    const saves = async (label: string) => ({
      [`${label}OneAtATime`]: await rate(SAVES, 1, () => save(made++)),
      [`${label}Concurrent`]: await rate(SAVES, CONCURRENCY, () => save(made++)),
    });
    const out: Record<string, unknown> = {
      signInsPerSecondOneAtATime: await rate(SIGNINS, 1, signIn),
      signInsPerSecondConcurrent: await rate(SIGNINS, CONCURRENCY, signIn),
      ...(await saves('savesPerSecondSmallStore')),
    };
    await rate(PRELOAD, CONCURRENCY, () => save(made++));
    Object.assign(out, await saves('savesPerSecondLargeStore'), { reviewsAtEnd: made });
    process.stdout.write(`${backend}: ${JSON.stringify(out)}\n`);
    return out;
  } finally {
    await node.kill9();
  }
}

async function main(): Promise<void> {
  const load = os.loadavg();
  const embedded = await measure('embedded');
  const postgres = await measure('postgres');
  writeResult('recordsThroughput', {
    note: 'server in its own process (production bundle); the machine is shared with other work, see loadAverage',
    loadAverage: { atStart: load.map((x) => +x.toFixed(2)), atEnd: os.loadavg().map((x) => +x.toFixed(2)) },
    concurrency: CONCURRENCY,
    signIns: SIGNINS,
    savesPerMeasurement: SAVES,
    preload: PRELOAD,
    embedded,
    postgres,
  });
}

await main();
process.exit(0);
