import type { ChronologyDate } from '../../shared/chronology/index.js';
import type { IsoDate } from '../../shared/dates.js';

/**
 * The demo review is written as if referred on DEMO_REFERRAL; on a first start every date in it
 * (the review's dates, birthdays, chronology rows, organisational changes) moves forward by whole
 * months, so that the referral is a few days before today and its milestones are current, while
 * ages, the order of events and their days of the month stay as written.
 */

/** The referral date the demo story is written around. */
export const DEMO_REFERRAL: IsoDate = '2026-11-09';

/** Days after the referral's day of the month before the demo moves to this month's referral. */
const SETTLE_DAYS = 3;

/** How many whole months to move the demo so its referral falls in the last month or so before `today`. */
export function demoMonthOffset(today: IsoDate): number {
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  const [ry, rm, rd] = DEMO_REFERRAL.split('-').map(Number) as [number, number, number];
  let months = ty * 12 + tm - (ry * 12 + rm);
  if (td < rd + SETTLE_DAYS) months -= 1;
  return months;
}

/** A year and month moved by `months`. */
function addMonths(year: number, month: number, months: number): { year: number; month: number } {
  const n = year * 12 + (month - 1) + months;
  return { year: Math.floor(n / 12), month: (((n % 12) + 12) % 12) + 1 };
}

/** Days in a month. */
function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** An ISO date moved by whole months, keeping its day (the last day of a shorter month if need be). */
export function shiftIso(iso: IsoDate, months: number): IsoDate {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const to = addMonths(y, m, months);
  const day = Math.min(d, daysIn(to.year, to.month));
  return `${to.year}-${String(to.month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A chronology date moved by whole months, at its own precision (a year-only date moves by whole years). */
export function shiftChronologyDate(date: ChronologyDate, months: number): ChronologyDate {
  if (date.precision === 'year') return { ...date, year: addMonths(date.year, 6, months).year };
  const to = addMonths(date.year, date.month!, months);
  if (date.precision === 'month') return { ...date, year: to.year, month: to.month };
  return { ...date, year: to.year, month: to.month, day: Math.min(date.day!, daysIn(to.year, to.month)) };
}
