import * as chrono from 'chrono-node';
import type { Person } from '../people.js';
import type { IdentifierHit } from './identifiers.js';
import { originalSpan, type NormalView } from './normalise.js';

/** A date of birth from the register as numbers, with its owner. */
type Dob = { y: number; m: number; d: number; personId: string };

/** Digit dates in either order ("01/02/2015", "02-01-15"): the US order is tried too, leaking is worse. */
const NUMERIC_RE = /(?<![\d])(\d{1,4})[/.\-\s](\d{1,2})[/.\-\s](\d{2,4})(?![\d])/g;

/** Compact digit dates: DDMMYYYY, YYYYMMDD, MMDDYYYY, DDMMYY. */
const COMPACT_RE = /(?<![\d])(\d{6}|\d{8})(?![\d])/g;

/**
 * A month written as a word (or its abbreviation), folded: the only thing chrono reads with a certain
 * month that the digit patterns below do not already cover (chrono's own month list, whole words).
 */
const MONTH_WORD_RE =
  /(?<![a-z])(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?![a-z])/g;

/** Characters either side of a month word given to chrono: more than any written day and year take. */
const MONTH_WINDOW_MARGIN = 48;

/**
 * Windows of the folded text around each month word, widened to whitespace and merged when they touch.
 * chrono is slow over long text, so it reads only these (a date with a certain day, month and year
 * that is not all digits has a month word; the all-digit forms are read by the patterns below).
 */
function monthWindows(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const m of text.matchAll(MONTH_WORD_RE)) {
    let start = Math.max(0, m.index! - MONTH_WINDOW_MARGIN);
    while (start > 0 && !/\s/.test(text[start - 1]!)) start--;
    let end = Math.min(text.length, m.index! + m[0].length + MONTH_WINDOW_MARGIN);
    while (end < text.length && !/\s/.test(text[end]!)) end++;
    const last = out[out.length - 1];
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else out.push({ start, end });
  }
  return out;
}

/** A month word as a pattern group (full names and chrono's abbreviations). */
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';

/** Day, month word, year, in forms chrono misses: "1st Feb '15", "1 February, 2015". */
const DAY_MONTH_YEAR_RE = new RegExp(`(?<![\\p{L}\\p{N}])(\\d{1,2})(?:st|nd|rd|th)?(?:\\s+of)?[\\s-]+${MONTH}\\.?,?[\\s-]+'?(\\d{4}|\\d{2})(?!\\p{N})`, 'gu');

/** Month word, day, year, in forms chrono misses: "February the 1st, 2015", "Feb 1st '15". */
const MONTH_DAY_YEAR_RE = new RegExp(`(?<![\\p{L}])${MONTH}\\.?\\s+(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)?,?\\s+'?(\\d{4}|\\d{2})(?!\\p{N})`, 'gu');

const MONTH_PREFIXES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** A month word's number. */
const monthNumber = (word: string) => MONTH_PREFIXES.indexOf(word.slice(0, 3)) + 1;

const fullYear = (y: number) => (y >= 100 ? y : y + (y > 30 ? 1900 : 2000));

/** Register dates of birth as numbers. */
export function registerDobs(people: readonly Person[]): Dob[] {
  return people
    .filter((p) => p.dateOfBirth)
    .map((p) => {
      const [y, m, d] = p.dateOfBirth!.split('-').map(Number) as [number, number, number];
      return { y, m, d, personId: p.id };
    });
}

/**
 * Every written date in the text that equals a register date of birth: English dates of any shape that
 * chrono-node reads with a year ("1st of February 2015", "February 1, 2015", "01-Feb-2015",
 * "2015/02/01"), forms it misses ("1st Feb '15", "February the 1st, 2015"), digit dates in either
 * day/month order, and compact digits ("01022015", "20150201").
 * chrono runs only on windows around month words that hold one of the years, which keeps long exports fast.
 */
export function findDatesOfBirth(view: NormalView, dobs: readonly Dob[]): IdentifierHit[] {
  if (dobs.length === 0) return [];
  const text = view.norm;
  const relevant = dobs.filter((b) => text.includes(String(b.y)) || text.includes(String(b.y).slice(2)));
  if (relevant.length === 0) return [];
  const out: IdentifierHit[] = [];
  const hit = (start: number, end: number, y: number, m: number, d: number) => {
    const b = relevant.find((x) => x.y === y && x.m === m && x.d === d);
    if (b) out.push({ ...originalSpan(view, start, end), kind: 'date-of-birth', personId: b.personId });
  };
  for (const w of monthWindows(text)) {
    const slice = text.slice(w.start, w.end);
    if (!relevant.some((b) => slice.includes(String(b.y).slice(2)))) continue;
    for (const r of chrono.en.GB.parse(slice)) {
      const c = r.start;
      if (!c.isCertain('year') || !c.isCertain('month') || !c.isCertain('day')) continue;
      // chrono includes a leading preposition ("on 1st of February 2015"); the sentence keeps it.
      const lead = /^(?:on|at|from|since|by|the|of)\s+/i.exec(r.text)?.[0].length ?? 0;
      hit(w.start + r.index + lead, w.start + r.index + r.text.length, c.get('year')!, c.get('month')!, c.get('day')!);
    }
  }
  for (const m of text.matchAll(DAY_MONTH_YEAR_RE)) hit(m.index!, m.index! + m[0].length, fullYear(Number(m[3])), monthNumber(m[2]!), Number(m[1]));
  for (const m of text.matchAll(MONTH_DAY_YEAR_RE)) hit(m.index!, m.index! + m[0].length, fullYear(Number(m[3])), monthNumber(m[1]!), Number(m[2]));
  for (const m of text.matchAll(NUMERIC_RE)) {
    const [a, b, c] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const end = m.index! + m[0].length;
    if (m[1]!.length === 4) hit(m.index!, end, a, b, c);
    else {
      hit(m.index!, end, fullYear(c), b, a);
      hit(m.index!, end, fullYear(c), a, b);
    }
  }
  for (const m of text.matchAll(COMPACT_RE)) {
    const s = m[1]!;
    const n = (i: number, l: number) => Number(s.slice(i, i + l));
    const end = m.index! + s.length;
    if (s.length === 8) {
      hit(m.index!, end, n(4, 4), n(2, 2), n(0, 2));
      hit(m.index!, end, n(0, 4), n(4, 2), n(6, 2));
      hit(m.index!, end, n(4, 4), n(0, 2), n(2, 2));
    } else hit(m.index!, end, fullYear(n(4, 2)), n(2, 2), n(0, 2));
  }
  return out;
}
