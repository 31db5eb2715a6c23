import { describe, expect, it } from 'vitest';
import { ENGLAND_AND_WALES_BANK_HOLIDAYS, FIRST_COMPUTED_YEAR, bankHolidayOn, bankHolidaysIn, easterSunday, ruleBasedHolidays, weekday } from '../../../shared/calendar/index.js';

describe('bank holiday data', () => {
  it('covers 2018 to 2030 in strictly increasing date order, every holiday on a weekday', () => {
    const dates = ENGLAND_AND_WALES_BANK_HOLIDAYS.map((x) => x.date);
    expect(dates[0]).toBe('2018-01-01');
    expect(dates.at(-1)).toBe('2030-12-26');
    for (let i = 1; i < dates.length; i++) expect(dates[i]! > dates[i - 1]!).toBe(true);
    for (const d of dates) expect(weekday(d)).toBeLessThanOrEqual(5);
  });

  it.each([
    ['2020-05-08', 'Early May bank holiday (VE day)'],
    ['2022-06-02', 'Spring bank holiday'],
    ['2022-06-03', 'Platinum Jubilee bank holiday'],
    ['2022-09-19', 'Bank Holiday for the State Funeral of Queen Elizabeth II'],
    ['2023-05-08', 'Bank holiday for the coronation of King Charles III'],
  ])('has the one-off or moved holiday %s', (date, title) => {
    expect(bankHolidayOn(date)?.title).toBe(title);
  });

  it.each(['2020-05-04', '2022-05-30'])('does not have %s, the Monday that was moved away', (date) => {
    expect(bankHolidayOn(date)).toBeUndefined();
  });

  it.each([
    ['2020-12-28', 'Boxing Day'],
    ['2021-12-27', 'Christmas Day'],
    ['2021-12-28', 'Boxing Day'],
    ['2022-01-03', 'New Year’s Day'],
    ['2022-12-27', 'Christmas Day'],
    ['2023-01-02', 'New Year’s Day'],
    ['2026-12-28', 'Boxing Day'],
    ['2027-12-27', 'Christmas Day'],
    ['2028-01-03', 'New Year’s Day'],
  ])('has the substitute day %s for %s', (date, title) => {
    expect(bankHolidayOn(date)).toEqual({ date, title, notes: 'Substitute day' });
  });

  it('has eight holidays in an ordinary year, ten in 2022 and nine in 2023', () => {
    for (let y = 2018; y <= 2030; y++) {
      const expected = y === 2022 ? 10 : y === 2023 ? 9 : 8;
      expect(bankHolidaysIn(y)).toHaveLength(expected);
    }
    expect(bankHolidaysIn(2017)).toEqual([]);
  });
});

describe('Easter computus', () => {
  it.each([
    [2018, '2018-04-01'],
    [2019, '2019-04-21'],
    [2020, '2020-04-12'],
    [2021, '2021-04-04'],
    [2022, '2022-04-17'],
    [2023, '2023-04-09'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2028, '2028-04-16'],
    [2029, '2029-04-01'],
    [2030, '2030-04-21'],
    [2038, '2038-04-25'],
    [2285, '2285-03-22'],
  ])('Easter Sunday %i is %s', (year, iso) => {
    expect(easterSunday(year)).toBe(iso);
  });

  it('agrees with the Good Friday and Easter Monday in the table for every year', () => {
    for (let y = 2018; y <= 2030; y++) {
      const titles = new Map(bankHolidaysIn(y).map((x) => [x.title, x.date]));
      const sunday = easterSunday(y);
      const fri = ruleBasedHolidays(y).find((x) => x.title === 'Good Friday')!.date;
      const mon = ruleBasedHolidays(y).find((x) => x.title === 'Easter Monday')!.date;
      expect(titles.get('Good Friday')).toBe(fri);
      expect(titles.get('Easter Monday')).toBe(mon);
      expect(weekday(sunday)).toBe(7);
    }
  });

  it('refuses a year before the Gregorian calendar', () => {
    expect(() => easterSunday(1500)).toThrow(RangeError);
  });
});

describe('standard rules against the table', () => {
  /** One-off changes by proclamation: the only places the published list departs from the rules. */
  const ONE_OFFS = {
    added: ['2020-05-08', '2022-06-02', '2022-06-03', '2022-09-19', '2023-05-08'],
    removed: ['2020-05-04', '2022-05-30'],
  };

  it('reproduces every published year except the documented one-off changes', () => {
    for (let y = 2018; y < FIRST_COMPUTED_YEAR; y++) {
      const table = bankHolidaysIn(y).map((x) => x.date);
      const rules = ruleBasedHolidays(y).map((x) => x.date);
      const expected = [...rules.filter((d) => !ONE_OFFS.removed.includes(d)), ...ONE_OFFS.added.filter((d) => d.startsWith(`${y}-`))].sort();
      expect(table).toEqual(expected);
    }
  });

  it('gives exactly the computed rows (dates, titles and notes) for the unpublished years', () => {
    for (let y = FIRST_COMPUTED_YEAR; y <= 2030; y++) {
      expect(bankHolidaysIn(y)).toEqual(ruleBasedHolidays(y).sort((a, b) => (a.date < b.date ? -1 : 1)));
    }
  });

  it('matches published titles and substitute notes in ordinary years', () => {
    for (const y of [2018, 2019, 2021, 2024, 2025, 2026, 2027]) {
      expect(bankHolidaysIn(y)).toEqual(ruleBasedHolidays(y).sort((a, b) => (a.date < b.date ? -1 : 1)));
    }
  });
});
