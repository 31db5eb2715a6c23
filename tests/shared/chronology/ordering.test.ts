import { describe, expect, it } from 'vitest';
import { compareRows, filterRows, integrate, parseChronoDate, NO_TEAM_FIELDS, blankEntry, type ChronologyEntry, type Orderable } from '../../../shared/chronology/index.js';

const d = (s: string) => { const r = parseChronoDate(s); if (!r.ok) throw new Error(s); return r.date; };
const row = (id: string, date: string, extra: Partial<Orderable> = {}): Orderable => ({ id, date: d(date), time: null, sequence: 0, agencyCode: 'POL', ...extra });

describe('chronology order', () => {
  it('sorts mixed precision consistently: vaguer dates at the start of their range, after exact ones of that day', () => {
    const rows = [
      row('y2019', '2019'),
      row('d14', '14/03/2019'),
      row('m03', '03/2019'),
      row('d01', '01/03/2019'),
      row('c2019', 'c. 2019'),
      row('d0101', '01/01/2019'),
      row('d2018', '31/12/2018'),
      row('cm03', '?/03/2019'),
    ].sort(compareRows).map((r) => r.id);
    expect(rows).toEqual(['d2018', 'd0101', 'y2019', 'c2019', 'd01', 'm03', 'cm03', 'd14']);
  });

  it('orders one day by time (none first), sequence, then agency code, then id', () => {
    const rows = [
      row('b', '14/03/2019', { time: '09:00' }),
      row('a', '14/03/2019', { time: null, sequence: 1 }),
      row('c', '14/03/2019', { time: null, sequence: 0, agencyCode: 'SCH' }),
      row('e', '14/03/2019', { time: null, sequence: 0, agencyCode: 'CSC' }),
      row('f', '14/03/2019', { time: '08:30' }),
    ].sort(compareRows).map((r) => r.id);
    expect(rows).toEqual(['e', 'c', 'a', 'f', 'b']);
  });
});

describe('integrate and filter', () => {
  const entry = (id: string, date: string, extra: Partial<ChronologyEntry> = {}): ChronologyEntry => ({ ...blankEntry(id, '2026-01-01'), date: d(date), ...extra });
  const agencies = [
    { id: 'pol', name: 'Police', shortCode: 'POL', colour: '#111111' },
    { id: 'gp', name: 'GP', shortCode: 'GP', colour: '#222222' },
  ];
  const rows = integrate(new Map([
    ['pol', [entry('p1', '05/06/2019', { event: 'Domestic incident at home', category: 'police-incident-domestic-abuse', familyContactIds: ['mum'] })]],
    ['gp', [entry('g1', '2018', { event: 'Registered with practice', comment: 'Mother attended' }), entry('g2', '01/02/2020', { event: 'Missed appointment' })]],
  ]), agencies, new Map([['g2', { ...NO_TEAM_FIELDS, keyLearning: true }]]));

  it('merges all agencies in date order with agency code and colour', () => {
    expect(rows.map((r) => [r.id, r.agencyCode, r.colour])).toEqual([['g1', 'GP', '#222222'], ['p1', 'POL', '#111111'], ['g2', 'GP', '#222222']]);
  });

  it('filters by agency, person, category, date range, key learning and text', () => {
    expect(filterRows(rows, { agencyIds: ['gp'] }).map((r) => r.id)).toEqual(['g1', 'g2']);
    expect(filterRows(rows, { personId: 'mum' }).map((r) => r.id)).toEqual(['p1']);
    expect(filterRows(rows, { categories: ['police-incident-domestic-abuse'] }).map((r) => r.id)).toEqual(['p1']);
    expect(filterRows(rows, { keyLearningOnly: true }).map((r) => r.id)).toEqual(['g2']);
    expect(filterRows(rows, { text: 'MOTHER' }).map((r) => r.id)).toEqual(['g1']);
    // A year-only date overlaps a range inside that year, so it is not hidden.
    expect(filterRows(rows, { from: '2018-06-01', to: '2019-12-31' }).map((r) => r.id)).toEqual(['g1', 'p1']);
  });
});
