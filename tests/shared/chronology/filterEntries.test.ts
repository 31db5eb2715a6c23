import { describe, expect, it } from 'vitest';
import { ChronologyFilterSchema, blankEntry, filterEntries, parseChronologyDate, type ChronologyEntry, type TeamFields } from '../../../shared/chronology/index.js';

const POL = 'agencyPolice0000001';
const CSC = 'agencyCsc000000001';
const GP = 'agencyGp0000000001';

function e(n: number, agencyId: string, date: string, over: Partial<ChronologyEntry> = {}): ChronologyEntry {
  const r = parseChronologyDate(date);
  if (!r.ok) throw new Error(r.error);
  return { ...blankEntry(`entry${String(n).padStart(16, '0')}`, agencyId, r.date), ...over };
}

const ENTRIES = [
  e(1, POL, '14/03/2019', { category: 'police-incident', keyEvent: 'Call-out to domestic abuse at the home', familyContactIds: ['mum', 'pom'] }),
  e(2, CSC, '03/2019', { category: 'referral', keyEvent: 'Referral received from police', comment: 'Mother’s account not checked' }),
  e(3, GP, '2019', { category: 'other', keyEvent: 'Registered with practice', source: 'GP record' }),
  e(4, CSC, '02/04/2019', { category: 'strategy-discussion', keyEvent: 'Strategy discussion', familyContactIds: ['mum'] }),
  e(5, GP, 'c. 2017', { category: 'birth-or-death', keyEvent: 'Sibling born' }),
  e(6, POL, '01/01/2020', { category: 'missing-episode', keyEvent: 'Child reported missing', childContactBy: 'PC on patrol' }),
];

const TEAM = new Map<string, TeamFields>([
  [ENTRIES[0]!.id, { keyLearning: true, phaseId: 'p1', note: 'Escalation not considered' }],
  [ENTRIES[3]!.id, { keyLearning: true, phaseId: 'p2', note: '' }],
  [ENTRIES[4]!.id, { keyLearning: false, phaseId: null, note: 'check date' }],
]);

const run = (filter: Parameters<typeof filterEntries>[2]) => filterEntries(ENTRIES, TEAM, filter).map((x) => Number(x.id.slice(-2)));

describe('filterEntries', () => {
  it('keeps every row, in input order, for an empty filter or empty lists', () => {
    expect(run({})).toEqual([1, 2, 3, 4, 5, 6]);
    expect(run({ agencyIds: [], personIds: [], categories: [], text: '   ' })).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('filters by agency, person and category', () => {
    expect(run({ agencyIds: [POL, GP] })).toEqual([1, 3, 5, 6]);
    expect(run({ personIds: ['pom'] })).toEqual([1]);
    expect(run({ personIds: ['mum', 'nobody'] })).toEqual([1, 4]);
    expect(run({ categories: ['referral', 'strategy-discussion'] })).toEqual([2, 4]);
  });

  it('filters by key-learning flag, treating rows without team fields as not flagged', () => {
    expect(run({ keyLearning: true })).toEqual([1, 4]);
    expect(run({ keyLearning: false })).toEqual([2, 3, 5, 6]);
  });

  it('keeps imprecise rows whose range overlaps the date range', () => {
    expect(run({ from: '2019-03-10', to: '2019-03-31' })).toEqual([1, 2, 3]);
    expect(run({ from: '2019-04-01' })).toEqual([3, 4, 6]);
    expect(run({ to: '2018-12-31' })).toEqual([5]);
    expect(run({ from: '2017-06-01', to: '2017-06-30' })).toEqual([5]);
  });

  it('matches free text case-insensitively across fields, apostrophes folded, every word required', () => {
    expect(run({ text: 'DOMESTIC abuse' })).toEqual([1]);
    expect(run({ text: "mother's" })).toEqual([2]);
    expect(run({ text: 'police' })).toEqual([1, 2]); // the category label counts as text
    expect(run({ text: 'gp record' })).toEqual([3]);
    expect(run({ text: 'escalation' })).toEqual([1]); // the review-team note
    expect(run({ text: 'pc patrol' })).toEqual([6]);
    expect(run({ text: 'c. 2017' })).toEqual([5]); // the date as shown
    expect(run({ text: 'referral missing' })).toEqual([]);
  });

  it('combines every part with AND', () => {
    expect(run({ agencyIds: [CSC], keyLearning: true, text: 'strategy', from: '2019-01-01' })).toEqual([4]);
    expect(run({ agencyIds: [CSC], personIds: ['pom'] })).toEqual([]);
  });

  it('matches any of several people and any of several categories, and both lists together', () => {
    expect(run({ personIds: ['pom', 'mum'] })).toEqual([1, 4]);
    expect(run({ categories: ['police-incident', 'missing-episode', 'birth-or-death'] })).toEqual([1, 5, 6]);
    // Any chosen person AND any chosen category.
    expect(run({ personIds: ['mum', 'pom'], categories: ['strategy-discussion', 'referral'] })).toEqual([4]);
    expect(run({ personIds: ['pom'], categories: ['strategy-discussion', 'referral'] })).toEqual([]);
  });
});

describe('ChronologyFilterSchema', () => {
  it('accepts a full filter and refuses a reversed range or unknown category', () => {
    expect(ChronologyFilterSchema.safeParse({ agencyIds: [POL], categories: ['referral'], from: '2019-01-01', to: '2019-12-31', keyLearning: true, text: 'x' }).success).toBe(true);
    const reversed = ChronologyFilterSchema.safeParse({ from: '2019-12-31', to: '2019-01-01' });
    expect(reversed.error?.issues[0]?.message).toBe('The start of the date range must not be after its end');
    expect(ChronologyFilterSchema.safeParse({ categories: ['nope'] }).success).toBe(false);
    expect(ChronologyFilterSchema.safeParse({ text: 'x'.repeat(201) }).success).toBe(false);
  });

  it('searches a row whose text or note changed since the last search, though its search text is kept between searches', () => {
    const row = e(7, POL, '05/05/2021', { keyEvent: 'Home visit' });
    const team = new Map<string, TeamFields>();
    expect(filterEntries([row], team, { text: 'visit' })).toEqual([row]);
    row.keyEvent = 'Strategy meeting';
    row.date.year = 2022;
    expect(filterEntries([row], team, { text: 'visit' })).toEqual([]);
    expect(filterEntries([row], team, { text: 'meeting 05/05/2022' })).toEqual([row]);
    team.set(row.id, { keyLearning: false, phaseId: null, note: 'late escalation' });
    expect(filterEntries([row], team, { text: 'escalation' })).toEqual([row]);
    expect(filterEntries([row], team, { from: '2022-01-01' })).toEqual([row]);
  });
});
