import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { blankPerson } from '../../shared/people.js';
import { PEOPLE_MAP, readPeople, readRegister, writePerson } from '../../shared/peopleDoc.js';
import {
  BIRTH_STATUS_MAP,
  HOUSEHOLDS_MAP,
  POSITIONS_MAP,
  RELATIONSHIPS_MAP,
  countSkippedGenogram,
  readGenogram,
  setPosition,
  writeRelationship,
} from '../../shared/genogram/index.js';
import { TEAM_FIELDS_MAP, blankTeamFields, countSkippedTeamFields, readTeamFields, writeTeamFields } from '../../shared/chronology/index.js';
import { PRACTITIONERS_MAP, countSkippedPractitioners, readPractitioners, writePractitioner } from '../../shared/chronology/practitionersDoc.js';
import { newId } from '../../shared/ids.js';

/**
 * Issue 12: readers of shared documents skip a hostile or malformed record *and* count it, so a page or
 * an API can say that a record is missing instead of silently showing less (or failing for everyone).
 */

/** Sets `key` of `parent` to a Y.Map holding `depth` Y.Maps nested inside each other. */
function nest(parent: Y.Map<unknown>, key: string, depth: number): void {
  let m = new Y.Map<unknown>();
  parent.set(key, m);
  for (let i = 0; i < depth; i++) {
    const n = new Y.Map<unknown>();
    m.set('n', n);
    m = n;
  }
}

/** A stored person record with the given raw fields, as a crafted update could write it. */
function rawPerson(doc: Y.Doc, id: string, fields: Record<string, unknown>): Y.Map<unknown> {
  const m = new Y.Map<unknown>();
  doc.getMap(PEOPLE_MAP).set(id, m);
  for (const [k, v] of Object.entries(fields)) m.set(k, v);
  return m;
}

describe('the people register reader', () => {
  it('reads a clean register with nothing skipped', () => {
    const doc = new Y.Doc();
    writePerson(doc, { ...blankPerson('mum'), name: 'Amy Ward' });
    writePerson(doc, { ...blankPerson('kid'), name: 'Child A', isSubject: true });
    const read = readRegister(doc);
    expect(read.skipped).toBe(0);
    expect(read.people.map((p) => p.name).sort()).toEqual(['Amy Ward', 'Child A']);
  });

  it('skips and counts a person holding 5,000 nested Y.Maps, and still reads the others', () => {
    const doc = new Y.Doc();
    writePerson(doc, { ...blankPerson('mum'), name: 'Amy Ward' });
    doc.transact(() => nest(rawPerson(doc, 'deep', { name: 'Nested' }), 'aliases', 5_000));
    const read = readRegister(doc);
    expect(read.people.map((p) => p.name)).toEqual(['Amy Ward']);
    expect(read.skipped).toBe(1);
    // The nested record stays stored: readers never delete what they cannot read.
    expect(doc.getMap(PEOPLE_MAP).has('deep')).toBe(true);
  });

  it('skips and counts fields of the wrong type, a value that is not a record, and a too-long id', () => {
    const doc = new Y.Doc();
    writePerson(doc, { ...blankPerson('mum'), name: 'Amy Ward' });
    doc.transact(() => {
      rawPerson(doc, 'p1', { name: 42 });
      rawPerson(doc, 'p2', { name: 'Gender wrong', gender: 'tree' });
      rawPerson(doc, 'p3', { name: 'Subject wrong', isSubject: 'yes' });
      rawPerson(doc, 'p4', { name: 'Aliases wrong', aliases: 'not a list' });
      rawPerson(doc, 'p5', { name: 'Bad date', dateOfBirth: '31/02/2020' });
      rawPerson(doc, 'x'.repeat(65), { name: 'Id too long' });
      doc.getMap(PEOPLE_MAP).set('plain', 'just a string');
      doc.getMap(PEOPLE_MAP).set('array', new Y.Array());
    });
    const read = readRegister(doc);
    expect(read.people.map((p) => p.name)).toEqual(['Amy Ward']);
    expect(read.skipped).toBe(8);
    expect(readPeople(doc)).toEqual(read.people);
  });

  it('reads a person with missing fields with their blank values: nothing is skipped', () => {
    const doc = new Y.Doc();
    doc.transact(() => rawPerson(doc, 'sparse', { name: 'Only a name' }));
    const read = readRegister(doc);
    expect(read.skipped).toBe(0);
    expect(read.people).toEqual([{ ...blankPerson('sparse'), name: 'Only a name' }]);
  });

  it('counts again after the malformed record is replaced by a valid one', () => {
    const doc = new Y.Doc();
    doc.transact(() => rawPerson(doc, 'p1', { name: 42 }));
    expect(readRegister(doc).skipped).toBe(1);
    writePerson(doc, { ...blankPerson('p1'), name: 'Fixed' });
    expect(readRegister(doc)).toEqual({ people: [{ ...blankPerson('p1'), name: 'Fixed' }], skipped: 0 });
  });
});

describe('the other readers count what they skip', () => {
  it('genogram: malformed relationships, households, positions and birth statuses', () => {
    const doc = new Y.Doc();
    const couple = { type: 'partnership' as const, id: newId(), a: 'mum', b: 'dad', kind: 'married' as const };
    writeRelationship(doc, couple, new Set(['mum', 'dad']));
    setPosition(doc, 'mum', { x: 1, y: 2 });
    expect(countSkippedGenogram(doc)).toBe(0);
    doc.transact(() => {
      nest(doc.getMap(RELATIONSHIPS_MAP), newId(), 5_000);
      const wrong = new Y.Map<unknown>();
      doc.getMap(RELATIONSHIPS_MAP).set(newId(), wrong);
      wrong.set('type', 'enemies');
      doc.getMap(HOUSEHOLDS_MAP).set(newId(), 'not a record');
      doc.getMap(POSITIONS_MAP).set('dad', { x: 'left', y: 0 });
      doc.getMap(BIRTH_STATUS_MAP).set('kid', 'hatched');
      doc.getMap(BIRTH_STATUS_MAP).set('mum', 'born');
    });
    expect(countSkippedGenogram(doc)).toBe(5);
    const data = readGenogram(doc);
    expect(data.relationships).toEqual([couple]);
    expect([...data.positions.keys()]).toEqual(['mum']);
  });

  it('team fields: a nested record and a field of the wrong type', () => {
    const doc = new Y.Doc();
    const good = newId();
    writeTeamFields(doc, good, { ...blankTeamFields(), keyLearning: true });
    doc.transact(() => {
      nest(doc.getMap(TEAM_FIELDS_MAP), newId(), 5_000);
      const wrong = new Y.Map<unknown>();
      doc.getMap(TEAM_FIELDS_MAP).set(newId(), wrong);
      wrong.set('keyLearning', 'very');
    });
    expect([...readTeamFields(doc).keys()]).toEqual([good]);
    expect(countSkippedTeamFields(doc)).toBe(2);
  });

  it('practitioners: a nested record and a missing name', () => {
    const doc = new Y.Doc();
    const pol = newId();
    writePractitioner(doc, { id: newId(), agencyId: pol, name: 'PC Rowe', role: 'Officer' });
    doc.transact(() => {
      nest(doc.getMap(PRACTITIONERS_MAP), newId(), 5_000);
      const wrong = new Y.Map<unknown>();
      doc.getMap(PRACTITIONERS_MAP).set(newId(), wrong);
      wrong.set('role', 42);
    });
    expect(readPractitioners(doc, pol).map((p) => p.name)).toEqual(['PC Rowe']);
    expect(countSkippedPractitioners(doc, pol)).toBe(2);
  });
});
