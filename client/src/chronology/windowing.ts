/**
 * Windowing maths for the virtualised chronology table. Rows have one fixed height, so which rows
 * are on screen follows from the scroll position alone, with no measuring: 5,000 rows cost the same
 * to render as 20.
 */

/** The rows to render: indexes [start, end) and the height of the whole list. */
export type RowWindow = { start: number; end: number; totalHeight: number };

/** What the window depends on. `viewportHeight` is the part of the scroller rows can be seen in (below any sticky header). */
export type WindowInput = {
  scrollTop: number;
  viewportHeight: number;
  rowHeight: number;
  rowCount: number;
  /** Extra rows rendered above and below, so fast scrolling and arrow keys never show a blank row. */
  overscan: number;
};

/** The range of rows to render for a scroll position, clamped to the list. */
export function computeWindow({ scrollTop, viewportHeight, rowHeight, rowCount, overscan }: WindowInput): RowWindow {
  const totalHeight = Math.max(0, rowCount) * rowHeight;
  if (rowCount <= 0 || rowHeight <= 0) return { start: 0, end: 0, totalHeight };
  const top = Math.max(0, scrollTop);
  const firstVisible = Math.min(rowCount - 1, Math.floor(top / rowHeight));
  const lastVisible = Math.min(rowCount - 1, Math.floor((top + Math.max(0, viewportHeight) - 1) / rowHeight));
  return {
    start: Math.max(0, firstVisible - overscan),
    end: Math.min(rowCount, Math.max(lastVisible, firstVisible) + 1 + overscan),
    totalHeight,
  };
}

/** True when two windows render the same rows, so a scroll that changes nothing causes no render. */
export function sameWindow(a: RowWindow, b: RowWindow): boolean {
  return a.start === b.start && a.end === b.end && a.totalHeight === b.totalHeight;
}

/**
 * The scroll position that brings row `index` fully into view while moving as little as possible,
 * or null when it is already fully visible.
 */
export function revealScrollTop(index: number, rowHeight: number, scrollTop: number, viewportHeight: number): number | null {
  const top = index * rowHeight;
  const bottom = top + rowHeight;
  if (top < scrollTop) return top;
  if (bottom > scrollTop + viewportHeight) return Math.max(0, bottom - viewportHeight);
  return null;
}

/** How many whole rows fit in the viewport (at least one): the step for Page Up and Page Down. */
export function rowsPerPage(rowHeight: number, viewportHeight: number): number {
  return rowHeight > 0 ? Math.max(1, Math.floor(viewportHeight / rowHeight)) : 1;
}
