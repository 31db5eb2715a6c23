import type { ChronoDate } from './chronologyDate.js';
import { earliestIso } from './chronologyDate.js';

/** What the ordering needs from a row. */
export type Orderable = { id: string; date: ChronoDate; time: string | null; sequence: number; agencyCode: string };

const PRECISION_RANK = { day: 0, month: 1, year: 2 } as const;

/**
 * The one total order of the integrated chronology, so every view and export agree:
 * 1. the earliest day the date can mean (a month-only date sorts at the 1st, a year-only at 1 January),
 *    so it sits at the start of its range, where a reader scanning forward meets it first;
 * 2. on the same day, exact dates before month-only before year-only (the vaguer entry heads the
 *    stretch it might belong to only once the exact ones of that first day are read);
 * 3. certain before uncertain;
 * 4. no time before a time, then by time;
 * 5. the agency's sequence number within the day;
 * 6. the agency short code, then the id, so that ties never depend on arrival order.
 */
export function compareRows(a: Orderable, b: Orderable): number {
  return earliestIso(a.date).localeCompare(earliestIso(b.date))
    || PRECISION_RANK[a.date.precision] - PRECISION_RANK[b.date.precision]
    || Number(a.date.uncertain) - Number(b.date.uncertain)
    || (a.time === null ? (b.time === null ? 0 : -1) : b.time === null ? 1 : a.time.localeCompare(b.time))
    || a.sequence - b.sequence
    || a.agencyCode.localeCompare(b.agencyCode)
    || a.id.localeCompare(b.id);
}
