import { describe, expect, it } from 'vitest';
import { computeWindow, revealScrollTop, rowsPerPage, sameWindow } from '../../../client/src/chronology/windowing.js';

const base = { rowHeight: 88, viewportHeight: 880, overscan: 5 };

describe('computeWindow', () => {
  it('renders the visible rows plus the overscan, clamped at the top', () => {
    expect(computeWindow({ ...base, scrollTop: 0, rowCount: 5_000 })).toEqual({ start: 0, end: 15, totalHeight: 440_000 });
  });

  it('follows the scroll position, with overscan on both sides', () => {
    // Row 100 starts at 8,800px; ten rows fit, so rows 100-109 are visible.
    expect(computeWindow({ ...base, scrollTop: 8_800, rowCount: 5_000 })).toEqual({ start: 95, end: 115, totalHeight: 440_000 });
    // Half a row further down, row 110 is partly visible too.
    expect(computeWindow({ ...base, scrollTop: 8_844, rowCount: 5_000 })).toMatchObject({ start: 95, end: 116 });
  });

  it('clamps at the end of the list and when scrolled past it', () => {
    expect(computeWindow({ ...base, scrollTop: 439_120, rowCount: 5_000 })).toMatchObject({ start: 4_985, end: 5_000 });
    expect(computeWindow({ ...base, scrollTop: 10_000_000, rowCount: 5_000 })).toMatchObject({ start: 4_994, end: 5_000 });
  });

  it('renders every row of a short list, and nothing for an empty one', () => {
    expect(computeWindow({ ...base, scrollTop: 0, rowCount: 3 })).toEqual({ start: 0, end: 3, totalHeight: 264 });
    expect(computeWindow({ ...base, scrollTop: 0, rowCount: 0 })).toEqual({ start: 0, end: 0, totalHeight: 0 });
  });

  it('keeps the number of rendered rows bounded by the viewport, whatever the list length', () => {
    for (const rowCount of [100, 5_000, 100_000]) {
      for (const scrollTop of [0, 1_234, 50_000, 400_000]) {
        const w = computeWindow({ ...base, scrollTop, rowCount });
        expect(w.end - w.start).toBeLessThanOrEqual(10 + 1 + 2 * base.overscan);
        expect(w.start).toBeGreaterThanOrEqual(0);
        expect(w.end).toBeLessThanOrEqual(rowCount);
      }
    }
  });

  it('treats a negative scroll (elastic overscroll) as the top', () => {
    expect(computeWindow({ ...base, scrollTop: -40, rowCount: 100 })).toMatchObject({ start: 0, end: 15 });
  });
});

describe('sameWindow', () => {
  it('is true only when the same rows would render', () => {
    const a = computeWindow({ ...base, scrollTop: 8_750, rowCount: 5_000 });
    expect(sameWindow(a, computeWindow({ ...base, scrollTop: 8_760, rowCount: 5_000 }))).toBe(true);
    expect(sameWindow(a, computeWindow({ ...base, scrollTop: 8_900, rowCount: 5_000 }))).toBe(false);
    expect(sameWindow(a, { ...a, totalHeight: 1 })).toBe(false);
  });
});

describe('revealScrollTop', () => {
  it('leaves a fully visible row where it is', () => {
    expect(revealScrollTop(3, 88, 0, 880)).toBeNull();
    expect(revealScrollTop(9, 88, 0, 880)).toBeNull();
  });

  it('scrolls up just enough for a row above the view', () => {
    expect(revealScrollTop(4, 88, 1_000, 880)).toBe(352);
  });

  it('scrolls down just enough for a row below the view, or partly hidden at the bottom', () => {
    expect(revealScrollTop(10, 88, 0, 880)).toBe(88);
    expect(revealScrollTop(20, 88, 0, 880)).toBe(968);
    expect(revealScrollTop(9, 88, 0, 870)).toBe(10);
  });
});

describe('rowsPerPage', () => {
  it('counts whole rows in the viewport, at least one', () => {
    expect(rowsPerPage(88, 880)).toBe(10);
    expect(rowsPerPage(88, 900)).toBe(10);
    expect(rowsPerPage(88, 40)).toBe(1);
    expect(rowsPerPage(0, 880)).toBe(1);
  });
});
