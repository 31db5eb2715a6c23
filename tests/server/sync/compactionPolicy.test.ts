import { describe, expect, it } from 'vitest';
import { COMPACT_AFTER_BYTES, COMPACT_AFTER_RECORDS, shouldCompact } from '../../../server/sync/compactionPolicy.js';

describe('shouldCompact', () => {
  it('never compacts an empty log', () => {
    expect(shouldCompact({ records: 0, logBytes: 0, snapshotBytes: 0 }, 'live')).toBe(false);
    expect(shouldCompact({ records: 0, logBytes: 0, snapshotBytes: 10 }, 'unload')).toBe(false);
  });

  it('compacts a small live doc once the log reaches the record or byte limit', () => {
    expect(shouldCompact({ records: COMPACT_AFTER_RECORDS - 1, logBytes: 50_000, snapshotBytes: 10_000 }, 'live')).toBe(false);
    expect(shouldCompact({ records: COMPACT_AFTER_RECORDS, logBytes: 50_000, snapshotBytes: 10_000 }, 'live')).toBe(true);
    expect(shouldCompact({ records: 3, logBytes: COMPACT_AFTER_BYTES, snapshotBytes: 10_000 }, 'live')).toBe(true);
  });

  it('defers compacting a large doc until the log is a quarter of the snapshot, so edits stay O(edit) amortised', () => {
    const snapshotBytes = 2_500_000;
    expect(shouldCompact({ records: 5_000, logBytes: 435_000, snapshotBytes }, 'live')).toBe(false);
    expect(shouldCompact({ records: 7_200, logBytes: 625_000, snapshotBytes }, 'live')).toBe(true);
  });

  it('compacts on unload whenever the rewrite pays for itself', () => {
    expect(shouldCompact({ records: 1, logBytes: 90, snapshotBytes: 300 }, 'unload')).toBe(true);
    expect(shouldCompact({ records: 1, logBytes: 90, snapshotBytes: 2_500_000 }, 'unload')).toBe(false);
  });
});
