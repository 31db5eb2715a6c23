import { describe, expect, it } from 'vitest';
import {
  NameVersionInputSchema,
  VERSION_GROUP_MS,
  changedFields,
  formatHistoryTime,
  groupVersions,
  mayNameVersion,
  mayReadHistory,
  mayRestore,
} from '../../../shared/history/versions.js';

const MIN = 60_000;

describe('groupVersions', () => {
  it("groups one user's edits less than VERSION_GROUP_MS apart, newest first, and skips the server's records", () => {
    const t = Date.UTC(2026, 10, 3, 9, 0);
    const v = groupVersions([
      { seq: 1, userId: 'a', at: t },
      { seq: 2, userId: null, at: t },
      { seq: 3, userId: 'a', at: t + MIN },
      { seq: 4, userId: 'b', at: t + 2 * MIN },
      { seq: 5, userId: 'b', at: t + 2 * MIN + VERSION_GROUP_MS },
    ]);
    expect(v).toEqual([
      { seq: 5, firstSeq: 5, userId: 'b', from: t + 2 * MIN + VERSION_GROUP_MS, to: t + 2 * MIN + VERSION_GROUP_MS, edits: 1 },
      { seq: 4, firstSeq: 4, userId: 'b', from: t + 2 * MIN, to: t + 2 * MIN, edits: 1 },
      { seq: 3, firstSeq: 1, userId: 'a', from: t, to: t + MIN, edits: 2 },
    ]);
  });
});

describe('formatHistoryTime', () => {
  it('shows DD/MM/YYYY HH:mm in England, summer and winter', () => {
    expect(formatHistoryTime(Date.UTC(2026, 10, 3, 9, 5))).toBe('03/11/2026 09:05');
    expect(formatHistoryTime(Date.UTC(2026, 6, 1, 23, 30))).toBe('02/07/2026 00:30');
  });
});

describe('changedFields', () => {
  it('lists the fields that differ, and every field of an item that appears or goes', () => {
    expect(changedFields({ a: 1, b: 'x' }, { a: 1, b: 'y', c: true })).toEqual(['b', 'c']);
    expect(changedFields(null, { a: 1 })).toEqual(['a']);
    expect(changedFields({ a: 1 }, null)).toEqual(['a']);
    expect(changedFields({ x: 1 }, { x: 1 })).toEqual([]);
    expect(changedFields(1, 2)).toEqual(['']);
  });
});

describe('history policies', () => {
  const ref = { reviewId: 'r', kind: 'chronology', agencyId: 'police' } as const;
  it('shows history to every member who may read the doc (observers too) and not to non-members, lets only writers restore and the review team name versions', () => {
    const m = (role: 'lead-reviewer' | 'review-team' | 'agency-author' | 'observer', agencyId: string | null = null) => ({ reviewId: 'r', role, agencyId });
    expect(mayReadHistory(ref, m('observer'))).toBe(true);
    expect(mayRestore(ref, m('observer'))).toBe(false);
    expect(mayNameVersion(ref, m('observer'))).toBe(false);
    expect(mayReadHistory({ reviewId: 'other', kind: 'people' }, m('lead-reviewer'))).toBe(false);
    expect(mayReadHistory({ reviewId: 'r', kind: 'report' }, m('observer'))).toBe(false);
    expect(mayReadHistory(ref, null)).toBe(false);
    expect(mayReadHistory(ref, m('agency-author', 'health'))).toBe(true);
    expect(mayRestore(ref, m('agency-author', 'health'))).toBe(false);
    expect(mayRestore(ref, m('agency-author', 'police'))).toBe(true);
    expect(mayRestore(ref, m('review-team'))).toBe(false);
    expect(mayNameVersion(ref, m('review-team'))).toBe(true);
    expect(mayNameVersion(ref, m('agency-author', 'police'))).toBe(false);
  });

  it('refuses blank, overlong and control-character version names', () => {
    expect(NameVersionInputSchema.safeParse({ seq: 1, label: ' ' }).success).toBe(false);
    expect(NameVersionInputSchema.safeParse({ seq: 1, label: 'x'.repeat(121) }).success).toBe(false);
    expect(NameVersionInputSchema.safeParse({ seq: 1, label: 'a\u0007b' }).success).toBe(false);
    expect(NameVersionInputSchema.safeParse({ seq: 1, label: 'As submitted by the police on 03/11/2026' }).success).toBe(true);
  });
});
