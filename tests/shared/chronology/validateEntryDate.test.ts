import { describe, expect, it } from 'vitest';
import { DATE_FORMAT_HINT, exactDate, validateEntryDate } from '../../../shared/chronology/index.js';

const TODAY = '2024-06-12';

describe('validateEntryDate', () => {
  it('refuses text that is not a date, with the parser’s reason', () => {
    expect(validateEntryDate('31/02/2024', TODAY)).toEqual({
      date: null,
      error: '31/02/2024 is not a real date: February 2024 has 29 days.',
      warning: null,
      beforeBirth: false,
    });
    expect(validateEntryDate('next week', TODAY).error).toBe(DATE_FORMAT_HINT);
  });

  it('accepts a past or present date without comment', () => {
    expect(validateEntryDate('12/06/2024', TODAY)).toEqual({ date: exactDate('2024-06-12'), error: null, warning: null, beforeBirth: false });
    expect(validateEntryDate('06/2024', TODAY).warning).toBeNull();
    expect(validateEntryDate('2024', TODAY).warning).toBeNull();
  });

  it('warns, without refusing, when the whole date is in the future', () => {
    const r = validateEntryDate('13/06/2024', TODAY);
    expect(r.error).toBeNull();
    expect(r.date).toEqual(exactDate('2024-06-13'));
    expect(r.warning).toBe('This date is in the future (today is 12/06/2024). Check it is right before saving.');
    expect(validateEntryDate('07/2024', TODAY).warning).not.toBeNull();
    expect(validateEntryDate('2025', TODAY).warning).not.toBeNull();
  });

  it('allows a date before the child’s birth, and says so', () => {
    const r = validateEntryDate('c. 2015', TODAY, '2019-03-14');
    expect(r).toMatchObject({ error: null, warning: null, beforeBirth: true });
    expect(validateEntryDate('13/03/2019', TODAY, '2019-03-14').beforeBirth).toBe(true);
    expect(validateEntryDate('14/03/2019', TODAY, '2019-03-14').beforeBirth).toBe(false);
    expect(validateEntryDate('03/2019', TODAY, '2019-03-14').beforeBirth).toBe(false); // the month may include the birth
    expect(validateEntryDate('13/03/2019', TODAY).beforeBirth).toBe(false); // no date of birth known
  });

  it('checks a structured date too', () => {
    expect(validateEntryDate(exactDate('2030-01-01'), TODAY).warning).not.toBeNull();
    const bad = { precision: 'day' as const, year: 2023, month: 2, day: 29, uncertainty: 'none' as const };
    expect(validateEntryDate(bad, TODAY).error).toMatch(/not valid/);
  });
});
