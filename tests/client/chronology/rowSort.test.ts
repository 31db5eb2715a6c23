import { describe, expect, it } from 'vitest';
import { blankEntry, blankTeamFields, type IntegratedRow } from '../../../shared/chronology/index.js';
import { DEFAULT_SORT, nextSort, sortRows } from '../../../client/src/chronology/rowSort.js';

const row = (id: string, over: Partial<IntegratedRow>): IntegratedRow => ({
  ...blankEntry(id.padEnd(16, 'x'), 'a'.repeat(16), { precision: 'year', year: 2020, month: null, day: null, uncertainty: 'none' }),
  agencyCode: 'POL',
  agencyName: 'Police',
  colour: '#ffffff',
  team: blankTeamFields(),
  ...over,
});

describe('sortRows', () => {
  const rows = [
    row('r1', { agencyCode: 'SCH', keyEvent: 'visit 10', source: '' }),
    row('r2', { agencyCode: 'ASC', keyEvent: 'Visit 9', source: 'Case notes', team: { ...blankTeamFields(), keyLearning: true } }),
    row('r3', { agencyCode: 'POL', keyEvent: 'arrest', source: 'PNC' }),
  ];
  const ids = (list: IntegratedRow[]) => list.map((r) => r.id.slice(0, 2));
  const people = new Map();

  it('keeps the integrated order for date ascending and reverses it for descending', () => {
    expect(ids(sortRows(rows, DEFAULT_SORT, people))).toEqual(['r1', 'r2', 'r3']);
    expect(ids(sortRows(rows, { key: 'date', direction: 'descending' }, people))).toEqual(['r3', 'r2', 'r1']);
  });

  it('sorts any column by its text as shown, numbers by value, case ignored', () => {
    expect(ids(sortRows(rows, { key: 'agency', direction: 'ascending' }, people))).toEqual(['r2', 'r3', 'r1']);
    expect(ids(sortRows(rows, { key: 'keyEvent', direction: 'ascending' }, people))).toEqual(['r3', 'r2', 'r1']);
    expect(ids(sortRows(rows, { key: 'keyEvent', direction: 'descending' }, people))).toEqual(['r1', 'r2', 'r3']);
  });

  it('puts blank cells last either way, and key learning first in the review team column', () => {
    expect(ids(sortRows(rows, { key: 'source', direction: 'ascending' }, people))).toEqual(['r2', 'r3', 'r1']);
    expect(ids(sortRows(rows, { key: 'source', direction: 'descending' }, people))).toEqual(['r3', 'r2', 'r1']);
    expect(ids(sortRows(rows, { key: 'team', direction: 'ascending' }, people))[0]).toBe('r2');
  });

  it('flips the direction when the same heading is pressed again', () => {
    expect(nextSort(DEFAULT_SORT, 'date')).toEqual({ key: 'date', direction: 'descending' });
    expect(nextSort({ key: 'date', direction: 'descending' }, 'source')).toEqual({ key: 'source', direction: 'ascending' });
  });
});
