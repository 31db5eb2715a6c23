import { describe, expect, it } from 'vitest';
import { blankEntry, type ChronologyDate } from '../../../shared/chronology/index.js';
import { blankPerson, type Person } from '../../../shared/people.js';
import { childContactText, dateNote, dateText, editorsByRow, familyContactText, personLabel, rowName, safeColour } from '../../../client/src/chronology/rowDisplay.js';
import { combineFacts } from '../../../client/src/chronology/docFacts.js';
import type { PresenceEntry } from '../../../client/src/lib/presence.js';

const ID = 'EEEEEEEEEEEEEEEEEEEEEE';
const AGENCY = 'AAAAAAAAAAAAAAAAAAAAAA';
const d = (over: Partial<ChronologyDate>): ChronologyDate => ({ precision: 'day', year: 2019, month: 3, day: 12, uncertainty: 'none', ...over });

describe('dates in words', () => {
  it('says nothing under a certain, exact date', () => {
    expect(dateNote(d({}))).toBeNull();
  });

  it('says when a date is uncertain, approximate, or only a month or year', () => {
    expect(dateNote(d({ uncertainty: 'query' }))).toBe('Uncertain');
    expect(dateNote(d({ precision: 'month', day: null }))).toBe('Month only');
    expect(dateNote(d({ precision: 'month', day: null, uncertainty: 'query' }))).toBe('Uncertain, month only');
    expect(dateNote(d({ precision: 'year', month: null, day: null, uncertainty: 'circa' }))).toBe('Approximate, year only');
  });

  it('shows the date as written, with the time when known', () => {
    expect(dateText({ date: d({}), time: '14:30' })).toBe('12/03/2019 14:30');
    expect(dateText({ date: d({ precision: 'year', month: null, day: null, uncertainty: 'circa' }), time: null })).toBe('c. 2019');
  });
});

describe('contacts in words', () => {
  const mum: Person = { ...blankPerson('p-mum'), name: 'Kerry Thornbury', relationship: 'Mother' };
  const people = new Map([[mum.id, mum]]);
  const e = blankEntry(ID, AGENCY, d({}));

  it('names the child contact and who had it, also for no contact (an import keeps those words)', () => {
    expect(childContactText({ ...e, childContact: 'seen-alone', childContactBy: 'Health visitor' })).toBe('Seen alone by Health visitor');
    expect(childContactText({ ...e, childContact: 'none', childContactBy: 'Health visitor' })).toBe('No contact by Health visitor');
    expect(childContactText({ ...e, childContact: 'none', childContactBy: '' })).toBe('No contact');
  });

  it('names family members from the register, and says when one has gone', () => {
    expect(familyContactText({ ...e, familyContactIds: ['p-mum'], familyContactBy: 'Social worker' }, people)).toBe('Kerry Thornbury (Mother) by Social worker');
    expect(familyContactText({ ...e, familyContactIds: ['p-gone'] }, people)).toBe('Someone no longer in the register');
    expect(familyContactText(e, people)).toBe('');
  });

  it('labels a person without a name by their report label', () => {
    expect(personLabel({ name: ' ', reportLabel: 'Sibling 1', relationship: 'Sibling' })).toBe('Sibling 1 (Sibling)');
    expect(personLabel({ name: '', reportLabel: '', relationship: '' })).toBe('Name not recorded');
  });

  it('names a row by agency and date', () => {
    expect(rowName({ agencyCode: 'POL', date: d({}), time: null })).toBe('POL row of 12/03/2019');
  });
});

describe('safeColour', () => {
  it('passes a hex colour and replaces anything else, so no style can be injected', () => {
    expect(safeColour('#cfe2ff')).toBe('#cfe2ff');
    expect(safeColour('red; background-image: url(x)')).toBe('#e3e3e3');
  });
});

describe('editorsByRow', () => {
  const p = (clientId: number, name: string, editing: string | null, isSelf = false): PresenceEntry => ({ clientId, name, editing, isSelf });

  it('lists others editing each row, once per name, across documents, and never oneself', () => {
    const map = editorsByRow([
      [p(1, 'Me', 'row-1', true), p(2, 'Sam', 'row-1'), p(3, 'Alex', null)],
      [p(4, 'Sam', 'row-1'), p(5, 'Ana', 'row-1'), p(6, 'Jo', 'row-2')],
    ]);
    expect(Object.fromEntries(map)).toEqual({ 'row-1': ['Ana', 'Sam'], 'row-2': ['Jo'] });
  });
});

describe('combineFacts', () => {
  const ok = { connected: true, synced: true, everConnected: true, pending: 0, refused: false, refusedEdit: null };

  it('is synced only when every document is, and adds up waiting changes', () => {
    expect(combineFacts([ok, ok])).toEqual(ok);
    expect(combineFacts([ok, { ...ok, synced: false, pending: 2 }, { ...ok, pending: 1 }])).toEqual({ ...ok, synced: false, pending: 3 });
    expect(combineFacts([ok, { ...ok, refused: true }]).refused).toBe(true);
    // A change one document refused is the chronology's: its alert reloads that document.
    const refusedEdit = { code: 4413, reload: () => undefined };
    expect(combineFacts([ok, { ...ok, refusedEdit }, ok]).refusedEdit).toBe(refusedEdit);
  });

  it('counts a document not yet opened as not connected', () => {
    expect(combineFacts([ok, null])).toMatchObject({ connected: false, synced: false });
    expect(combineFacts([])).toMatchObject({ connected: false, synced: false });
  });
});
