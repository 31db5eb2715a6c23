import { describe, expect, it } from 'vitest';
import { blankEntry, blankTeamFields, type ChronologyDate, type ChronologyEntry } from '../../../shared/chronology/index.js';
import {
  blankEntryForm,
  entryToForm,
  formToEntry,
  formToTeam,
  mergeEdit,
  nextSequence,
  normaliseTime,
  teamToForm,
  type EntryFormValues,
} from '../../../client/src/chronology/entryForm.js';

const ID = 'EEEEEEEEEEEEEEEEEEEEEE';
const AGENCY = 'AAAAAAAAAAAAAAAAAAAAAA';
const ctx = { todayIso: '2026-11-02', childDateOfBirth: '2019-03-14', defaultSequence: () => 7 };
const values = (over: Partial<EntryFormValues>): EntryFormValues => ({ ...blankEntryForm(), keyEvent: 'Home visit', ...over });
const day = (y: number, m: number, d: number): ChronologyDate => ({ precision: 'day', year: y, month: m, day: d, uncertainty: 'none' });

describe('formToEntry', () => {
  it('builds a valid entry from typed values, trimming text and normalising the time', () => {
    const r = formToEntry(
      ID,
      AGENCY,
      values({
        date: '12/03/2019',
        time: '9:05',
        sequence: '2',
        source: ' GP record ',
        category: 'referral',
        childContact: 'seen-alone',
        childContactBy: 'Health visitor',
        familyContactIds: ['p-mum', 'p-mum'],
        comment: ' Learning ',
      }),
      ctx,
    );
    expect(r.errors).toEqual({});
    expect(r.warning).toBeNull();
    expect(r.entry).toEqual({
      ...blankEntry(ID, AGENCY, day(2019, 3, 12)),
      time: '09:05',
      sequence: 2,
      source: 'GP record',
      category: 'referral',
      childContact: 'seen-alone',
      childContactBy: 'Health visitor',
      familyContactIds: ['p-mum'],
      keyEvent: 'Home visit',
      comment: 'Learning',
    });
  });

  it('reads uncertain and imprecise dates', () => {
    expect(formToEntry(ID, AGENCY, values({ date: '?/06/2018' }), ctx).entry?.date).toEqual({ precision: 'month', year: 2018, month: 6, day: null, uncertainty: 'query' });
    expect(formToEntry(ID, AGENCY, values({ date: 'c. 2017' }), ctx).entry?.date).toEqual({ precision: 'year', year: 2017, month: null, day: null, uncertainty: 'circa' });
  });

  it('refuses a date that does not parse, with the parser’s message', () => {
    const r = formToEntry(ID, AGENCY, values({ date: '31/02/2019' }), ctx);
    expect(r.entry).toBeNull();
    expect(r.errors.date).toMatch(/not a real date/);
    expect(formToEntry(ID, AGENCY, values({ date: '' }), ctx).errors.date).toMatch(/Enter a date/);
  });

  it('warns about a future date but still builds the entry', () => {
    const r = formToEntry(ID, AGENCY, values({ date: '01/01/2099' }), ctx);
    expect(r.warning).toMatch(/in the future/);
    expect(r.entry).not.toBeNull();
  });

  it('allows a date before the child’s birth and says so', () => {
    const r = formToEntry(ID, AGENCY, values({ date: '2017' }), ctx);
    expect(r.errors).toEqual({});
    expect(r.beforeBirth).toBe(true);
    expect(r.entry?.date.year).toBe(2017);
  });

  it('takes the next order number for the day when none is typed', () => {
    expect(formToEntry(ID, AGENCY, values({ date: '12/03/2019' }), ctx).entry?.sequence).toBe(7);
  });

  it('checks the time, order, lengths and that a key event is given', () => {
    const r = formToEntry(ID, AGENCY, values({ date: '12/03/2019', time: '25:00', sequence: 'first', source: 'x'.repeat(201), keyEvent: '  ' }), ctx);
    expect(Object.keys(r.errors).sort()).toEqual(['keyEvent', 'sequence', 'source', 'time']);
    expect(r.entry).toBeNull();
  });
});

describe('entryToForm', () => {
  it('writes a stored entry so that it reads back the same', () => {
    const entry: ChronologyEntry = {
      ...blankEntry(ID, AGENCY, { precision: 'month', year: 2018, month: 6, day: null, uncertainty: 'query' }),
      time: '14:30',
      sequence: 3,
      keyEvent: 'Missed appointment',
      familyContactIds: ['p-mum'],
    };
    const form = entryToForm(entry);
    expect(form.date).toBe('06/2018?');
    expect(formToEntry(ID, AGENCY, form, ctx).entry).toEqual(entry);
  });
});

describe('normaliseTime', () => {
  it('accepts H:MM, HH:MM and HH.MM, and blank', () => {
    expect(normaliseTime('9:05')).toBe('09:05');
    expect(normaliseTime('23.59')).toBe('23:59');
    expect(normaliseTime(' ')).toBeNull();
    expect(normaliseTime('24:00')).toBeUndefined();
    expect(normaliseTime('noon')).toBeUndefined();
  });
});

describe('nextSequence', () => {
  it('is one more than the highest order on the same day at the same precision', () => {
    const rows = [
      { date: day(2019, 3, 12), sequence: 0 },
      { date: day(2019, 3, 12), sequence: 4 },
      { date: { precision: 'month' as const, year: 2019, month: 3, day: null, uncertainty: 'none' as const }, sequence: 9 },
      { date: { ...day(2019, 3, 12), uncertainty: 'query' as const }, sequence: 5 },
    ];
    expect(nextSequence(rows, day(2019, 3, 12))).toBe(6);
    expect(nextSequence(rows, day(2019, 3, 13))).toBe(0);
  });
});

describe('mergeEdit', () => {
  it('keeps a colleague’s change to a field this editor did not touch', () => {
    const opened = { ...blankEntry(ID, AGENCY, day(2019, 3, 12)), keyEvent: 'A', comment: 'old' };
    const edited = { ...opened, comment: 'mine' };
    const current = { ...opened, keyEvent: 'B (theirs)' };
    expect(mergeEdit(opened, edited, current)).toEqual({ ...opened, keyEvent: 'B (theirs)', comment: 'mine' });
  });

  it('writes the edit as it is when the record was removed meanwhile', () => {
    const opened = blankTeamFields();
    const edited = { ...opened, keyLearning: true };
    expect(mergeEdit(opened, edited, null)).toEqual(edited);
  });
});

describe('the review team’s form', () => {
  it('round-trips the fields, with no phase as an empty choice', () => {
    const team = { keyLearning: true, phaseId: 'early-months', note: 'Escalation' };
    expect(formToTeam(teamToForm(team))).toEqual({ error: null, fields: team });
    expect(formToTeam({ keyLearning: false, phaseId: '', note: ' ' })).toEqual({ error: null, fields: blankTeamFields() });
  });

  it('refuses an over-long note and a phase id that is not one', () => {
    expect(formToTeam({ keyLearning: false, phaseId: '', note: 'x'.repeat(10_001) }).error).toMatch(/characters or fewer/);
    expect(formToTeam({ keyLearning: false, phaseId: 'a b', note: '' }).fields).toBeNull();
  });
});
