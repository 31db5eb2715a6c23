import { z } from 'zod';
import type { IsoDate } from '../dates.js';
import { daysInMonth, isoFromParts } from '../calendar/isoDay.js';
import { MAX_CHRONOLOGY_YEAR, MIN_CHRONOLOGY_YEAR } from './limits.js';

/**
 * A chronology date with its precision. Real chronologies hold "12/03/2019", "March 2019", "2017",
 * "?/06/2018" and "c. 2015", so a date is a year, optionally a month and a day, plus a mark saying
 * whether the writer was unsure ('query', shown "?") or giving an approximation ('circa', shown "c.").
 */

/** How much of the date is known: the exact day, the month only, or the year only. */
export const DatePrecisionSchema = z.enum(['day', 'month', 'year']);

/** How much of the date is known. */
export type DatePrecision = z.infer<typeof DatePrecisionSchema>;

/** The writer's doubt about a date: none, queried ("?"), or approximate ("c."). */
export const DateUncertaintySchema = z.enum(['none', 'query', 'circa']);

/** The writer's doubt about a date. */
export type DateUncertainty = z.infer<typeof DateUncertaintySchema>;

/** A structured chronology date; month and day are null when the precision does not include them. */
export const ChronologyDateSchema = z
  .object({
    precision: DatePrecisionSchema,
    year: z.int().min(MIN_CHRONOLOGY_YEAR).max(MAX_CHRONOLOGY_YEAR),
    month: z.int().min(1).max(12).nullable(),
    day: z.int().min(1).max(31).nullable(),
    uncertainty: DateUncertaintySchema,
  })
  .superRefine((d, ctx) => {
    const wantMonth = d.precision !== 'year';
    const wantDay = d.precision === 'day';
    if ((d.month !== null) !== wantMonth) ctx.addIssue({ code: 'custom', path: ['month'], message: `month must ${wantMonth ? '' : 'not '}be set for ${d.precision} precision` });
    if ((d.day !== null) !== wantDay) ctx.addIssue({ code: 'custom', path: ['day'], message: `day must ${wantDay ? '' : 'not '}be set for ${d.precision} precision` });
    if (d.day !== null && d.month !== null && d.day > daysInMonth(d.year, d.month)) {
      ctx.addIssue({ code: 'custom', path: ['day'], message: 'must be a real calendar date' });
    }
  });

/** A structured chronology date. */
export type ChronologyDate = z.infer<typeof ChronologyDateSchema>;

/** An exact, certain date from ISO 'YYYY-MM-DD' (the caller has validated the ISO string). */
export function exactDate(iso: IsoDate, uncertainty: DateUncertainty = 'none'): ChronologyDate {
  return { precision: 'day', year: Number(iso.slice(0, 4)), month: Number(iso.slice(5, 7)), day: Number(iso.slice(8, 10)), uncertainty };
}

/** The first and last day a chronology date can mean, as ISO: "03/2019" is 01/03/2019 to 31/03/2019. */
export function chronologyDateRange(d: ChronologyDate): { start: IsoDate; end: IsoDate } {
  // Sorting, filtering and drawing 20,000 rows ask for the same dates' ranges many times over: the
  // answer is kept per date object, and recomputed if that object no longer holds the same date.
  const hit = RANGES.get(d);
  if (hit && hit.precision === d.precision && hit.year === d.year && hit.month === d.month && hit.day === d.day) return hit.range;
  const range = Object.freeze(computeRange(d));
  RANGES.set(d, { precision: d.precision, year: d.year, month: d.month, day: d.day, range });
  return range;
}

/** The range of each date object seen, with the fields it was computed from. */
const RANGES = new WeakMap<ChronologyDate, Pick<ChronologyDate, 'precision' | 'year' | 'month' | 'day'> & { range: Readonly<{ start: IsoDate; end: IsoDate }> }>();

function computeRange(d: ChronologyDate): { start: IsoDate; end: IsoDate } {
  if (d.precision === 'year') return { start: isoFromParts(d.year, 1, 1), end: isoFromParts(d.year, 12, 31) };
  const month = d.month ?? 1;
  if (d.precision === 'month') return { start: isoFromParts(d.year, month, 1), end: isoFromParts(d.year, month, daysInMonth(d.year, month)) };
  const iso = isoFromParts(d.year, month, d.day ?? 1);
  return { start: iso, end: iso };
}

/** Rank of a precision in the sort order: exact days first, then months, then years. */
export const PRECISION_RANK: Record<DatePrecision, number> = { day: 0, month: 1, year: 2 };

/**
 * Orders chronology dates by the earliest day each can mean, then by precision (exact before month
 * before year). So a less precise date sorts at the start of its range, after the exact rows of that
 * first day: 01/03/2019, then 03/2019, then 02/03/2019. Starting the range keeps "March 2019" next to
 * March's rows instead of after all of them, which is where a reader looks for it; putting it after
 * that day's exact rows keeps known facts first. Uncertainty marks do not move a date.
 */
export function compareChronologyDates(a: ChronologyDate, b: ChronologyDate): number {
  const sa = chronologyDateRange(a).start;
  const sb = chronologyDateRange(b).start;
  if (sa !== sb) return sa < sb ? -1 : 1;
  return PRECISION_RANK[a.precision] - PRECISION_RANK[b.precision];
}

const pad2 = (n: number | null) => String(n ?? 0).padStart(2, '0');

/**
 * Shows a chronology date the en-GB way: DD/MM/YYYY, MM/YYYY or YYYY, with "c. " before an approximate
 * date and "?" after a queried one, e.g. "c. 2017", "06/2018?".
 */
export function formatChronologyDate(d: ChronologyDate): string {
  const body = d.precision === 'day' ? `${pad2(d.day)}/${pad2(d.month)}/${d.year}` : d.precision === 'month' ? `${pad2(d.month)}/${d.year}` : String(d.year);
  if (d.uncertainty === 'circa') return `c. ${body}`;
  if (d.uncertainty === 'query') return `${body}?`;
  return body;
}
