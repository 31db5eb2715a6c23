import { describe, expect, it } from 'vitest';
import { chronoDateFromExcelSerial, formatChronoDate, parseChronoDate, type ChronoDate } from '../../../shared/chronology/index.js';

const day = (year: number, month: number, d: number, uncertain = false): ChronoDate => ({ precision: 'day', year, month, day: d, uncertain });
const month = (year: number, m: number, uncertain = false): ChronoDate => ({ precision: 'month', year, month: m, day: null, uncertain });
const year = (y: number, uncertain = false): ChronoDate => ({ precision: 'year', year: y, month: null, day: null, uncertain });

describe('parseChronoDate: every form agencies write', () => {
  it.each<[string, ChronoDate, string]>([
    ['14/03/2019', day(2019, 3, 14), '14/03/2019'],
    ['4/3/2019', day(2019, 3, 4), '04/03/2019'],
    ['4/3/19', day(2019, 3, 4), '04/03/2019'],
    ['04.03.98', day(1998, 3, 4), '04/03/1998'],
    ['2019-03-14', day(2019, 3, 14), '14/03/2019'],
    ['14 March 2019', day(2019, 3, 14), '14/03/2019'],
    ['14th Mar 2019', day(2019, 3, 14), '14/03/2019'],
    ['March 2019', month(2019, 3), '03/2019'],
    ['Sept 2020', month(2020, 9), '09/2020'],
    ['06/2018', month(2018, 6), '06/2018'],
    ['?/06/2018', month(2018, 6, true), 'c. 06/2018'],
    ['2019', year(2019), '2019'],
    ['c. 2017', year(2017, true), 'c. 2017'],
    ['circa 2017', year(2017, true), 'c. 2017'],
    ['2017?', year(2017, true), 'c. 2017'],
    ['? 14/03/2019', day(2019, 3, 14, true), 'c. 14/03/2019'],
    ['29/02/2024', day(2024, 2, 29), '29/02/2024'],
  ])('%s', (input, expected, shown) => {
    const r = parseChronoDate(input, 2026);
    expect(r).toEqual({ ok: true, date: expected });
    if (r.ok) expect(formatChronoDate(r.date)).toBe(shown);
  });

  it.each(['31/02/2024', '29/02/2023', '13/13/2019', 'yesterday', '', '14/03/1850', 'Smarch 2019', '0/2019'])('refuses %j with a reason', (input) => {
    const r = parseChronoDate(input, 2026);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason.length).toBeGreaterThan(3);
  });

  it('reads Excel serial dates, including 1904 workbooks', () => {
    expect(chronoDateFromExcelSerial(43538)).toEqual({ ok: true, date: day(2019, 3, 14) });
    expect(chronoDateFromExcelSerial(43538 - 1462, true)).toEqual({ ok: true, date: day(2019, 3, 14) });
    expect(chronoDateFromExcelSerial(-5).ok).toBe(false);
  });
});
