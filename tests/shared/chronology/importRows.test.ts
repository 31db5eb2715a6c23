import { describe, expect, it } from 'vitest';
import { blankPerson } from '../../../shared/people.js';
import { matchHeader, planImport, parseChildContact, type ImportCell } from '../../../shared/chronology/index.js';

const cells = (...texts: string[]): ImportCell[] => texts.map((text) => ({ text }));
const people = [{ ...blankPerson('mum'), name: 'Kerry Thornbury', relationship: 'Mother' }, { ...blankPerson('gran'), name: 'Janet Thornbury', relationship: 'Maternal Grandmother' }];
const HEADER = cells('Date (DD/MM/YYYY)', 'Time', 'Source of Information:', 'Contact with the child/young person (state whether they were seen alone or not) and by whom:',
  'Contact with family member (state which family member) and by whom:', 'Key Event/Action Undertaken:', 'Comment and Analysis, including potential areas for learning:');

describe('header matching', () => {
  it.each([
    ['Date', 'date'], ['Date (DD/MM/YYYY)', 'date'], ['Date                 presented as (DD/MM/YYYY):', 'date'], ['Time', 'time'],
    ['Source of Information', 'source'], ['SOURCE OF INFORMATION:', 'source'], ['Key Event/Action Undertaken', 'event'], ['Key event', 'event'],
    ['Contact with the child/young person (state whether they were seen alone or not) and by whom:', 'childContact'],
    ['Contact with family member (state which family member) and by whom:', 'familyContact'],
    ['Comment and Analysis, including potential areas for learning', 'comment'], ['Category', 'category'], ['Notes to self', null],
  ])('%s -> %s', (h, f) => expect(matchHeader(h)).toBe(f));
});

describe('planImport', () => {
  const rows = [
    cells('Key Events Chronology', '', '', '', '', '', ''),
    HEADER,
    cells('14/03/2019', '09:30', 'Case notes', 'Seen alone by Health Visitor', 'Mother by Health Visitor', 'New birth visit', 'Good practice'),
    cells('March 2019', '', 'GP record', 'Not seen', 'Janet', 'Referral to CSC made', ''),
    cells('31/02/2019', '', 'x', '', '', 'Bad date row', ''),
    cells('2019', '', 'x', '', '', '', ''),
    cells('', '', '', '', '', '', ''),
    cells('c. 2017', '25:00', 'x', '', '', 'Bad time row', ''),
  ];
  const opts = { agencyId: 'AGENCYAAAAAAAAAAAAAAAA', people, existingKeys: new Set<string>(), pivotYear: 2026 };

  it('reads good rows and rejects bad ones with their row numbers', () => {
    const plan = planImport(rows, opts);
    if ('error' in plan) throw new Error(plan.error);
    expect(plan.entries.map((e) => e.event)).toEqual(['New birth visit', 'Referral to CSC made']);
    expect(plan.entries[0]).toMatchObject({ time: '09:30', childContact: 'seen-alone', childContactBy: 'Health Visitor', familyContactIds: ['mum'], familyContactBy: 'Health Visitor', source: 'Case notes' });
    expect(plan.entries[1]).toMatchObject({ date: { precision: 'month', year: 2019, month: 3 }, childContact: 'not-seen', familyContactIds: ['gran'], category: 'referral' });
    expect(plan.rejected).toEqual([
      { row: 5, reason: 'The date is not a real calendar date.' },
      { row: 6, reason: 'The key event or action is empty.' },
      { row: 8, reason: 'The time is not a time of day as HH:MM.' },
    ]);
  });

  it('skips rows already imported, so re-importing adds nothing', () => {
    const first = planImport(rows, opts);
    if ('error' in first) throw new Error(first.error);
    const again = planImport(rows, { ...opts, existingKeys: new Set(first.entries.map((e) => e.importKey!)) });
    if ('error' in again) throw new Error(again.error);
    expect(again.entries).toEqual([]);
    expect(again.duplicates).toBe(2);
  });

  it('explains a file without a header row', () => {
    expect(planImport([cells('a', 'b')], opts)).toEqual({ error: expect.stringContaining('No header row') });
  });

  it('reads contact with the child', () => {
    expect(parseChildContact('Seen, not alone, by school nurse')).toEqual({ contact: 'seen', by: 'school nurse' });
    expect(parseChildContact('')).toEqual({ contact: 'none', by: '' });
  });
});
