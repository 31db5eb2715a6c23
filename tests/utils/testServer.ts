import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { loadConfig, type Config } from '../../server/config.js';
import { startServer, type RunningServer } from '../../server/app.js';
import { heapArgs } from '../../server/heapPolicy.js';

/** Credentials of the admin every test server starts with. */
export const TEST_ADMIN = { email: 'admin@test.invalid', password: 'correct horse battery staple' };

/** The audit log key every test server and test log uses (AUDIT_KEY), so tests leave no key files behind. */
export const TEST_AUDIT_KEY_HEX = 'a1'.repeat(32);

/** TEST_AUDIT_KEY_HEX as bytes, for tests that open an AuditLog directly. */
export const TEST_AUDIT_KEY = Buffer.from(TEST_AUDIT_KEY_HEX, 'hex');

/** A fresh, empty data directory under the OS temp folder. */
export function tempDataDir(prefix = 'rr-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/**
 * The prefix of every PostgreSQL schema a test server makes in this run (vite.config.ts sets
 * RR_TEST_RUN once per run); tests/utils/pgGlobalSetup.ts drops them when the run ends, and leaves
 * other runs sharing the database alone.
 */
export const testSchemaPrefix = (): string => `rr_t_${(process.env.RR_TEST_RUN ?? 'adhoc').replace(/[^a-z0-9]/g, '')}_`;

/**
 * The PostgreSQL schema of a test server, derived from its data directory: each server gets its own
 * tables, and a server restarted on the same data directory finds its data again, as on the embedded store.
 */
export function testSchema(dataDir: string): string {
  return `${testSchemaPrefix()}${createHash('sha256').update(path.resolve(dataDir)).digest('hex').slice(0, 24)}`;
}

/**
 * The environment a test server runs with: port 0, an empty store, no demo, silent logs. When the
 * suite runs against PostgreSQL (DATABASE_URL set) the server uses its own schema; a test about the
 * embedded files passes `DATABASE_URL: ''` to stay on them.
 */
export function testEnv(dataDir: string, extra: Record<string, string> = {}): Record<string, string> {
  const pg = process.env.DATABASE_URL;
  return {
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    ADMIN_EMAIL: TEST_ADMIN.email,
    ADMIN_PASSWORD: TEST_ADMIN.password,
    SEED_DEMO: 'false',
    LOG_LEVEL: 'silent',
    AUDIT_KEY: TEST_AUDIT_KEY_HEX,
    ...(pg ? { DATABASE_URL: pg, DATABASE_SCHEMA: testSchema(dataDir) } : {}),
    ...extra,
  };
}

/** Whether test servers run on PostgreSQL in this run. */
export const onPostgres = (): boolean => Boolean(process.env.DATABASE_URL);

/** Starts the real server in this process on port 0. */
export async function startTestServer(opts: { dataDir?: string; env?: Record<string, string>; config?: Partial<Config> } = {}): Promise<RunningServer & { dataDir: string }> {
  const dataDir = opts.dataDir ?? tempDataDir();
  const config = loadConfig(testEnv(dataDir, opts.env), { clientDir: null, ...opts.config });
  const server = await startServer(config);
  return Object.assign(server, { dataDir });
}

/** The production bundle `npm run build:server` writes (what `npm start` runs). */
export const COMPILED_SERVER = 'dist/server/main.js';

/**
 * The environment `npm start` gives the bundle (package.json "start"; a test keeps the two in step).
 * A fixed glibc mmap threshold stops freed large blocks (argon2's 19 MiB per password hash, multi-MB
 * Yjs frames) from being kept in malloc arenas: without it a long-running server holds ~100 MiB it no
 * longer uses (docs/performance.md, report export).
 */
export const PRODUCTION_ENV: Readonly<Record<string, string>> = { MALLOC_MMAP_THRESHOLD_: '131072' };

/** The Node options `npm start` gives the server: the heap setting (server/heapPolicy.ts). */
export const PRODUCTION_NODE_ARGS: readonly string[] = heapArgs([]);

/**
 * The real server in a child process (for kill -9 tests and benchmarks). Resolves once it prints its
 * URL. `compiled` runs the production bundle instead of the TypeScript sources under tsx, with the
 * environment `npm start` sets unless `productionEnv` is false (also for the sources, so that the server
 * does not relaunch itself and kill9 reaches the server itself, not a launcher); `bundle` names another bundle (a
 * before/after comparison), `execArgv` adds Node options (a CPU profile).
 */
export async function spawnServer(
  dataDir: string,
  env: Record<string, string> = {},
  port = 0,
  opts: { compiled?: boolean; productionEnv?: boolean; execArgv?: readonly string[]; bundle?: string } = {},
): Promise<{ child: ChildProcess; url: string; port: number; kill9(): Promise<void> }> {
  const root = path.resolve(import.meta.dirname, '../..');
  const bundle = opts.bundle ?? COMPILED_SERVER;
  if (opts.compiled && !fs.existsSync(path.resolve(root, bundle))) throw new Error(`${bundle} is missing: run npm run build:server first`);
  // The production bundle with npm start's environment also gets npm start's Node options (heapPolicy.ts).
  const nodeArgs = opts.compiled && opts.productionEnv !== false ? PRODUCTION_NODE_ARGS : [];
  const child = spawn(process.execPath, [...(opts.execArgv ?? []), ...nodeArgs, ...(opts.compiled ? [bundle] : ['--import', 'tsx', 'server/main.ts'])], {
    cwd: root,
    env: { ...process.env, ...(opts.productionEnv !== false ? PRODUCTION_ENV : {}), ...testEnv(dataDir, { ...env, PORT: String(port) }), LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 90_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /running at (http:\/\/[^\s]+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.stderr!.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited ${code}: ${out}`));
    });
  });
  return {
    child,
    url,
    port: Number(new URL(url).port),
    kill9: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      }),
  };
}
