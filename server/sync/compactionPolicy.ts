/** Compact a live doc once its log holds this many records; bounds how many updates a load replays. */
export const COMPACT_AFTER_RECORDS = 500;

/** Compact a live doc once its log holds this many bytes; bounds load time for docs edited in large pieces. */
export const COMPACT_AFTER_BYTES = 1024 * 1024;

/**
 * A compaction rewrites the whole doc, so it must pay for itself: it runs only once the log is at least
 * this fraction of the snapshot. Each compaction then writes at most 1/fraction = 4 snapshot bytes per
 * byte of edits it folds in, so a small edit on a large doc stays O(edit) bytes amortised, instead of a
 * 2.5 MB snapshot every 500 edits (5 KB per edit).
 */
export const COMPACT_MIN_LOG_FRACTION = 0.25;

/** What the room knows about a doc's storage since its last snapshot. */
export type LogState = { records: number; logBytes: number; snapshotBytes: number };

/**
 * Whether to replace the doc's log with a snapshot now. While the doc is live: when the log is long
 * (records or bytes) and the rewrite pays for itself. On unload: whenever the rewrite pays for itself,
 * so an idle doc is left as one file when that is cheap, and as snapshot + short log otherwise.
 */
export function shouldCompact(s: LogState, when: 'live' | 'unload'): boolean {
  if (s.records === 0) return false;
  const paysForItself = s.logBytes >= s.snapshotBytes * COMPACT_MIN_LOG_FRACTION;
  if (when === 'unload') return paysForItself;
  return paysForItself && (s.records >= COMPACT_AFTER_RECORDS || s.logBytes >= COMPACT_AFTER_BYTES);
}
