import { describe, expect, it } from 'vitest';
import { ChronologyFilterSchema, MAX_FILTER_TEXT_CHARS } from '../../../shared/chronology/index.js';
import { EMPTY_FILTER_FORM, choiceSummary, formToFilter, formToSearch, isFiltering, searchToForm, type FilterForm } from '../../../client/src/chronology/filterForm.js';

const A = 'AAAAAAAAAAAAAAAAAAAAAA';
const B = 'BBBBBBBBBBBBBBBBBBBBBB';
const form = (over: Partial<FilterForm>): FilterForm => ({ ...EMPTY_FILTER_FORM, ...over });

describe('formToFilter', () => {
  it('gives an empty filter, which shows everything, for a blank form', () => {
    expect(formToFilter(EMPTY_FILTER_FORM)).toEqual({ filter: {}, errors: {} });
    expect(isFiltering(EMPTY_FILTER_FORM)).toBe(false);
  });

  it('reads every part, with DD/MM/YYYY dates as ISO, and the result passes the shared schema', () => {
    const { filter, errors } = formToFilter(
      form({
        agencyIds: [A, B],
        personIds: ['p-mum'],
        categories: ['referral', 'house-move'],
        from: '1/3/2019',
        to: '31/03/2019',
        keyLearning: 'yes',
        text: '  home visit ',
      }),
    );
    expect(errors).toEqual({});
    expect(filter).toEqual({
      agencyIds: [A, B],
      personIds: ['p-mum'],
      categories: ['referral', 'house-move'],
      from: '2019-03-01',
      to: '2019-03-31',
      keyLearning: true,
      text: 'home visit',
    });
    expect(ChronologyFilterSchema.safeParse(filter).success).toBe(true);
  });

  it('reads "only rows not marked" as keyLearning false', () => {
    expect(formToFilter(form({ keyLearning: 'no' })).filter).toEqual({ keyLearning: false });
  });

  it('explains a date it cannot read and leaves it out of the filter', () => {
    const { filter, errors } = formToFilter(form({ from: '31/02/2019', to: 'soon', text: 'x' }));
    expect(errors.from).toMatch(/real date, DD\/MM\/YYYY/);
    expect(errors.to).toMatch(/real date/);
    expect(filter).toEqual({ text: 'x' });
  });

  it('refuses a range that ends before it starts, keeping the start', () => {
    const { filter, errors } = formToFilter(form({ from: '01/04/2019', to: '01/03/2019' }));
    expect(errors.to).toMatch(/same as or after the start/);
    expect(filter).toEqual({ from: '2019-04-01' });
  });

  it('drops a part the shared schema refuses (a mangled id), keeping the rest', () => {
    expect(formToFilter(form({ agencyIds: ['not an id'], text: 'visit' })).filter).toEqual({ text: 'visit' });
  });

  it('caps the words at the schema limit', () => {
    expect(formToFilter(form({ text: 'x'.repeat(MAX_FILTER_TEXT_CHARS + 50) })).filter.text).toHaveLength(MAX_FILTER_TEXT_CHARS);
  });
});

describe('the address bar', () => {
  it('round-trips a form and view through the query string', () => {
    const f = form({ agencyIds: [A, B], personIds: ['p-mum'], categories: ['referral'], from: '01/03/2019', to: '31/03/2019', keyLearning: 'no', text: 'home visit' });
    const search = formToSearch(f, 'timeline');
    expect(search).toBe(`?agency=${A}&agency=${B}&person=p-mum&category=referral&from=2019-03-01&to=2019-03-31&keyLearning=no&q=home+visit&view=timeline`);
    expect(searchToForm(search)).toEqual({ form: f, view: 'timeline' });
  });

  it('is empty for a blank form in the table view', () => {
    expect(formToSearch(EMPTY_FILTER_FORM, 'table')).toBe('');
    expect(searchToForm('')).toEqual({ form: EMPTY_FILTER_FORM, view: 'table' });
  });

  it('keeps only dates that can be read, written as typed dates again', () => {
    expect(formToSearch(form({ from: '1/3/2019', to: 'not yet' }), 'table')).toBe('?from=2019-03-01');
    expect(searchToForm('?from=2019-03-01').form.from).toBe('01/03/2019');
  });

  it('ignores anything unknown or malformed in a pasted link', () => {
    const { form: f, view } = searchToForm(
      '?agency=../../etc&agency=' + A + '&agency=' + A + '&category=arson&category=referral&from=2019-02-31&to=31/03/2019&keyLearning=maybe&view=gallery&extra=1',
    );
    expect(f).toEqual(form({ agencyIds: [A], categories: ['referral'] }));
    expect(view).toBe('table');
  });
});

describe('choiceSummary', () => {
  it('says "any" for no choice, the label for one, and a count for several', () => {
    expect(choiceSummary([], 'Anyone', 'people')).toBe('Anyone');
    expect(choiceSummary(['Kerry (Mother)'], 'Anyone', 'people')).toBe('Kerry (Mother)');
    expect(choiceSummary(['Referral', 'Assessment', 'House move'], 'Any category', 'categories')).toBe('3 categories');
  });
});

describe('several people and categories', () => {
  it('keeps every chosen person and category in the filter and in the address bar, and reads them back', () => {
    const f = form({ personIds: ['p-mum', 'p-dad', 'p-child'], categories: ['referral', 'assessment'] });
    expect(formToFilter(f).filter).toEqual({ personIds: ['p-mum', 'p-dad', 'p-child'], categories: ['referral', 'assessment'] });
    const search = formToSearch(f, 'table');
    expect(search).toBe('?person=p-mum&person=p-dad&person=p-child&category=referral&category=assessment');
    expect(searchToForm(search).form).toEqual(f);
  });
});
