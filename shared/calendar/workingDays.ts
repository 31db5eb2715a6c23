import { formatUkDate, type IsoDate } from '../dates.js';
import { CALENDAR_FIRST_DAY, CALENDAR_LAST_DAY, bankHolidayOn } from './bankHolidays.js';
import { fromDayNumber, isWeekend, toDayNumber } from './isoDay.js';

/**
 * Working days in England and Wales: Monday to Friday, except bank holidays. Statutory review
 * timescales (Rapid Review 15 working days, LCSPR report 7 working days before publication) are
 * counted this way.
 *
 * Counting convention, used by every function here: day 0 is the start date itself, and counting starts
 * on the next working day. So a referral received on Monday has its "+2 working days" deadline on
 * Wednesday, and a referral received on a Saturday has it on the following Tuesday. The start date
 * itself need not be a working day.
 */

const FIRST = toDayNumber(CALENDAR_FIRST_DAY);
const LAST = toDayNumber(CALENDAR_LAST_DAY);

/**
 * cumulative[i] = number of working days from CALENDAR_FIRST_DAY up to and including day FIRST + i.
 * Built once, lazily (about 4,700 small integers), so that counting and adding are O(1) / O(log n)
 * even when a dashboard computes hundreds of deadlines.
 */
let cumulative: Int32Array | null = null;

function table(): Int32Array {
  if (cumulative) return cumulative;
  const t = new Int32Array(LAST - FIRST + 1);
  let count = 0;
  for (let d = FIRST; d <= LAST; d++) {
    const iso = fromDayNumber(d);
    if (!isWeekend(iso) && !bankHolidayOn(iso)) count++;
    t[d - FIRST] = count;
  }
  cumulative = t;
  return t;
}

/** The day number of a date, checked to be real and inside the bank holiday data; throws RangeError otherwise. */
function dayInRange(iso: string): number {
  const d = toDayNumber(iso);
  if (d < FIRST || d > LAST) {
    throw new RangeError(`${formatUkDate(iso)} is outside the bank holiday data (${formatUkDate(CALENDAR_FIRST_DAY)} to ${formatUkDate(CALENDAR_LAST_DAY)})`);
  }
  return d;
}

/** Working days up to and including a day number (which must be in range). */
function countTo(d: number): number {
  return table()[d - FIRST]!;
}

/** True when the date is a weekday that is not an England and Wales bank holiday. Throws RangeError out of range. */
export function isWorkingDay(iso: string): boolean {
  const d = dayInRange(iso);
  return countTo(d) - (d === FIRST ? 0 : countTo(d - 1)) === 1;
}

/**
 * The date n working days after `iso` (n >= 0). Day 0 is the start date itself (returned unchanged,
 * even on a weekend); +1 is the next working day. Throws RangeError if n is negative or not whole, or
 * when either date falls outside the data.
 */
export function addWorkingDays(iso: string, n: number): IsoDate {
  if (!Number.isInteger(n) || n < 0) throw new RangeError('the number of working days must be a whole number, 0 or more');
  const start = dayInRange(iso);
  if (n === 0) return fromDayNumber(start);
  const target = countTo(start) + n;
  const t = table();
  if (t[t.length - 1]! < target) {
    throw new RangeError(`${n} working days after ${formatUkDate(iso)} is beyond the bank holiday data (to ${formatUkDate(CALENDAR_LAST_DAY)})`);
  }
  // The first index whose count reaches the target is that working day.
  let lo = start - FIRST + 1;
  let hi = t.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (t[mid]! >= target) hi = mid;
    else lo = mid + 1;
  }
  return fromDayNumber(FIRST + lo);
}

/**
 * The date n working days before `iso` (n >= 0), stepping back the same way addWorkingDays steps
 * forward: "at least 7 working days before a Wednesday publication" is the Monday of the week
 * before. Day 0 is the date itself. Throws RangeError as addWorkingDays does.
 */
export function subtractWorkingDays(iso: string, n: number): IsoDate {
  if (!Number.isInteger(n) || n < 0) throw new RangeError('the number of working days must be a whole number, 0 or more');
  const start = dayInRange(iso);
  if (n === 0) return fromDayNumber(start);
  const t = table();
  // Working days strictly before `start` that we must step over: the n-th one back.
  const before = start === FIRST ? 0 : countTo(start - 1);
  const target = before - n + 1;
  if (target < 1) {
    throw new RangeError(`${n} working days before ${formatUkDate(iso)} is before the bank holiday data (from ${formatUkDate(CALENDAR_FIRST_DAY)})`);
  }
  let lo = 0;
  let hi = start - FIRST;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (t[mid]! >= target) hi = mid;
    else lo = mid + 1;
  }
  return fromDayNumber(FIRST + lo);
}

/**
 * Working days after `a` up to and including `b`. It is antisymmetric: when b is before a the result
 * is minus the count from b to a, so workingDaysBetween(a, addWorkingDays(a, n)) === n, and a deadline
 * passed yesterday gives -1 (when yesterday and today are working days). Equal dates give 0.
 */
export function workingDaysBetween(a: string, b: string): number {
  const da = dayInRange(a);
  const db = dayInRange(b);
  return countTo(db) - countTo(da);
}

/** The first working day strictly after `iso` (the same as addWorkingDays(iso, 1)). */
export function nextWorkingDay(iso: string): IsoDate {
  return addWorkingDays(iso, 1);
}

/** `iso` itself when it is a working day, otherwise the next working day. */
export function workingDayOnOrAfter(iso: string): IsoDate {
  return isWorkingDay(iso) ? fromDayNumber(dayInRange(iso)) : nextWorkingDay(iso);
}
