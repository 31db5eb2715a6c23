import { describe, expect, it } from 'vitest';
import { MAX_LABEL_CHARS, MAX_TEXT_CHARS } from '../../../shared/limits.js';
import { blankPerson, type Person } from '../../../shared/people.js';
import { GENDER_LABELS, PERSON_FIELD_ORDER, formToPerson, mergePersonEdit, personToForm, type PersonFormValues } from '../../../client/src/lib/personForm.js';

const full: Person = {
  id: 'p1',
  name: 'Kerry Thornbury',
  aliases: ['Kez', 'K. T.'],
  relationship: 'Mother',
  dateOfBirth: '1996-07-02',
  dateOfDeath: null,
  gender: 'female',
  ethnicity: 'White British',
  addresses: ['12 Larch Close', '3 Elm Row'],
  nhsNumber: '485 777 3456',
  notes: 'Line one\nLine two',
  isSubject: false,
  reportLabel: 'Mother',
};
const form = (over: Partial<PersonFormValues> = {}): PersonFormValues => ({ ...personToForm(blankPerson('p1')), ...over });

describe('personToForm and formToPerson', () => {
  it('round-trips every field of a person', () => {
    const v = personToForm(full);
    expect(v).toMatchObject({ aliases: 'Kez\nK. T.', addresses: '12 Larch Close\n3 Elm Row', dateOfBirth: '02/07/1996', dateOfDeath: '' });
    expect(formToPerson('p1', v)).toEqual({ errors: {}, person: full });
  });

  it('reads DD/MM/YYYY dates and lists one per line, trimming and dropping blank lines', () => {
    const { person } = formToPerson(
      'p1',
      form({
        name: '  Dean Walsh ',
        dateOfBirth: '20/11/1993',
        dateOfDeath: '5/1/2024',
        aliases: ' Deano \r\n\n  D ',
        addresses: '\n1 High St\n',
      }),
    );
    expect(person).toMatchObject({ name: 'Dean Walsh', dateOfBirth: '1993-11-20', dateOfDeath: '2024-01-05', aliases: ['Deano', 'D'], addresses: ['1 High St'] });
  });

  it('treats blank dates as not known', () => {
    const { person } = formToPerson('p1', form({ name: 'Unknown' }));
    expect(person).toMatchObject({ dateOfBirth: null, dateOfDeath: null, gender: 'unknown' });
  });

  it('asks for a name', () => {
    expect(formToPerson('p1', form({ name: '   ' })).errors).toEqual({ name: "Enter the person's name, or 'Not known'" });
  });

  it('refuses dates that do not exist or are not DD/MM/YYYY, and a death before birth', () => {
    expect(formToPerson('p1', form({ name: 'A', dateOfBirth: '31/02/2020' })).errors.dateOfBirth).toMatch(/real date, written as DD\/MM\/YYYY/);
    expect(formToPerson('p1', form({ name: 'A', dateOfBirth: '2020' })).errors.dateOfBirth).toBeDefined();
    expect(formToPerson('p1', form({ name: 'A', dateOfDeath: '12/13/2020' })).errors.dateOfDeath).toMatch(/real date/);
    expect(formToPerson('p1', form({ name: 'A', dateOfBirth: '02/01/2020', dateOfDeath: '01/01/2020' })).errors.dateOfDeath).toBe(
      'Date of death must be the same as or after the date of birth',
    );
    expect(formToPerson('p1', form({ name: 'A', dateOfBirth: '01/01/2020', dateOfDeath: '01/01/2020' })).person).not.toBeNull();
  });

  it('checks the NHS number is 10 digits, with or without the usual spaces', () => {
    expect(formToPerson('p1', form({ name: 'A', nhsNumber: '4857773456' })).person?.nhsNumber).toBe('4857773456');
    expect(formToPerson('p1', form({ name: 'A', nhsNumber: ' 485 777 3456 ' })).person?.nhsNumber).toBe('485 777 3456');
    for (const bad of ['485 777 345', '485-777-3456', 'abc', '48577734567']) {
      expect(formToPerson('p1', form({ name: 'A', nhsNumber: bad })).errors.nhsNumber, bad).toMatch(/10 digits/);
    }
  });

  it('enforces the shared limits on labels, lists and notes', () => {
    const long = 'x'.repeat(MAX_LABEL_CHARS + 1);
    const { errors } = formToPerson(
      'p1',
      form({
        name: long,
        relationship: long,
        ethnicity: long,
        reportLabel: long,
        notes: 'n'.repeat(MAX_TEXT_CHARS + 1),
        aliases: Array.from({ length: 21 }, (_, i) => `a${i}`).join('\n'),
        addresses: `ok\n${long}`,
      }),
    );
    expect(Object.keys(errors).sort()).toEqual(['addresses', 'aliases', 'ethnicity', 'name', 'notes', 'relationship', 'reportLabel']);
    expect(formToPerson('p1', form({ name: 'x'.repeat(MAX_LABEL_CHARS) })).person).not.toBeNull();
  });

  it('reports every problem at once and writes nothing', () => {
    const { errors, person } = formToPerson('p1', form({ name: '', dateOfBirth: 'soon', nhsNumber: '1' }));
    expect(person).toBeNull();
    expect(Object.keys(errors)).toEqual(['name', 'dateOfBirth', 'nhsNumber']);
  });

  it('leaves a blank report label blank for the caller to suggest', () => {
    expect(formToPerson('p1', form({ name: 'A', relationship: 'Mother' })).person?.reportLabel).toBe('');
  });

  it('lists every form field once, in a field order, and labels every gender', () => {
    expect([...PERSON_FIELD_ORDER].sort()).toEqual(Object.keys(form()).sort());
    expect(Object.keys(GENDER_LABELS).sort()).toEqual(['female', 'male', 'other', 'unknown']);
    expect(GENDER_LABELS.unknown).toBe('Not known');
  });
});

describe('mergePersonEdit', () => {
  it("keeps a colleague's change to a field this editor did not touch", () => {
    const opened = full;
    const edited = { ...full, ethnicity: 'Mixed' };
    const current = { ...full, notes: 'Colleague added a note' };
    expect(mergePersonEdit(opened, edited, current)).toEqual({ ...full, ethnicity: 'Mixed', notes: 'Colleague added a note' });
  });

  it("lets this editor's change win on a field both changed", () => {
    const merged = mergePersonEdit(full, { ...full, name: 'Mine' }, { ...full, name: 'Theirs' });
    expect(merged.name).toBe('Mine');
  });

  it("compares lists by value, so an untouched list keeps the colleague's version", () => {
    const merged = mergePersonEdit(full, { ...full, aliases: [...full.aliases] }, { ...full, aliases: ['Kez', 'K. T.', 'Kaz'] });
    expect(merged.aliases).toEqual(['Kez', 'K. T.', 'Kaz']);
  });

  it('writes the whole edit when the person was removed meanwhile', () => {
    const edited = { ...full, name: 'Back again' };
    expect(mergePersonEdit(full, edited, null)).toEqual(edited);
  });
});
