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
 * The Node option that applies HEAP_GROWING_PERCENT, unless the command line already sets it. It is
 * given on the command line (`npm start`, and the launcher's relaunch in relaunch.ts) rather than with
 * `v8.setFlagsFromString` at run time, which Node documents as unsafe once the VM has started; set that
 * way, a server's SIGTERM handling was seen to fail in tests/server/relaunch.test.ts.
 */
export function heapArgs(execArgv: readonly string[]): string[] {
  if (execArgv.some((a) => a.startsWith('--heap-growing-percent') || a.startsWith('--heap_growing_percent'))) return [];
  return [`--heap-growing-percent=${HEAP_GROWING_PERCENT}`];
}
