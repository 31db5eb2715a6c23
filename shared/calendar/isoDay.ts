import { isRealDate, type IsoDate } from '../dates.js';

/**
 * Pure calendar arithmetic on ISO 'YYYY-MM-DD' strings. Every step goes through a UTC day number
 * (days since 1970-01-01), never through local time, so a clock change in March or October cannot
 * make a day last 23 or 25 hours and shift a deadline.
 */

const MS_PER_DAY = 86_400_000;

/** Day numbers for Monday to Sunday as `weekday()` returns them (ISO 8601: Monday 1 ... Sunday 7). */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** Turns a real ISO date into its UTC day number; throws RangeError for anything that is not a real day. */
export function toDayNumber(iso: string): number {
  if (!isRealDate(iso)) throw new RangeError(`"${iso}" is not a real date as YYYY-MM-DD`);
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / MS_PER_DAY;
}

/** Turns a UTC day number back into an ISO date. */
export function fromDayNumber(day: number): IsoDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Builds an ISO date from numbers (month 1-12); throws RangeError when the day does not exist. */
export function isoFromParts(year: number, month: number, day: number): IsoDate {
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (!isRealDate(iso)) throw new RangeError(`${iso} is not a real date`);
  return iso;
}

/** The ISO weekday of a date: Monday 1 ... Sunday 7. */
export function weekday(iso: string): IsoWeekday {
  // 1970-01-01 was a Thursday (ISO 4).
  return (((((toDayNumber(iso) + 3) % 7) + 7) % 7) + 1) as IsoWeekday;
}

/** True on Saturday and Sunday. */
export function isWeekend(iso: string): boolean {
  return weekday(iso) >= 6;
}

/** Adds (or, when negative, subtracts) calendar days. */
export function addCalendarDays(iso: string, days: number): IsoDate {
  if (!Number.isInteger(days)) throw new RangeError('days must be a whole number');
  return fromDayNumber(toDayNumber(iso) + days);
}

/** The number of days in a month (month 1-12), leap years included. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Adds calendar months, clamping to the end of a shorter month: 31/08/2024 + 6 months is 28/02/2025,
 * not 03/03/2025. Statutory "within six months" deadlines are read this way, so a deadline never
 * spills into the month after the one the law names.
 */
export function addCalendarMonths(iso: string, months: number): IsoDate {
  if (!Number.isInteger(months)) throw new RangeError('months must be a whole number');
  toDayNumber(iso); // refuses a date that does not exist before any arithmetic
  const total = Number(iso.slice(0, 4)) * 12 + (Number(iso.slice(5, 7)) - 1) + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  const day = Math.min(Number(iso.slice(8, 10)), daysInMonth(year, month));
  return isoFromParts(year, month, day);
}

/** Compares two ISO dates (string order is date order for 'YYYY-MM-DD'); for Array.prototype.sort. */
export function compareIso(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
