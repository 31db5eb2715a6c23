import type { IsoDate } from '../dates.js';
import type { BankHoliday } from './bankHolidays.js';
import { addCalendarDays, daysInMonth, isoFromParts, weekday } from './isoDay.js';

/**
 * Easter Sunday in the Gregorian calendar by the anonymous Gregorian computus (Meeus/Jones/Butcher),
 * which is exact for every Gregorian year. Used to compute bank holidays for years GOV.UK has not yet
 * published, and checked against the published table in the tests.
 */
export function easterSunday(year: number): IsoDate {
  if (!Number.isInteger(year) || year < 1583) throw new RangeError('year must be a Gregorian year (1583 or later)');
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoFromParts(year, month, day);
}

/** The first Monday of a month. */
function firstMonday(year: number, month: number): IsoDate {
  const first = isoFromParts(year, month, 1);
  return addCalendarDays(first, (8 - weekday(first)) % 7);
}

/** The last Monday of a month. */
function lastMonday(year: number, month: number): IsoDate {
  const last = isoFromParts(year, month, daysInMonth(year, month));
  return addCalendarDays(last, -((weekday(last) + 6) % 7));
}

/**
 * England and Wales bank holidays of one year by the standard rules of the Banking and Financial
 * Dealings Act 1971 and the usual royal proclamations, without one-off changes. When Christmas Day or
 * Boxing Day falls at a weekend, the substitute days are the next weekdays not already holidays, which
 * is how GOV.UK lists them (e.g. 2022: Boxing Day Monday 26th, Christmas Day substitute Tuesday 27th).
 */
export function ruleBasedHolidays(year: number): BankHoliday[] {
  const easter = easterSunday(year);
  const out: BankHoliday[] = [];
  const newYear = isoFromParts(year, 1, 1);
  const nyDay = weekday(newYear);
  out.push(nyDay >= 6 ? { date: addCalendarDays(newYear, 8 - nyDay), title: 'New Year’s Day', notes: 'Substitute day' } : { date: newYear, title: 'New Year’s Day', notes: '' });
  out.push({ date: addCalendarDays(easter, -2), title: 'Good Friday', notes: '' });
  out.push({ date: addCalendarDays(easter, 1), title: 'Easter Monday', notes: '' });
  out.push({ date: firstMonday(year, 5), title: 'Early May bank holiday', notes: '' });
  out.push({ date: lastMonday(year, 5), title: 'Spring bank holiday', notes: '' });
  out.push({ date: lastMonday(year, 8), title: 'Summer bank holiday', notes: '' });
  const christmas = isoFromParts(year, 12, 25);
  switch (weekday(christmas)) {
    case 5: // Friday: Boxing Day (Saturday) moves to Monday 28th.
      out.push({ date: christmas, title: 'Christmas Day', notes: '' });
      out.push({ date: isoFromParts(year, 12, 28), title: 'Boxing Day', notes: 'Substitute day' });
      break;
    case 6: // Saturday: both move, to Monday 27th and Tuesday 28th.
      out.push({ date: isoFromParts(year, 12, 27), title: 'Christmas Day', notes: 'Substitute day' });
      out.push({ date: isoFromParts(year, 12, 28), title: 'Boxing Day', notes: 'Substitute day' });
      break;
    case 7: // Sunday: Boxing Day stays on Monday 26th, Christmas moves to Tuesday 27th.
      out.push({ date: isoFromParts(year, 12, 26), title: 'Boxing Day', notes: '' });
      out.push({ date: isoFromParts(year, 12, 27), title: 'Christmas Day', notes: 'Substitute day' });
      break;
    default:
      out.push({ date: christmas, title: 'Christmas Day', notes: '' });
      out.push({ date: isoFromParts(year, 12, 26), title: 'Boxing Day', notes: '' });
  }
  return out;
}
