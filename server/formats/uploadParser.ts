import fs from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ImportCell } from '../../shared/chronology/index.js';
import { HttpError } from '../http/errors.js';
import { FormatError, type FormatErrorCode } from './FormatError.js';
import { MAX_PARSE_MS } from './limits.js';

/** Uploads parsed at once; the machine may have two cores, and one must stay free for requests. */
export const MAX_CONCURRENT_PARSES = 2;

/** Uploads that may wait for a parser; more are refused with 503 rather than queued without bound. */
export const MAX_QUEUED_PARSES = 8;

/**
 * Heap one parse may use (MiB). The readers' caps keep a real file far below this; the limit ends a
 * parse whose memory use the caps did not foresee, without touching the server's own heap.
 */
export const MAX_PARSE_HEAP_MB = 192;

/** Extra time over the readers' own time cap before the worker is terminated outright. */
const TERMINATE_GRACE_MS = 2_000;

/**
 * The worker script: next to this module when bundled (dist/server/uploadWorker.js, see
 * package.json build:server), else the TypeScript source under tsx (development and tests).
 */
function workerScript(): { script: URL | string; eval: boolean } {
  const js = new URL('./uploadWorker.js', import.meta.url);
  if (fs.existsSync(fileURLToPath(js))) return { script: js, eval: false };
  // `--import tsx` in a worker's execArgv registers too late for its entry module, so a small
  // bootstrap registers tsx first and then imports the TypeScript entry.
  const cjs = createRequire(import.meta.url).resolve('tsx/esm/api');
  const tsx = pathToFileURL(cjs.replace(/\.cjs$/, '.mjs')).href;
  const entry = new URL('./uploadWorker.ts', import.meta.url).href;
  return { script: `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); })`, eval: true };
}

type Reply =
  | { ok: true; rows: ImportCell[][] }
  | { ok: false; kind: 'format'; code: FormatErrorCode; message: string }
  | { ok: false; kind: 'http'; status: number; code: string; message: string }
  | { ok: false; kind: 'internal' };

let running = 0;
const waiting: (() => void)[] = [];

/** Waits for a parser slot, or refuses at once when the queue is full. */
async function acquire(): Promise<void> {
  if (running < MAX_CONCURRENT_PARSES) {
    running++;
    return;
  }
  if (waiting.length >= MAX_QUEUED_PARSES) {
    throw new HttpError(503, 'busy', 'The server is reading other uploads. Try again in a minute.');
  }
  await new Promise<void>((resolve) => waiting.push(resolve));
}

/** Frees a slot, handing it straight to the next waiting upload. */
function release(): void {
  const next = waiting.shift();
  if (next) next();
  else running--;
}

/** Runs one parse in a fresh worker with a heap limit and a deadline; a fresh worker leaves nothing behind. */
function runWorker(bytes: Uint8Array, filename: string): Promise<ImportCell[][]> {
  const { script, eval: isEval } = workerScript();
  return new Promise((resolve, reject) => {
    const worker = new Worker(script, {
      eval: isEval,
      workerData: { bytes, filename },
      resourceLimits: { maxOldGenerationSizeMb: MAX_PARSE_HEAP_MB, maxYoungGenerationSizeMb: 32 },
    });
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      fn();
    };
    // The readers stop themselves at MAX_PARSE_MS; this catches anything that does not (a start-up
    // stall, a single huge inflate) without waiting for it.
    const timer = setTimeout(
      () => settle(() => reject(new FormatError('too_slow_to_read', 'The file takes too long to read, so it was refused.'))),
      MAX_PARSE_MS + TERMINATE_GRACE_MS,
    );
    worker.once('message', (reply: Reply) =>
      settle(() => {
        if (reply.ok) resolve(reply.rows);
        else if (reply.kind === 'format') reject(new FormatError(reply.code, reply.message));
        else if (reply.kind === 'http') reject(new HttpError(reply.status, reply.code, reply.message));
        else reject(new Error('upload parse failed'));
      }),
    );
    worker.once('error', (err) =>
      settle(() => {
        const oom = (err as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY';
        reject(oom ? new FormatError('too_complex', 'The file needs more memory to read than an upload may use, so it was refused.') : err);
      }),
    );
    worker.once('exit', () => settle(() => reject(new Error('upload parser exited'))));
  });
}

/**
 * Reads an uploaded .xlsx or .csv into import cells off the event loop: at most MAX_CONCURRENT_PARSES
 * at a time, each in its own worker thread, so one upload cannot stall other users' requests.
 */
export async function parseUpload(bytes: Uint8Array, filename: string): Promise<ImportCell[][]> {
  await acquire();
  try {
    return await runWorker(bytes, filename);
  } finally {
    release();
  }
}
