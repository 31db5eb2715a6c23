import { describe, expect, it } from 'vitest';
import { MAX_TEXT_CHARS } from '../../../shared/limits.js';
import { exactDate, type OrgChange } from '../../../shared/chronology/index.js';
import { BLANK_ORG_CHANGE_FORM, formToOrgChange, orgChangeToForm } from '../../../client/src/chronology/orgChangeForm.js';

const ID = 'change000000000000001';
const AGENCY = 'agencyPolice0000001';
const TODAY = '2026-05-01';
const check = (over: Partial<typeof BLANK_ORG_CHANGE_FORM>) => formToOrgChange(ID, AGENCY, { ...BLANK_ORG_CHANGE_FORM, ...over }, TODAY);

describe('formToOrgChange', () => {
  it('reads every date form key events accept, with its precision and uncertainty', () => {
    expect(check({ date: '12/03/2019', change: 'Restructure' }).change?.date).toEqual(exactDate('2019-03-12'));
    expect(check({ date: '04/2019', change: 'x' }).change?.date).toMatchObject({ precision: 'month', year: 2019, month: 4, uncertainty: 'none' });
    expect(check({ date: 'c. 2017', change: 'x' }).change?.date).toMatchObject({ precision: 'year', year: 2017, uncertainty: 'circa' });
    expect(check({ date: '?/06/2018', change: 'x' }).change?.date).toMatchObject({ precision: 'month', month: 6, uncertainty: 'query' });
    expect(check({ date: 'March 2019', change: 'x' }).change?.date).toMatchObject({ precision: 'month', month: 3 });
  });

  it('builds a change with trimmed text, owned by the given agency', () => {
    const r = check({ date: '2019', change: '  New duty team  ', impact: ' Referrals triaged faster \n' });
    expect(r).toEqual({
      errors: {},
      warning: null,
      change: {
        id: ID,
        agencyId: AGENCY,
        date: { precision: 'year', year: 2019, month: null, day: null, uncertainty: 'none' },
        change: 'New duty team',
        impact: 'Referrals triaged faster',
      },
    });
  });

  it('refuses an unreadable date and a missing change, with messages for each field', () => {
    const r = check({ date: '31/02/2019', change: '   ' });
    expect(r.change).toBeNull();
    expect(r.errors.date).toMatch(/not a real date/);
    expect(r.errors.change).toBe('Describe the organisational change');
    expect(check({ date: '', change: 'x' }).errors.date).toMatch(/^Enter a date/);
    expect(check({ date: '19', change: 'x' }).errors.date).toMatch(/year in full/);
  });

  it('leaves the impact optional but caps both texts', () => {
    expect(check({ date: '2019', change: 'x', impact: '' }).change?.impact).toBe('');
    const long = 'y'.repeat(MAX_TEXT_CHARS + 1);
    expect(check({ date: '2019', change: long }).errors.change).toMatch(/characters or fewer/);
    expect(check({ date: '2019', change: 'x', impact: long }).errors.impact).toMatch(/characters or fewer/);
  });

  it('warns about a future date but still builds the change', () => {
    const r = check({ date: '01/2027', change: 'Planned merger of teams' });
    expect(r.warning).toMatch(/in the future \(today is 01\/05\/2026\)/);
    expect(r.change?.change).toBe('Planned merger of teams');
    // The current month is not the future.
    expect(check({ date: '05/2026', change: 'x' }).warning).toBeNull();
  });
});

describe('orgChangeToForm', () => {
  it('writes the date as it is shown, which reads back to the same change', () => {
    const stored: OrgChange = {
      id: ID,
      agencyId: AGENCY,
      date: { precision: 'month', year: 2018, month: 6, day: null, uncertainty: 'query' },
      change: 'Vacancies',
      impact: 'Fewer visits',
    };
    const form = orgChangeToForm(stored);
    expect(form).toEqual({ date: '06/2018?', change: 'Vacancies', impact: 'Fewer visits' });
    expect(formToOrgChange(ID, AGENCY, form, TODAY).change).toEqual(stored);
  });
});
