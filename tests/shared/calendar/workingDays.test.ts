import { describe, expect, it } from 'vitest';
import {
  addCalendarMonths,
  addWorkingDays,
  isWorkingDay,
  nextWorkingDay,
  subtractWorkingDays,
  weekday,
  workingDayOnOrAfter,
  workingDaysBetween,
} from '../../../shared/calendar/index.js';

describe('isWorkingDay', () => {
  it.each([
    ['2022-09-19', false, 'State Funeral of Queen Elizabeth II'],
    ['2023-05-08', false, 'coronation'],
    ['2020-05-08', false, 'VE day (Friday)'],
    ['2020-05-04', true, 'the Monday the early May holiday left'],
    ['2022-05-30', true, 'the Monday the spring holiday left'],
    ['2022-06-02', false, 'spring holiday moved to Thursday'],
    ['2022-06-03', false, 'Platinum Jubilee'],
    ['2022-12-27', false, 'Christmas Day substitute'],
    ['2021-12-28', false, 'Boxing Day substitute'],
    ['2022-12-28', true, 'an ordinary Wednesday between Christmas and New Year'],
    ['2024-03-29', false, 'Good Friday'],
    ['2024-04-01', false, 'Easter Monday'],
    ['2024-06-15', false, 'a Saturday'],
    ['2024-06-16', false, 'a Sunday'],
    ['2024-06-17', true, 'an ordinary Monday'],
  ])('%s is %s (%s)', (iso, expected) => {
    expect(isWorkingDay(iso)).toBe(expected);
  });

  it('throws a RangeError outside 2018-2030 and for dates that do not exist', () => {
    expect(() => isWorkingDay('2017-12-31')).toThrow(RangeError);
    expect(() => isWorkingDay('2031-01-01')).toThrow(/outside the bank holiday data \(01\/01\/2018 to 31\/12\/2030\)/);
    expect(() => isWorkingDay('2023-02-29')).toThrow(RangeError);
    expect(() => isWorkingDay('19/09/2022')).toThrow(RangeError);
  });

  it('agrees with a plain day-by-day reading of the weekday and the table across the whole range', () => {
    let d = '2018-01-01';
    let working = 0;
    while (d <= '2030-12-31') {
      if (isWorkingDay(d)) working++;
      d = nextDayIndependently(d);
    }
    // 4,748 days from Monday 01/01/2018 = 678 weeks + Monday and Tuesday: 3,392 weekdays, minus
    // 107 bank holidays (8 a year, 2 more in 2022, 1 more in 2023), none of them at a weekend.
    expect(working).toBe(3392 - 107);
    // 01/01/2018 is itself a holiday, so counting "after" it loses nothing.
    expect(workingDaysBetween('2018-01-01', '2030-12-31')).toBe(working);
  });
});

/** An independent next-day step, so the sweep does not reuse the code under test. */
function nextDayIndependently(iso: string): string {
  const t = Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)) + 1);
  return new Date(t).toISOString().slice(0, 10);
}

describe('addWorkingDays', () => {
  it('day 0 is the start date itself, even at a weekend', () => {
    expect(addWorkingDays('2024-06-17', 0)).toBe('2024-06-17');
    expect(addWorkingDays('2024-06-15', 0)).toBe('2024-06-15');
  });

  it('counting starts on the next working day', () => {
    expect(addWorkingDays('2024-06-17', 1)).toBe('2024-06-18');
    expect(addWorkingDays('2024-06-15', 1)).toBe('2024-06-17'); // Saturday -> Monday
    expect(addWorkingDays('2024-06-14', 1)).toBe('2024-06-17'); // Friday -> Monday
    expect(addWorkingDays('2024-06-17', 5)).toBe('2024-06-24');
  });

  it.each([
    // Rapid Review 15 working days across Christmas 2022 (26th and 27th off) and New Year (2 January off).
    ['2022-12-19', 15, '2023-01-12'],
    // Across Christmas 2021 (27th and 28th substitutes) and 3 January 2022.
    ['2021-12-20', 15, '2022-01-13'],
    // Across Easter 2024 (Good Friday 29/03, Easter Monday 01/04).
    ['2024-03-25', 15, '2024-04-17'],
    // Across Easter 2025 and the early May holiday.
    ['2025-04-14', 15, '2025-05-08'],
    // Across the Queen's funeral.
    ['2022-09-12', 15, '2022-10-04'],
    // Across the coronation and the early May holiday 2023.
    ['2023-04-28', 15, '2023-05-23'],
    // Across VE day 2020.
    ['2020-05-01', 15, '2020-05-26'],
  ])('%s + %i working days = %s', (start, n, expected) => {
    expect(addWorkingDays(start, n)).toBe(expected);
    expect(isWorkingDay(expected)).toBe(true);
    expect(workingDaysBetween(start, expected)).toBe(n);
  });

  it('refuses negative or fractional counts and results beyond the data', () => {
    expect(() => addWorkingDays('2024-06-17', -1)).toThrow(RangeError);
    expect(() => addWorkingDays('2024-06-17', 1.5)).toThrow(RangeError);
    expect(addWorkingDays('2030-12-20', 5)).toBe('2030-12-31'); // over Christmas 2030, to the last day of the data
    expect(() => addWorkingDays('2030-12-20', 6)).toThrow(/beyond the bank holiday data/);
  });
});

describe('subtractWorkingDays', () => {
  it('steps back over weekends and bank holidays', () => {
    expect(subtractWorkingDays('2024-06-19', 7)).toBe('2024-06-10');
    expect(subtractWorkingDays('2024-04-03', 3)).toBe('2024-03-27'); // over Easter Monday and Good Friday
    expect(subtractWorkingDays('2024-06-19', 0)).toBe('2024-06-19');
    expect(subtractWorkingDays('2024-06-16', 1)).toBe('2024-06-14'); // Sunday -> Friday
  });

  it('is the inverse of addWorkingDays on working days', () => {
    for (const start of ['2022-12-19', '2023-04-28', '2020-05-01', '2024-03-25']) {
      for (const n of [1, 2, 5, 7, 15, 40]) expect(subtractWorkingDays(addWorkingDays(start, n), n)).toBe(start);
    }
  });

  it('refuses to go before the data', () => {
    expect(() => subtractWorkingDays('2018-01-03', 2)).toThrow(RangeError);
    expect(subtractWorkingDays('2018-01-03', 1)).toBe('2018-01-02');
  });
});

describe('workingDaysBetween', () => {
  it('counts working days after a up to and including b', () => {
    expect(workingDaysBetween('2024-06-17', '2024-06-17')).toBe(0);
    expect(workingDaysBetween('2024-06-17', '2024-06-18')).toBe(1);
    expect(workingDaysBetween('2024-06-14', '2024-06-16')).toBe(0); // Friday to Sunday
    expect(workingDaysBetween('2024-06-14', '2024-06-17')).toBe(1);
    expect(workingDaysBetween('2022-12-23', '2022-12-28')).toBe(1); // over Christmas 2022
  });

  it('is antisymmetric, so an overdue deadline gives a negative count', () => {
    expect(workingDaysBetween('2024-06-18', '2024-06-17')).toBe(-1);
    expect(workingDaysBetween('2022-12-28', '2022-12-23')).toBe(-1);
    for (const [a, b] of [
      ['2019-03-04', '2021-11-30'],
      ['2022-09-01', '2022-09-30'],
    ] as const) {
      expect(workingDaysBetween(b, a)).toBe(-workingDaysBetween(a, b));
    }
  });
});

describe('nextWorkingDay and workingDayOnOrAfter', () => {
  it('skips weekends and runs of holidays', () => {
    expect(nextWorkingDay('2022-12-23')).toBe('2022-12-28');
    expect(nextWorkingDay('2021-12-24')).toBe('2021-12-29');
    expect(nextWorkingDay('2022-06-01')).toBe('2022-06-06');
    expect(nextWorkingDay('2024-06-17')).toBe('2024-06-18');
    expect(workingDayOnOrAfter('2024-06-17')).toBe('2024-06-17');
    expect(workingDayOnOrAfter('2023-05-06')).toBe('2023-05-09');
  });
});

describe('addCalendarMonths', () => {
  it('adds months and clamps to the end of a shorter month', () => {
    expect(addCalendarMonths('2024-01-15', 6)).toBe('2024-07-15');
    expect(addCalendarMonths('2024-08-31', 6)).toBe('2025-02-28');
    expect(addCalendarMonths('2023-08-31', 6)).toBe('2024-02-29');
    expect(addCalendarMonths('2024-12-31', -10)).toBe('2024-02-29');
    expect(addCalendarMonths('2024-09-30', 6)).toBe('2025-03-30');
    expect(weekday('2025-03-30')).toBe(7);
  });
});
