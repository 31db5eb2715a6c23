import { describe, expect, it } from 'vitest';
import { DATE_FORMAT_HINT, formatChronologyDate, parseChronologyDate, type ChronologyDate, type DateUncertainty } from '../../../shared/chronology/index.js';

const day = (y: number, m: number, d: number, uncertainty: DateUncertainty = 'none'): ChronologyDate => ({ precision: 'day', year: y, month: m, day: d, uncertainty });
const month = (y: number, m: number, uncertainty: DateUncertainty = 'none'): ChronologyDate => ({ precision: 'month', year: y, month: m, day: null, uncertainty });
const year = (y: number, uncertainty: DateUncertainty = 'none'): ChronologyDate => ({ precision: 'year', year: y, month: null, day: null, uncertainty });

describe('parseChronologyDate: accepted forms', () => {
  it.each<[string, ChronologyDate, string]>([
    ['12/03/2019', day(2019, 3, 12), '12/03/2019'],
    ['2/3/2019', day(2019, 3, 2), '02/03/2019'],
    ['02.03.2019', day(2019, 3, 2), '02/03/2019'],
    ['02-03-2019', day(2019, 3, 2), '02/03/2019'],
    ['2019-03-12', day(2019, 3, 12), '12/03/2019'],
    ['  29/02/2024 ', day(2024, 2, 29), '29/02/2024'],
    ['12 March 2019', day(2019, 3, 12), '12/03/2019'],
    ['12th Mar 2019', day(2019, 3, 12), '12/03/2019'],
    ['03/2019', month(2019, 3), '03/2019'],
    ['3/2019', month(2019, 3), '03/2019'],
    ['2019-03', month(2019, 3), '03/2019'],
    ['March 2019', month(2019, 3), '03/2019'],
    ['Sept 2020', month(2020, 9), '09/2020'],
    ['sep 2020', month(2020, 9), '09/2020'],
    ['2019', year(2019), '2019'],
    ['?/06/2018', month(2018, 6, 'query'), '06/2018?'],
    ['??/06/2018', month(2018, 6, 'query'), '06/2018?'],
    ['?/?/2018', year(2018, 'query'), '2018?'],
    ['?/2018', year(2018, 'query'), '2018?'],
    ['06/2018?', month(2018, 6, 'query'), '06/2018?'],
    ['2017?', year(2017, 'query'), '2017?'],
    ['2017 (?)', year(2017, 'query'), '2017?'],
    ['? 12/03/2019', day(2019, 3, 12, 'query'), '12/03/2019?'],
    ['c. 2017', year(2017, 'circa'), 'c. 2017'],
    ['c.2017', year(2017, 'circa'), 'c. 2017'],
    ['c 2017', year(2017, 'circa'), 'c. 2017'],
    ['ca. 2017', year(2017, 'circa'), 'c. 2017'],
    ['circa 2017', year(2017, 'circa'), 'c. 2017'],
    ['Circa March 2019', month(2019, 3, 'circa'), 'c. 03/2019'],
    ['C. 12/03/2019', day(2019, 3, 12, 'circa'), 'c. 12/03/2019'],
    ['1900', year(1900), '1900'],
  ])('%j', (input, expected, shown) => {
    const r = parseChronologyDate(input);
    expect(r).toEqual({ ok: true, date: expected });
    expect(formatChronologyDate(expected)).toBe(shown);
  });

  it('reads back everything it formats', () => {
    const samples = [day(2024, 2, 29), day(1999, 12, 31, 'circa'), month(2018, 6, 'query'), year(2017, 'circa'), year(2030)];
    for (const d of samples) expect(parseChronologyDate(formatChronologyDate(d))).toEqual({ ok: true, date: d });
  });
});

describe('parseChronologyDate: refused input, with a reason a person can act on', () => {
  it.each([
    ['31/02/2024', '31/02/2024 is not a real date: February 2024 has 29 days.'],
    ['29/02/2023', '29/02/2023 is not a real date: February 2023 has 28 days.'],
    ['2023-02-29', '29/02/2023 is not a real date: February 2023 has 28 days.'],
    ['31/04/2019', '31/04/2019 is not a real date: April 2019 has 30 days.'],
    ['0/3/2024', '00/03/2024 is not a real date: March 2024 has 31 days.'],
    ['13/13/2019', '13 is not a month: use 01 to 12 (dates are day first, DD/MM/YYYY).'],
    ['03/14/2019', '14 is not a month: use 01 to 12 (dates are day first, DD/MM/YYYY).'],
    ['0/2019', '0 is not a month: use 01 to 12 (dates are day first, DD/MM/YYYY).'],
    ['12/03/19', 'Enter the year in full, for example 2019 rather than 19.'],
    ['', 'Enter a date, for example 12/03/2019, 03/2019 or 2019.'],
    ['   ', 'Enter a date, for example 12/03/2019, 03/2019 or 2019.'],
    ['14/03/1850', 'Enter a year between 1900 and 2100.'],
    ['2101', 'Enter a year between 1900 and 2100.'],
    ['Smarch 2019', `"Smarch" is not a month name. ${DATE_FORMAT_HINT}`],
    ['c. 2017?', 'Mark an uncertain date with either ? or c., not both.'],
    ['12/?/2018', 'A day without a month cannot be placed: write ?/?/YYYY or YYYY? if only the year is known.'],
    ['yesterday', DATE_FORMAT_HINT],
    ['12/03/201', DATE_FORMAT_HINT],
    ['2019/03/12/01', DATE_FORMAT_HINT],
    ['1'.repeat(41), DATE_FORMAT_HINT],
  ])('%j', (input, error) => {
    expect(parseChronologyDate(input)).toEqual({ ok: false, error });
  });
});
