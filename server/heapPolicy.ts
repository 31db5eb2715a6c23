import v8 from 'node:v8';

/**
 * How far V8 lets the JavaScript heap grow past what the last full collection kept, in percent. V8's
 * own default grows it up to 4× the live heap when collecting is cheap, and a server that has just
 * taken a burst of work (5,000 rows over Yjs, 60 participants redeeming tokens) then sits at that
 * size: 68 MiB live in about 280 MiB of heap, which held the report export's peak at 408 MiB
 * (docs/performance.md, report export). At 50 % the heap stays within 1.5× its live size, at the cost
 * of more frequent (incremental, mostly concurrent) full collections.
 */
export const HEAP_GROWING_PERCENT = 50;

/**
 * Applies HEAP_GROWING_PERCENT to this process. V8 reads the flag each time it sets the next
 * collection's limit, so setting it at start-up works however the server was started (`npm start`,
 * plain `node dist/server/main.js`, a service unit), with no command-line option or environment.
 * An explicit `--heap-growing-percent` on the command line wins.
 */
export function applyHeapPolicy(execArgv: readonly string[] = process.execArgv): void {
  if (execArgv.some((a) => a.startsWith('--heap-growing-percent') || a.startsWith('--heap_growing_percent'))) return;
  v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
