import { describe, expect, it } from 'vitest';
import {
  CATEGORY_LABELS,
  CHILD_CONTACT_LABELS,
  CHRONOLOGY_CATEGORIES,
  ChronologyDateSchema,
  ChronologyEntrySchema,
  MAX_FAMILY_CONTACTS,
  OrgChangeSchema,
  TeamFieldsSchema,
  blankEntry,
  blankTeamFields,
  exactDate,
  parseCategory,
  chronologyDateRange,
} from '../../../shared/chronology/index.js';

const ID = 'entry0000000000000001';
const AGENCY = 'agency000000000000001';
const entry = (over: Record<string, unknown> = {}) => ({ ...blankEntry(ID, AGENCY, exactDate('2019-03-12')), ...over });

describe('ChronologyEntrySchema', () => {
  it('accepts a blank entry and a full one', () => {
    expect(ChronologyEntrySchema.parse(entry())).toEqual(entry());
    const full = entry({
      time: '09:05',
      sequence: 3,
      source: 'GP record',
      childContact: 'seen-alone',
      childContactBy: 'Health visitor',
      familyContactIds: ['mum', 'pom'],
      familyContactBy: 'Social worker',
      keyEvent: 'Home visit',
      comment: 'Learning: …',
      category: 'assessment',
    });
    expect(ChronologyEntrySchema.parse(full)).toEqual(full);
  });

  it.each([
    ['a time outside 00:00-23:59', { time: '24:00' }],
    ['a time without a leading zero', { time: '9:05' }],
    ['minutes past 59', { time: '12:60' }],
    ['an unknown contact kind', { childContact: 'alone' }],
    ['an unknown category', { category: 'incident' }],
    ['a person listed twice', { familyContactIds: ['mum', 'mum'] }],
    ['too many people', { familyContactIds: Array.from({ length: MAX_FAMILY_CONTACTS + 1 }, (_, i) => `p${i}`) }],
    ['a negative sequence', { sequence: -1 }],
    ['a fractional sequence', { sequence: 1.5 }],
    ['an id that could break a doc name', { id: 'entry.000000000000001' }],
    ['a date that does not exist', { date: { precision: 'day', year: 2023, month: 2, day: 29, uncertainty: 'none' } }],
  ])('refuses %s', (_label, over) => {
    expect(ChronologyEntrySchema.safeParse(entry(over)).success).toBe(false);
  });
});

describe('ChronologyDateSchema', () => {
  it.each<[unknown, string]>([
    [{ precision: 'month', year: 2019, month: 3, day: 12, uncertainty: 'none' }, 'a month date with a day'],
    [{ precision: 'day', year: 2019, month: 3, day: null, uncertainty: 'none' }, 'a day date without a day'],
    [{ precision: 'year', year: 2019, month: 3, day: null, uncertainty: 'none' }, 'a year date with a month'],
    [{ precision: 'year', year: 1899, month: null, day: null, uncertainty: 'none' }, 'a year before 1900'],
    [{ precision: 'year', year: 2019, month: null, day: null, uncertainty: 'maybe' }, 'an unknown uncertainty'],
  ])('refuses %j (%s)', (value, _label) => {
    expect(ChronologyDateSchema.safeParse(value).success).toBe(false);
  });

  it('gives the range of days a date can mean', () => {
    expect(chronologyDateRange({ precision: 'month', year: 2024, month: 2, day: null, uncertainty: 'none' })).toEqual({ start: '2024-02-01', end: '2024-02-29' });
    expect(chronologyDateRange({ precision: 'year', year: 2017, month: null, day: null, uncertainty: 'circa' })).toEqual({ start: '2017-01-01', end: '2017-12-31' });
    expect(chronologyDateRange(exactDate('2019-03-12'))).toEqual({ start: '2019-03-12', end: '2019-03-12' });
  });
});

describe('categories and labels', () => {
  it('has the thirteen Document 12 categories with en-GB labels', () => {
    expect(CHRONOLOGY_CATEGORIES).toHaveLength(13);
    expect(Object.keys(CATEGORY_LABELS).sort()).toEqual([...CHRONOLOGY_CATEGORIES].sort());
    expect(CATEGORY_LABELS['police-incident']).toBe('Police incident or domestic abuse');
    expect(CHILD_CONTACT_LABELS['seen-alone']).toBe('Seen alone');
  });

  it.each([
    ['referral', 'referral'],
    ['Strategy discussion', 'strategy-discussion'],
    ['S47', 's47-enquiry'],
    ['section 47 enquiry', 's47-enquiry'],
    ['ICPC', 'child-protection-conference'],
    ['Domestic abuse', 'police-incident'],
    ['  House   move ', 'house-move'],
    ['new partner', 'household-change'],
    ['something else', null],
    ['', null],
  ])('reads %j as %s', (text, expected) => {
    expect(parseCategory(text)).toBe(expected);
  });
});

describe('team fields and organisational changes', () => {
  it('validates team fields', () => {
    expect(TeamFieldsSchema.parse(blankTeamFields())).toEqual({ keyLearning: false, phaseId: null, note: '' });
    expect(TeamFieldsSchema.safeParse({ keyLearning: true, phaseId: 'phase-1', note: 'x' }).success).toBe(true);
    expect(TeamFieldsSchema.safeParse({ keyLearning: 'yes', phaseId: null, note: '' }).success).toBe(false);
    expect(TeamFieldsSchema.safeParse({ keyLearning: true, phaseId: '../x', note: '' }).success).toBe(false);
  });

  it('validates an organisational change', () => {
    const change = {
      id: ID,
      agencyId: AGENCY,
      date: { precision: 'month', year: 2020, month: 4, day: null, uncertainty: 'none' },
      change: 'Team restructure',
      impact: 'Caseloads rose',
    };
    expect(OrgChangeSchema.parse(change)).toEqual(change);
    expect(OrgChangeSchema.safeParse({ ...change, impact: 1 }).success).toBe(false);
  });
});
