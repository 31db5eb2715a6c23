import type { IntegratedRow } from '../../../shared/chronology/index.js';
import type { Person } from '../../../shared/people.js';
import { categoryText, childContactText, familyContactText } from './rowDisplay.js';

/** A column the integrated chronology can be sorted by. */
export type SortKey = 'date' | 'agency' | 'category' | 'keyEvent' | 'comment' | 'contact' | 'source' | 'team';
/** Which way a column is sorted. */
export type SortDirection = 'ascending' | 'descending';
/** The table's sort: a column and a direction. Date ascending is the integrated order. */
export type RowSort = { key: SortKey; direction: SortDirection };

/** The integrated order: by date, then each agency's order within the day. */
export const DEFAULT_SORT: RowSort = { key: 'date', direction: 'ascending' };

/** The columns in table order, with their headings and sort keys. */
export const SORTABLE_COLUMNS: readonly { key: SortKey; heading: string }[] = [
  { key: 'date', heading: 'Date' },
  { key: 'agency', heading: 'Agency' },
  { key: 'category', heading: 'Category' },
  { key: 'keyEvent', heading: 'Key event or action' },
  { key: 'comment', heading: 'Comment and analysis' },
  { key: 'contact', heading: 'Contact with child and family' },
  { key: 'source', heading: 'Source of information' },
  { key: 'team', heading: 'Review team' },
];

const collator = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });

/** The text a row is sorted by in a column (key learning first in the review team column). */
function sortText(row: IntegratedRow, key: Exclude<SortKey, 'date'>, people: ReadonlyMap<string, Person>): string {
  switch (key) {
    case 'agency':
      return row.agencyCode;
    case 'category':
      return categoryText(row);
    case 'keyEvent':
      return row.keyEvent;
    case 'comment':
      return row.comment;
    case 'contact':
      return `${childContactText(row)} ${familyContactText(row, people)}`;
    case 'source':
      return row.source;
    case 'team':
      return `${row.team.keyLearning ? '0' : '1'} ${row.team.note}`;
  }
}

/**
 * The rows in the chosen order. Rows arrive in the integrated (date) order; any other column sorts
 * by its text as shown (en-GB collation, numbers by value), keeping date order among equal values,
 * and blank cells last whichever way the column is sorted.
 */
export function sortRows(rows: readonly IntegratedRow[], sort: RowSort, people: ReadonlyMap<string, Person>): IntegratedRow[] {
  if (sort.key === 'date') return sort.direction === 'ascending' ? [...rows] : [...rows].reverse();
  const key = sort.key;
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const keyed = rows.map((row, index) => ({ row, index, text: sortText(row, key, people).trim() }));
  keyed.sort((a, b) => {
    if (!a.text || !b.text) return (a.text ? -1 : b.text ? 1 : 0) || a.index - b.index;
    return sign * collator.compare(a.text, b.text) || a.index - b.index;
  });
  return keyed.map((k) => k.row);
}

/** The sort after pressing a column's heading: a new column sorts ascending; the same column flips. */
export function nextSort(current: RowSort, key: SortKey): RowSort {
  if (current.key !== key) return { key, direction: 'ascending' };
  return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
}
