import { chronologyDateRange, type IntegratedRow } from '../../../shared/chronology/index.js';
import { formatUkDate } from '../../../shared/dates.js';
import { localDay, phaseItem, rowItem, type Phase, type TimelineItemData } from './timelineItems.js';
import { safeColour } from './rowDisplay.js';

/**
 * Windowing and clustering for the timeline, so 5,000 rows stay quick and readable. vis-timeline
 * lays out every item it holds and, once drawn, measures each added item on its own, so it is only
 * ever given what the current view needs: the rows within one window's width either side of what is
 * shown, and, where an agency has more rows in one slot of the screen than fit, a single cluster item
 * ("27 rows") that zooms in when pressed. Slots have a fixed size per zoom level (a power of two of
 * days), aligned to the calendar, so moving left or right keeps the same clusters.
 */

/** One day in milliseconds. */
export const DAY_MS = 86_400_000;

/** How wide, in pixels, a slot of the screen is: about one item with its code, date and short event. */
export const SLOT_PX = 96;

/** Widest an item is drawn, in pixels (the CSS max-width of its button plus its border). */
export const ITEM_MAX_PX = 216;

/** Most rows of one agency shown one by one in a slot; more become a cluster. */
export const MAX_PER_SLOT = 3;

/** The visible window and the width it is drawn in. */
export type TimelineViewport = { start: number; end: number; widthPx: number };

/** Prefix of cluster item ids. */
export const CLUSTER_ID_PREFIX = 'cluster:';

/** The first and last instant a row covers on the timeline (local days; the end is the next midnight). */
export function rowSpanMs(row: Pick<IntegratedRow, 'date'>): { start: number; end: number } {
  // Asked several times per row on every filter change and move: kept per date object, as its range is.
  const range = chronologyDateRange(row.date);
  const hit = SPANS.get(range);
  if (hit) return hit;
  const span = Object.freeze({ start: localDay(range.start).getTime(), end: localDay(range.end, 1).getTime() });
  SPANS.set(range, span);
  return span;
}

/** Each date range's span in local milliseconds (ranges are kept per date object by chronologyDateRange). */
const SPANS = new WeakMap<object, Readonly<{ start: number; end: number }>>();

/**
 * The window that shows every row and phase, with a little room at either side, or null when there
 * is nothing to show. At least a month wide, so one row is not drawn across the whole screen. Items
 * are drawn from their date rightwards, so when the drawing's width is known the window reaches far
 * enough past the last date for the last item to be seen whole.
 */
export function fullExtent(rows: readonly Pick<IntegratedRow, 'date'>[], phases: readonly Phase[], widthPx?: number): { start: number; end: number } | null {
  let lo = Infinity;
  let hi = -Infinity;
  let last = -Infinity;
  for (const r of rows) {
    const s = rowSpanMs(r);
    if (s.start < lo) lo = s.start;
    if (s.end > hi) hi = s.end;
    if (s.start > last) last = s.start;
  }
  for (const p of phases) {
    lo = Math.min(lo, localDay(p.start).getTime());
    hi = Math.max(hi, localDay(p.end, 1).getTime());
  }
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return null;
  const span = Math.max(hi - lo, 30 * DAY_MS);
  const pad = span * 0.03;
  const mid = (lo + hi) / 2;
  const start = Math.min(lo, mid - span / 2) - pad;
  let end = Math.max(hi, mid + span / 2) + pad;
  if (widthPx && widthPx > 2 * ITEM_MAX_PX) {
    // Solve for the window in which the last start plus one item's width in time still fits.
    const needed = (Math.max(lo, last) - start) / (1 - ITEM_MAX_PX / widthPx) + start;
    end = Math.max(end, needed);
  }
  return { start, end };
}

/** The slot size for a window: the time SLOT_PX pixels stand for, rounded up to a power of two of days. */
export function slotMs(spanMs: number, widthPx: number): number {
  const raw = (spanMs * SLOT_PX) / Math.max(1, widthPx);
  const days = Math.max(1, raw / DAY_MS);
  return DAY_MS * 2 ** Math.ceil(Math.log2(days));
}

/** A cluster of one agency's rows in one slot: a range over the slot that says how many rows it holds. */
function clusterItem(rows: readonly IntegratedRow[], index: number, slot: number): TimelineItemData {
  const first = rows[0]!;
  let lo = Infinity;
  let hi = -Infinity;
  let keyCount = 0;
  let earliest = first;
  for (const r of rows) {
    const s = rowSpanMs(r);
    if (s.start < lo) earliest = r;
    lo = Math.min(lo, s.start);
    hi = Math.max(hi, s.end);
    if (r.team.keyLearning) keyCount += 1;
  }
  const iso = (ms: number) => {
    const d = new Date(ms);
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  };
  return {
    id: `${CLUSTER_ID_PREFIX}${first.agencyId}:${slot}:${index}`,
    group: first.agencyId,
    start: new Date(index * slot),
    end: new Date((index + 1) * slot),
    type: 'range',
    className: keyCount > 0 ? 'tl-item tl-cluster tl-item--key' : 'tl-item tl-cluster',
    style: `background-color: ${safeColour(first.colour)};`,
    content: '',
    label: {
      kind: 'cluster',
      code: first.agencyCode,
      count: rows.length,
      keyCount,
      from: formatUkDate(iso(lo)),
      to: formatUkDate(iso(hi - DAY_MS)),
      zoomStart: lo,
      zoomEnd: hi,
      firstRowId: earliest.id,
    },
  };
}

/**
 * The items for a viewport: every phase; then, per agency and slot, the rows one by one when there
 * are few, or one cluster when there are more than MAX_PER_SLOT. Only rows within one window's
 * width of the view are included. Rows are assumed in the integrated order (sorted by start).
 */
export function itemsForViewport(rows: readonly IntegratedRow[], phases: readonly Phase[], view: TimelineViewport): TimelineItemData[] {
  const span = Math.max(view.end - view.start, DAY_MS);
  const lo = view.start - span;
  const hi = view.end + span;
  const slot = slotMs(span, view.widthPx);
  const slots = new Map<string, { index: number; rows: IntegratedRow[] }>();
  for (const row of rows) {
    const s = rowSpanMs(row);
    if (s.end < lo || s.start > hi) continue;
    const index = Math.floor(s.start / slot);
    const key = `${row.agencyId}:${index}`;
    let bucket = slots.get(key);
    if (!bucket) {
      bucket = { index, rows: [] };
      slots.set(key, bucket);
    }
    bucket.rows.push(row);
  }
  const items: TimelineItemData[] = phases.map(phaseItem);
  for (const { index, rows: inSlot } of slots.values()) {
    if (inSlot.length <= MAX_PER_SLOT) for (const r of inSlot) items.push(rowItem(r));
    else items.push(clusterItem(inSlot, index, slot));
  }
  return items;
}
