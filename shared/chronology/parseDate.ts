import { daysInMonth } from '../calendar/isoDay.js';
import { ChronologyDateSchema, type ChronologyDate, type DateUncertainty } from './chronologyDate.js';
import { MAX_CHRONOLOGY_YEAR, MAX_DATE_TEXT_CHARS, MIN_CHRONOLOGY_YEAR } from './limits.js';

/** The result of reading a typed date: the date, or a message a person can act on (en-GB). */
export type ParsedChronologyDate = { ok: true; date: ChronologyDate } | { ok: false; error: string };

/** Shown when the text is not in any form we read; it names the forms so the fix is obvious. */
export const DATE_FORMAT_HINT = 'Enter the date as DD/MM/YYYY, MM/YYYY or YYYY, adding ? or c. if it is uncertain (for example 12/03/2019, 03/2019?, c. 2017).';

const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** Month number for an English month name or its usual abbreviation ("Sept" included), else 0. */
function monthFromName(word: string): number {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w === 'sept') return 9;
  if (w.length < 3) return 0;
  const i = MONTH_NAMES.findIndex((m) => m === w || (w.length === 3 && m.startsWith(w)));
  return i + 1;
}

const fail = (error: string): ParsedChronologyDate => ({ ok: false, error });

/** A circa mark at the start: "c.", "c", "ca.", "circa" or "approx.", before a digit, "?" or a month name. */
const CIRCA = /^(?:circa|approx\.?|ca\.|c\.|ca(?=[\s\d])|c(?=[\s\d]))\s*/i;
/** A query mark at the end ("2019?", "2019 (?)") or the start ("? 2019", "(?) 2019"). */
const QUERY_END = /\s*(?:\(\?\)|\?+)$/;
const QUERY_START = /^(?:\(\?\)|\?)\s+/;
/** An unknown part written as "?" or "??", as in "?/06/2018". */
const PART = '(\\d{1,2}|\\?{1,2})';

/**
 * Reads a chronology date as people type it: DD/MM/YYYY or D/M/YYYY (separators / . -), MM/YYYY,
 * YYYY, ISO YYYY-MM-DD or YYYY-MM, and "12 March 2019" / "March 2019", each optionally marked
 * uncertain with "?" (at either end, or as an unknown day or month: "?/06/2018") or approximate with
 * "c." / "circa". Two-digit years are refused, because a chronology spans generations and "19" could
 * be 1919 or 2019; the importer, which knows a file's conventions, reads those itself.
 */
export function parseChronologyDate(text: string): ParsedChronologyDate {
  if (text.length > MAX_DATE_TEXT_CHARS) return fail(DATE_FORMAT_HINT);
  let s = text.normalize('NFKC').trim().replace(/\s+/g, ' ');
  if (!s) return fail('Enter a date, for example 12/03/2019, 03/2019 or 2019.');
  let circa = false;
  let query = false;
  const c = CIRCA.exec(s);
  if (c) {
    circa = true;
    s = s.slice(c[0].length);
  }
  if (QUERY_END.test(s)) {
    query = true;
    s = s.replace(QUERY_END, '');
  }
  if (QUERY_START.test(s)) {
    query = true;
    s = s.replace(QUERY_START, '');
  }
  if (!circa) {
    const c2 = CIRCA.exec(s); // "? c. 2019" is still both marks
    if (c2) {
      circa = true;
      s = s.slice(c2[0].length);
    }
  }

  let year: string | undefined;
  let month: string | undefined;
  let day: string | undefined;
  // Each form is matched up front (plain exec, no side effects); the first in this order that matches wins.
  const isoDay = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  const isoMonth = /^(\d{4})-(\d{1,2})$/.exec(s);
  const dmy = new RegExp(`^${PART}[/.-]${PART}[/.-](\\d+)$`).exec(s);
  const my = new RegExp(`^${PART}[/.-](\\d+)$`).exec(s);
  const yearOnly = /^(\d+)$/.exec(s);
  const named = /^(?:(\d{1,2})(?:st|nd|rd|th)? )?([A-Za-z]+\.?),? (\d+)$/.exec(s);
  if (isoDay) [, year, month, day] = isoDay;
  else if (isoMonth) [, year, month] = isoMonth;
  else if (dmy) [, day, month, year] = dmy;
  else if (my) [, month, year] = my;
  else if (yearOnly) [, year] = yearOnly;
  else if (named) {
    const n = monthFromName(named[2]!);
    if (!n) return fail(`"${named[2]}" is not a month name. ${DATE_FORMAT_HINT}`);
    [day, month, year] = [named[1], String(n), named[3]];
  } else return fail(DATE_FORMAT_HINT);

  if (!/^\d{4}$/.test(year!)) {
    return fail(year!.length === 2 ? 'Enter the year in full, for example 2019 rather than 19.' : DATE_FORMAT_HINT);
  }
  const y = Number(year);
  if (y < MIN_CHRONOLOGY_YEAR || y > MAX_CHRONOLOGY_YEAR) return fail(`Enter a year between ${MIN_CHRONOLOGY_YEAR} and ${MAX_CHRONOLOGY_YEAR}.`);

  const monthUnknown = month !== undefined && month.startsWith('?');
  const dayUnknown = day !== undefined && day.startsWith('?');
  if (monthUnknown && day !== undefined && !dayUnknown) {
    return fail('A day without a month cannot be placed: write ?/?/YYYY or YYYY? if only the year is known.');
  }
  if (monthUnknown || dayUnknown) query = true;
  if (circa && query) return fail('Mark an uncertain date with either ? or c., not both.');
  const uncertainty: DateUncertainty = circa ? 'circa' : query ? 'query' : 'none';

  if (month === undefined || monthUnknown) return done({ precision: 'year', year: y, month: null, day: null, uncertainty });
  const mo = Number(month);
  if (mo < 1 || mo > 12) return fail(`${month} is not a month: use 01 to 12 (dates are day first, DD/MM/YYYY).`);
  if (day === undefined || dayUnknown) return done({ precision: 'month', year: y, month: mo, day: null, uncertainty });
  const d = Number(day);
  const last = daysInMonth(y, mo);
  if (d < 1 || d > last) {
    const monthName = MONTH_NAMES[mo - 1]!;
    return fail(`${day.padStart(2, '0')}/${String(mo).padStart(2, '0')}/${y} is not a real date: ${monthName[0]!.toUpperCase()}${monthName.slice(1)} ${y} has ${last} days.`);
  }
  return done({ precision: 'day', year: y, month: mo, day: d, uncertainty });
}

/** Final check through the schema, so the parser can never hand out a date the schema would refuse. */
function done(date: ChronologyDate): ParsedChronologyDate {
  const r = ChronologyDateSchema.safeParse(date);
  return r.success ? { ok: true, date: r.data } : fail(DATE_FORMAT_HINT);
}
