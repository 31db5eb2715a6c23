import { describe, expect, it } from 'vitest';
import { blankEntry, sortEntries, type ChronologyDate, type ChronologyEntry } from '../../../shared/chronology/index.js';
import { presort } from '../../../client/src/chronology/useAgencyEntries.js';

const AGENCY = 'AAAAAAAAAAAAAAAAAAAAAA';

describe('presort', () => {
  it('gives the shared order for one agency’s rows, whatever order they come in', () => {
    const dates: ChronologyDate[] = [
      { precision: 'day', year: 2019, month: 3, day: 2, uncertainty: 'none' },
      { precision: 'month', year: 2019, month: 3, day: null, uncertainty: 'query' },
      { precision: 'day', year: 2019, month: 3, day: 1, uncertainty: 'none' },
      { precision: 'year', year: 2019, month: null, day: null, uncertainty: 'circa' },
      { precision: 'day', year: 2018, month: 12, day: 31, uncertainty: 'none' },
    ];
    const rows: ChronologyEntry[] = [];
    let n = 0;
    for (const date of dates) {
      for (const time of [null, '09:00', '14:30']) {
        for (const sequence of [2, 0, 10]) rows.push({ ...blankEntry(`id${String(n++).padStart(14, '0')}zz`, AGENCY, date), time, sequence });
      }
    }
    const shuffled = [...rows].sort((a, b) => ((a.id.charCodeAt(15) * 7 + a.id.charCodeAt(14)) % 11) - ((b.id.charCodeAt(15) * 7 + b.id.charCodeAt(14)) % 11));
    expect(presort(shuffled).map((e) => e.id)).toEqual(sortEntries(rows).map((e) => e.id));
  });
});
