import { compareChronologyDates } from './chronologyDate.js';
import type { ChronologyEntry } from './entry.js';

/** The fields compareEntries reads; any row type carrying them can be sorted. */
export type SortableEntry = Pick<ChronologyEntry, 'id' | 'agencyId' | 'date' | 'time' | 'sequence'>;

/** Agency short codes by agency id, for the agency tie-break ("CSC", "POL", "GP"). */
export type ShortCodes = Readonly<Record<string, string>>;

/** Plain code-unit comparison: locale collation differs between browsers and Node, and every client must agree on the order. */
function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The integrated chronology's order, total and deterministic, so that every client shows the same
 * rows in the same place and a merge of agencies' rows never flickers:
 *  1. the earliest day the date can mean;
 *  2. precision: exact before month before year. A less precise date thus sorts at the start of its
 *     range and after the exact rows of that day ("03/2019" comes after 01/03/2019 and before 02/03/2019);
 *  3. time of day, rows without a time first (the day's events not tied to an hour lead it);
 *  4. the author's sequence number within the day;
 *  5. the agency's short code (upper-cased; the agency id when no code is given), then the agency id;
 *  6. the entry id.
 */
export function compareEntries(a: SortableEntry, b: SortableEntry, shortCodes: ShortCodes = {}): number {
  const byDate = compareChronologyDates(a.date, b.date);
  if (byDate !== 0) return byDate;
  if (a.time !== b.time) {
    if (a.time === null) return -1;
    if (b.time === null) return 1;
    return cmp(a.time, b.time);
  }
  if (a.sequence !== b.sequence) return a.sequence - b.sequence;
  if (a.agencyId !== b.agencyId) {
    const ca = (shortCodes[a.agencyId] ?? a.agencyId).toUpperCase();
    const cb = (shortCodes[b.agencyId] ?? b.agencyId).toUpperCase();
    return cmp(ca, cb) || cmp(a.agencyId, b.agencyId);
  }
  return cmp(a.id, b.id);
}

/** A sorted copy of the rows in integrated-chronology order; the input is left as it was. */
export function sortEntries<T extends SortableEntry>(entries: readonly T[], shortCodes: ShortCodes = {}): T[] {
  return [...entries].sort((a, b) => compareEntries(a, b, shortCodes));
}
