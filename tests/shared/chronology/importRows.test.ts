import { describe, expect, it } from 'vitest';
import { blankPerson } from '../../../shared/people.js';
import {
  childContactCell,
  familyContactCell,
  matchHeader,
  planImport,
  parseChildContact,
  parseFamilyContact,
  dateFromExcelSerial,
  expandTwoDigitYear,
  type ImportCell,
} from '../../../shared/chronology/index.js';

const cells = (...texts: string[]): ImportCell[] => texts.map((text) => ({ text }));
const people = [
  { ...blankPerson('mum'), name: 'Kerry Thornbury', relationship: 'Mother' },
  { ...blankPerson('gran'), name: 'Janet Thornbury', relationship: 'Maternal Grandmother' },
];
const HEADER = cells(
  'Date (DD/MM/YYYY)',
  'Time',
  'Source of Information:',
  'Contact with the child/young person (state whether they were seen alone or not) and by whom:',
  'Contact with family member (state which family member) and by whom:',
  'Key Event/Action Undertaken:',
  'Comment and Analysis, including potential areas for learning:',
);

describe('header matching', () => {
  it.each([
    ['Date', 'date'],
    ['Date (DD/MM/YYYY)', 'date'],
    ['Date                 presented as (DD/MM/YYYY):', 'date'],
    ['Time', 'time'],
    ['Source of Information', 'source'],
    ['SOURCE OF INFORMATION:', 'source'],
    ['Key Event/Action Undertaken', 'event'],
    ['Key event', 'event'],
    ['Contact with the child/young person (state whether they were seen alone or not) and by whom:', 'childContact'],
    ['Contact with family member (state which family member) and by whom:', 'familyContact'],
    ['Comment and Analysis, including potential areas for learning', 'comment'],
    ['Category', 'category'],
    ['Notes to self', null],
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
  const opts = { agencyId: 'AGENCYAAAAAAAAAAAAAAAA', people, existingIds: new Set<string>(), currentYear: 2026 };

  it('reads good rows and rejects bad ones with their row numbers', () => {
    const plan = planImport(rows, opts);
    if ('error' in plan) throw new Error(plan.error);
    expect(plan.entries.map((e) => e.keyEvent)).toEqual(['New birth visit', 'Referral to CSC made']);
    expect(plan.entries[0]).toMatchObject({
      time: '09:30',
      childContact: 'seen-alone',
      childContactBy: 'Health Visitor',
      familyContactIds: ['mum'],
      familyContactBy: 'Health Visitor',
      source: 'Case notes',
    });
    expect(plan.entries[1]).toMatchObject({
      date: { precision: 'month', year: 2019, month: 3, uncertainty: 'none' },
      childContact: 'not-seen',
      familyContactIds: ['gran'],
      category: 'referral',
    });
    expect(plan.rejected).toEqual([
      { row: 5, reason: expect.stringContaining('The date "31/02/2019" could not be read.') },
      { row: 6, reason: 'The key event or action is empty.' },
      { row: 8, reason: 'The time is not a time of day as HH:MM.' },
    ]);
  });

  it('skips rows already imported, so re-importing adds nothing', () => {
    const first = planImport(rows, opts);
    if ('error' in first) throw new Error(first.error);
    const again = planImport(rows, { ...opts, existingIds: new Set(first.entries.map((e) => e.id)) });
    if ('error' in again) throw new Error(again.error);
    expect(again.entries).toEqual([]);
    expect(again.duplicates).toBe(2);
  });

  it('explains a file without a header row', () => {
    expect(planImport([cells('a', 'b')], opts)).toEqual({ error: expect.stringContaining('No header row') });
  });

  it('reads every date form agencies write, including Excel serials and two-digit years', () => {
    const forms = ['14/03/2019', '4/3/19', '2019-03-14', 'March 2019', '2019', '?/06/2018', 'c. 2017'];
    const plan = planImport(
      [
        HEADER,
        ...forms.map((f, i) => cells(f, '', 's', '', '', `Event ${i}`, '')),
        [{ text: '43538', dateSerial: 43538 }, { text: '' }, { text: '' }, { text: '' }, { text: '' }, { text: 'Serial' }, { text: '' }],
      ],
      opts,
    );
    if ('error' in plan) throw new Error(plan.error);
    expect(plan.rejected).toEqual([]);
    expect(plan.entries.map((e) => [e.date.precision, e.date.year, e.date.month, e.date.day, e.date.uncertainty])).toEqual([
      ['day', 2019, 3, 14, 'none'],
      ['day', 2019, 3, 4, 'none'],
      ['day', 2019, 3, 14, 'none'],
      ['month', 2019, 3, null, 'none'],
      ['year', 2019, null, null, 'none'],
      ['month', 2018, 6, null, 'query'],
      ['year', 2017, null, null, 'circa'],
      ['day', 2019, 3, 14, 'none'],
    ]);
    expect(dateFromExcelSerial(-1)).toBeNull();
    expect(expandTwoDigitYear('4/3/98', 2026)).toBe('4/3/1998');
  });

  it('reads contact with the child', () => {
    expect(parseChildContact('Seen, not alone, by school nurse')).toEqual({ contact: 'seen', by: 'school nurse' });
    expect(parseChildContact('')).toEqual({ contact: 'none', by: '' });
  });
});

describe('import fidelity: every word of a contact cell is kept', () => {
  const register = [
    { ...blankPerson('mum'), name: 'Kerry Thornbury', relationship: 'Mother' },
    { ...blankPerson('gran'), name: 'Janet Thornbury', relationship: 'Maternal Grandmother' },
  ];
  it.each([
    ['Y', 'seen', ''],
    ['y', 'seen', ''],
    ['Yes', 'seen', ''],
    ['N', 'none', ''],
    ['No', 'none', ''],
    ['Seen', 'seen', ''],
    ['Not seen', 'not-seen', ''],
    ['seen alone', 'seen-alone', ''],
    ['Seen alone.', 'seen-alone', ''],
    ['Seen alone by Health Visitor', 'seen-alone', 'Health Visitor'],
    ['Not seen by SW (duty)', 'not-seen', 'SW (duty)'],
    ['No contact by Social worker', 'none', 'Social worker'],
    ['Y – HV at home', 'seen', 'HV at home'],
    ['Yes, by PC 123 on response', 'seen', 'PC 123 on response'],
    ['Seen, not alone, by school nurse', 'seen', 'school nurse'],
    ['Child present at visit with HV', 'seen', 'Child present at visit with HV'],
    ['Spoke to child alone at school', 'seen-alone', 'Spoke to child alone at school'],
  ])('child contact %j -> %s, by %j', (cell, contact, by) => {
    expect(parseChildContact(cell)).toEqual({ contact, by });
  });

  it.each([
    ['Mother – PC on response', ['mum'], 'Mother – PC on response'],
    ['Mother by Health Visitor', ['mum'], 'Health Visitor'],
    ['Kerry Thornbury, Janet Thornbury by Health visitor', ['mum', 'gran'], 'Health visitor'],
    ['Mother and Gran by SW', ['mum'], 'Mother and Gran by SW'],
    ['Telephone call from maternal aunt', [], 'Telephone call from maternal aunt'],
    ['by Health visitor', [], 'Health visitor'],
    ['Janet', ['gran'], ''],
    ['', [], ''],
  ])('family contact %j keeps every word', (cell, ids, by) => {
    expect(parseFamilyContact(cell, register)).toEqual({ ids, by });
  });

  it('writes the contact cells back exactly as it reads them', () => {
    for (const [contact, by] of [
      ['seen', ''],
      ['seen-alone', 'Health visitor'],
      ['none', 'Social worker'],
      ['not-seen', 'SW (duty)'],
      ['none', ''],
    ] as const) {
      expect(parseChildContact(childContactCell(contact, by))).toEqual({ contact, by });
    }
    for (const [names, by] of [
      [['Kerry Thornbury'], 'Health visitor'],
      [['Kerry Thornbury', 'Janet Thornbury'], ''],
      [[], 'Mother – PC on response'],
      [['Janet Thornbury'], 'Mother – PC on response'],
    ] as const) {
      const parsed = parseFamilyContact(familyContactCell(names, by), register);
      expect(
        familyContactCell(
          parsed.ids.map((id) => register.find((p) => p.id === id)!.name),
          parsed.by,
        ),
      ).toBe(familyContactCell(names, by));
    }
  });

  it('keeps unknown columns under their own header in Other information, and reports them', () => {
    const rows = [
      cells('Date', 'Key event', 'Worker notes', 'Agency', 'Other information', 'Category', 'Key practice learning event'),
      cells('14/03/2019', 'Home visit', 'Door not answered twice', 'ICB', 'Interpreter booked', 'Not a category', 'Yes'),
      cells('15/03/2019', 'Call', '', 'POL', '', 'Referral', ''),
    ];
    const plan = planImport(rows, { agencyId: 'AGENCYAAAAAAAAAAAAAAAA', agencyCode: 'POL', people: register, existingIds: new Set(), currentYear: 2026 });
    if ('error' in plan) throw new Error(plan.error);
    expect(plan.unknownColumns).toEqual(['Worker notes']);
    expect(plan.entries[0]!.otherInfo).toBe('Interpreter booked\nAgency: ICB\nKey practice learning event: Yes\nCategory: Not a category\nWorker notes: Door not answered twice');
    expect(plan.entries[1]).toMatchObject({ otherInfo: '', category: 'referral' });
  });

  it('rejects, rather than cuts, a row with more text than a row holds', () => {
    const rows = [cells('Date', 'Key event', 'Source'), cells('14/03/2019', 'Visit', 'x'.repeat(201))];
    const plan = planImport(rows, { agencyId: 'AGENCYAAAAAAAAAAAAAAAA', people: register, existingIds: new Set(), currentYear: 2026 });
    if ('error' in plan) throw new Error(plan.error);
    expect(plan.entries).toEqual([]);
    expect(plan.rejected).toEqual([{ row: 2, reason: expect.stringContaining('more text than a chronology row can keep') }]);
  });
});
