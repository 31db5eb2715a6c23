import { describe, expect, it } from 'vitest';
import { DEMO_REFERRAL, demoMonthOffset, shiftChronologyDate, shiftIso } from '../../../server/commands/demoClock.js';

describe('the demo clock', () => {
  it('puts the referral a few days to about a month before today, whatever today is', () => {
    for (const today of ['2026-11-20', '2027-01-05', '2027-06-12', '2028-02-29', '2026-11-10']) {
      const referral = shiftIso(DEMO_REFERRAL, demoMonthOffset(today));
      const days = (Date.parse(today) - Date.parse(referral)) / 86_400_000;
      expect(days, `${today} -> ${referral}`).toBeGreaterThanOrEqual(3);
      expect(days, `${today} -> ${referral}`).toBeLessThanOrEqual(34);
    }
  });

  it('moves dates by whole months, keeping days (clamped to short months) and precision', () => {
    expect(shiftIso('2019-03-14', 14)).toBe('2020-05-14');
    expect(shiftIso('2026-01-31', 1)).toBe('2026-02-28');
    expect(shiftIso('2026-11-09', -11)).toBe('2025-12-09');
    expect(shiftChronologyDate({ precision: 'month', year: 2024, month: 9, day: null, uncertainty: 'none' }, 5)).toEqual({
      precision: 'month',
      year: 2025,
      month: 2,
      day: null,
      uncertainty: 'none',
    });
    expect(shiftChronologyDate({ precision: 'year', year: 2020, month: null, day: null, uncertainty: 'circa' }, 7).year).toBe(2021);
    expect(shiftChronologyDate({ precision: 'day', year: 2021, month: 2, day: 18, uncertainty: 'none' }, 12)).toEqual({
      precision: 'day',
      year: 2022,
      month: 2,
      day: 18,
      uncertainty: 'none',
    });
  });
});
