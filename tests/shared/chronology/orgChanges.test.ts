import { describe, expect, it } from 'vitest';
import { compareOrgChanges, integrateOrgChanges, parseChronologyDate, sortOrgChanges, type AgencyInfo, type OrgChange } from '../../../shared/chronology/index.js';

const POL = 'agencyPolice0000001';
const CSC = 'agencyCsc000000001';
const AGENCIES: AgencyInfo[] = [
  { id: POL, name: 'Police', shortCode: 'POL', colour: '#ffdd00' },
  { id: CSC, name: 'Children’s Social Care', shortCode: 'CSC', colour: '#a6d8ff' },
];

function change(n: number, agencyId: string, date: string, text = `change ${n}`): OrgChange {
  const r = parseChronologyDate(date);
  if (!r.ok) throw new Error(r.error);
  return { id: `change${String(n).padStart(16, '0')}`, agencyId, date: r.date, change: text, impact: '' };
}

const n = (c: Pick<OrgChange, 'id'>) => Number(c.id.slice(-2));

describe('sortOrgChanges', () => {
  it('orders by the earliest day a date can mean, exact before month before year, uncertainty aside', () => {
    const list = [
      change(1, POL, '2019'),
      change(2, POL, '02/03/2019'),
      change(3, POL, '03/2019?'),
      change(4, POL, '01/03/2019'),
      change(5, POL, 'c. 2017'),
      change(6, POL, '01/01/2019'),
    ];
    // 01/01/2019 before "2019" (same first day, exact first); 01/03/2019, then "03/2019?", then 02/03/2019.
    expect(sortOrgChanges(list).map(n)).toEqual([5, 6, 1, 4, 3, 2]);
    expect(list.map(n)).toEqual([1, 2, 3, 4, 5, 6]); // the input is untouched
  });

  it('breaks ties by agency code, then by id, so every reader agrees', () => {
    const a = change(2, POL, '03/2019');
    const b = change(1, CSC, '03/2019');
    const c = change(3, POL, '03/2019');
    const codes = { [POL]: 'POL', [CSC]: 'CSC' };
    expect(sortOrgChanges([c, a, b], codes).map(n)).toEqual([1, 2, 3]);
    expect(compareOrgChanges(a, a, codes)).toBe(0);
    expect(Math.sign(compareOrgChanges(a, b, codes))).toBe(1);
  });
});

describe('integrateOrgChanges', () => {
  it('merges every agency’s changes in date order with the agency’s code, name and colour', () => {
    const rows = integrateOrgChanges(
      new Map([
        [POL, [change(1, POL, '06/2019', 'Team restructure'), change(2, POL, '2018', 'New domestic abuse policy')]],
        [CSC, [change(3, CSC, '15/04/2019', 'Caseloads rose after vacancies')]],
      ]),
      AGENCIES,
    );
    expect(rows.map((r) => [r.agencyCode, r.change])).toEqual([
      ['POL', 'New domestic abuse policy'],
      ['CSC', 'Caseloads rose after vacancies'],
      ['POL', 'Team restructure'],
    ]);
    expect(rows[1]).toMatchObject({ agencyId: CSC, agencyName: 'Children’s Social Care', colour: '#a6d8ff' });
  });

  it('takes the agency from the document a change was read from and leaves out unknown agencies', () => {
    const claimed = { ...change(1, CSC, '2019'), agencyId: CSC };
    const rows = integrateOrgChanges(
      new Map([
        [POL, [claimed]],
        ['agencyGone00000001', [change(2, POL, '2019')]],
      ]),
      AGENCIES,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ agencyId: POL, agencyCode: 'POL' });
  });
});
