import { z } from 'zod';
import { isRealDate } from '../dates.js';

/**
 * A chronology date with its precision. Agencies often know only the month or the year of an event,
 * or are unsure ("?", "c."); the chronology must keep that rather than invent a day.
 */
export const ChronoDateSchema = z.object({
  precision: z.enum(['day', 'month', 'year']),
  year: z.number().int().min(1900).max(2100),
  month: z.number().int().min(1).max(12).nullable(),
  day: z.number().int().min(1).max(31).nullable(),
  uncertain: z.boolean(),
}).refine((d) => (d.precision === 'year' ? d.month === null && d.day === null
  : d.precision === 'month' ? d.month !== null && d.day === null
    : d.month !== null && d.day !== null && isRealDate(isoOf(d.year, d.month, d.day))), 'must be a real date for its precision');

/** A chronology date. */
export type ChronoDate = z.infer<typeof ChronoDateSchema>;

/** The result of reading a date typed or imported by a person. */
export type ChronoDateResult = { ok: true; date: ChronoDate } | { ok: false; reason: string };

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

function isoOf(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Excel's day 0 is 30/12/1899 (it counts 1900 as a leap year, which this epoch absorbs for dates after 28/02/1900). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** Reads an Excel serial day number (1904 workbooks pass `date1904`). */
export function chronoDateFromExcelSerial(serial: number, date1904 = false): ChronoDateResult {
  if (!Number.isFinite(serial) || serial < 1 || serial > 80_000) return { ok: false, reason: 'is not a date Excel can hold' };
  const d = new Date(EXCEL_EPOCH_MS + (Math.floor(serial) + (date1904 ? 1462 : 0)) * 86_400_000);
  return dayDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), false);
}

function dayDate(year: number, month: number, day: number, uncertain: boolean): ChronoDateResult {
  if (year < 1900 || year > 2100) return { ok: false, reason: 'has a year outside 1900–2100' };
  if (!isRealDate(isoOf(year, month, day))) return { ok: false, reason: 'is not a real calendar date' };
  return { ok: true, date: { precision: 'day', year, month, day, uncertain } };
}

/** Widens a two-digit year: up to `pivotYear`'s last two digits is this century, otherwise the last. */
function fullYear(yy: string, pivotYear: number): number {
  if (yy.length === 4) return Number(yy);
  const n = Number(yy);
  const century = Math.floor(pivotYear / 100) * 100;
  return n <= pivotYear % 100 ? century + n : century - 100 + n;
}

/**
 * Reads a date in any form agencies write: DD/MM/YYYY, D/M/YY, YYYY-MM-DD, "14 March 2019",
 * "March 2019", "03/2019", "2019", with uncertainty marked by "?", "c.", "circa", "approx." or a
 * "?" in place of the unknown part ("?/06/2018"). Day-first always: this is England.
 * `pivotYear` (the current year) decides the century of two-digit years.
 */
export function parseChronoDate(input: string, pivotYear = 2026): ChronoDateResult {
  let s = input.trim().toLowerCase().replace(/\s+/g, ' ');
  if (!s) return { ok: false, reason: 'is empty' };
  let uncertain = false;
  // "?/06/2018" puts the "?" in place of the day, so it is read before "?" as a leading mark.
  const unknownDay = /^\?+[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (unknownDay) return monthDate(+unknownDay[2]!, +unknownDay[1]!, true);
  const mark = /^(?:circa|approximately|approx\.?|about|around|ca\.|c\.|c(?=\s)|\?)\s*/;
  if (mark.test(s)) { uncertain = true; s = s.replace(mark, ''); }
  if (/\s*\?$/.test(s)) { uncertain = true; s = s.replace(/\s*\?$/, ''); }

  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s))) return dayDate(+m[1]!, +m[2]!, +m[3]!, uncertain);
  if ((m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/.exec(s))) return dayDate(fullYear(m[3]!, pivotYear), +m[2]!, +m[1]!, uncertain);
  if ((m = /^(\d{1,2})[/.-](\d{4})$/.exec(s))) return monthDate(+m[2]!, +m[1]!, uncertain);
  if ((m = /^(\d{1,2})(?:st|nd|rd|th)? ([a-z]+)\.?,? (\d{4})$/.exec(s))) {
    const month = monthNumber(m[2]!);
    return month ? dayDate(+m[3]!, month, +m[1]!, uncertain) : { ok: false, reason: 'has a month name that is not recognised' };
  }
  if ((m = /^([a-z]+)\.?,? (\d{4})$/.exec(s))) {
    const month = monthNumber(m[1]!);
    return month ? monthDate(+m[2]!, month, uncertain) : { ok: false, reason: 'has a month name that is not recognised' };
  }
  if ((m = /^(\d{4})$/.exec(s))) {
    const year = +m[1]!;
    if (year < 1900 || year > 2100) return { ok: false, reason: 'has a year outside 1900–2100' };
    return { ok: true, date: { precision: 'year', year, month: null, day: null, uncertain } };
  }
  return { ok: false, reason: 'is not a date; use DD/MM/YYYY, MM/YYYY or YYYY' };
}

function monthNumber(word: string): number | null {
  if (word.length < 3) return null;
  const i = MONTHS.findIndex((m) => m.startsWith(word) || (word === 'sept' && m === 'september'));
  return i >= 0 ? i + 1 : null;
}

function monthDate(year: number, month: number, uncertain: boolean): ChronoDateResult {
  if (year < 1900 || year > 2100) return { ok: false, reason: 'has a year outside 1900–2100' };
  if (month < 1 || month > 12) return { ok: false, reason: 'has a month outside 1–12' };
  return { ok: true, date: { precision: 'month', year, month, day: null, uncertain } };
}

/** Shows a date the en-GB way for its precision: 14/03/2019, 03/2019 or 2019, with "c. " when uncertain. */
export function formatChronoDate(d: ChronoDate): string {
  const core = d.precision === 'day'
    ? `${String(d.day).padStart(2, '0')}/${String(d.month).padStart(2, '0')}/${d.year}`
    : d.precision === 'month' ? `${String(d.month).padStart(2, '0')}/${d.year}` : String(d.year);
  return d.uncertain ? `c. ${core}` : core;
}

/** The earliest day a date can mean, as ISO (a month-only date means its 1st). */
export function earliestIso(d: ChronoDate): string {
  return isoOf(d.year, d.month ?? 1, d.day ?? 1);
}

/** The latest day a date can mean, as ISO (a month-only date runs to its last day). */
export function latestIso(d: ChronoDate): string {
  if (d.precision === 'day') return earliestIso(d);
  if (d.precision === 'year') return isoOf(d.year, 12, 31);
  const last = new Date(Date.UTC(d.year, d.month!, 0)).getUTCDate();
  return isoOf(d.year, d.month!, last);
}
