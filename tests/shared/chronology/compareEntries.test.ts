import { describe, expect, it } from 'vitest';
import { compareChronologyDates, compareEntries, parseChronologyDate, sortEntries, type SortableEntry } from '../../../shared/chronology/index.js';

const AG_POL = 'agencyPolice0000001';
const AG_CSC = 'agencyCsc000000001';
const AG_GP = 'agencyGp0000000001';
const CODES = { [AG_POL]: 'POL', [AG_CSC]: 'csc', [AG_GP]: 'GP' };

function d(text: string) {
  const r = parseChronologyDate(text);
  if (!r.ok) throw new Error(`${text}: ${r.error}`);
  return r.date;
}

function row(id: string, date: string, extra: Partial<SortableEntry> = {}): SortableEntry {
  return { id, agencyId: AG_POL, date: d(date), time: null, sequence: 0, ...extra };
}

const ids = (rows: SortableEntry[]) => sortEntries(rows, CODES).map((r) => r.id);

describe('compareEntries', () => {
  it('orders mixed precision by the first day a date can mean, exact before month before year on that day', () => {
    const rows = [
      row('y2019', '2019'),
      row('d14-03', '14/03/2019'),
      row('m03', '03/2019'),
      row('d01-03', '01/03/2019'),
      row('d02-03', '02/03/2019'),
      row('d01-01', '01/01/2019'),
      row('m01', '01/2019'),
      row('d31-12', '31/12/2018'),
      row('m02', '02/2019'),
      row('y2020', '2020'),
    ];
    expect(ids(rows)).toEqual(['d31-12', 'd01-01', 'm01', 'y2019', 'm02', 'd01-03', 'm03', 'd02-03', 'd14-03', 'y2020']);
  });

  it('does not move a date for an uncertainty mark; later keys decide between equal dates', () => {
    const rows = [row('b-circa', 'c. 2019'), row('a-plain', '2019'), row('c-query', '2019?'), row('x', '01/01/2019')];
    expect(ids(rows)).toEqual(['x', 'a-plain', 'b-circa', 'c-query']);
    expect(compareChronologyDates(d('c. 03/2019'), d('03/2019'))).toBe(0);
  });

  it('orders one day by time (no time first), then sequence, then agency short code, then id', () => {
    const rows = [
      row('t0900', '14/03/2019', { time: '09:00' }),
      row('seq1', '14/03/2019', { sequence: 1 }),
      row('gp', '14/03/2019', { agencyId: AG_GP }),
      row('csc', '14/03/2019', { agencyId: AG_CSC }),
      row('t0830', '14/03/2019', { time: '08:30' }),
      row('pol-b', '14/03/2019'),
      row('pol-a', '14/03/2019'),
      row('t0830-seq2', '14/03/2019', { time: '08:30', sequence: 2 }),
    ];
    // CSC < GP < POL (short codes compared upper-cased), sequence before agency, time before sequence.
    expect(ids(rows)).toEqual(['csc', 'gp', 'pol-a', 'pol-b', 'seq1', 't0830', 't0830-seq2', 't0900']);
  });

  it('falls back to the agency id when no short code is known, and between agencies sharing a code', () => {
    const a = row('same', '14/03/2019', { agencyId: 'agencyB00000000001' });
    const b = row('same', '14/03/2019', { agencyId: 'agencyA00000000001' });
    expect(compareEntries(a, b)).toBeGreaterThan(0);
    expect(compareEntries(a, b, { agencyB00000000001: 'X', agencyA00000000001: 'X' })).toBeGreaterThan(0);
    expect(compareEntries(a, b, { agencyB00000000001: 'A', agencyA00000000001: 'B' })).toBeLessThan(0);
  });

  it('is a total order that does not depend on arrival order', () => {
    const dates = ['2019', 'c. 2019', '03/2019', '?/03/2019', '01/03/2019', '14/03/2019', '14/03/2019?', '2018'];
    const rows: SortableEntry[] = [];
    let n = 0;
    for (const date of dates) {
      for (const time of [null, '09:00']) {
        for (const agencyId of [AG_POL, AG_GP]) rows.push(row(`r${String(n++).padStart(3, '0')}`, date, { time, agencyId, sequence: n % 2 }));
      }
    }
    const expected = ids(rows);
    let seed = 42;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let k = 0; k < 20; k++) {
      const shuffled = [...rows].sort(() => rand() - 0.5);
      expect(ids(shuffled)).toEqual(expected);
    }
    for (const a of rows) {
      expect(compareEntries(a, a, CODES)).toBe(0);
      for (const b of rows) {
        if (a !== b) {
          expect(compareEntries(a, b, CODES)).not.toBe(0);
          expect(Math.sign(compareEntries(a, b, CODES))).toBe(-Math.sign(compareEntries(b, a, CODES)));
        }
      }
    }
  });

  it('sortEntries returns a copy and leaves its input alone', () => {
    const rows = [row('b', '2020'), row('a', '2019')];
    const sorted = sortEntries(rows);
    expect(sorted.map((r) => r.id)).toEqual(['a', 'b']);
    expect(rows.map((r) => r.id)).toEqual(['b', 'a']);
  });
});
