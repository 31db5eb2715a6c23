import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { TEAM_FIELDS_MAP, prepareTeamNote, readTeamFields, removeTeamFields, writeTeamFields } from '../../../shared/chronology/index.js';

const E1 = 'entry0000000000000001';
const E2 = 'entry0000000000000002';

describe('chronology-team document', () => {
  it('writes and reads team fields keyed by entry id', () => {
    const doc = new Y.Doc();
    writeTeamFields(doc, E1, { keyLearning: true, phaseId: 'phase-2', note: 'Missed escalation' });
    writeTeamFields(doc, E2, { keyLearning: false, phaseId: null, note: '' });
    expect(readTeamFields(doc)).toEqual(
      new Map([
        [E1, { keyLearning: true, phaseId: 'phase-2', note: 'Missed escalation' }],
        [E2, { keyLearning: false, phaseId: null, note: '' }],
      ]),
    );
  });

  it('fills missing fields with blanks and skips crafted records that do not validate', () => {
    const doc = new Y.Doc();
    const map = doc.getMap<unknown>(TEAM_FIELDS_MAP);
    doc.transact(() => {
      const partial = new Y.Map<unknown>();
      map.set(E1, partial);
      partial.set('keyLearning', true);
      const bad = new Y.Map<unknown>();
      map.set(E2, bad);
      bad.set('keyLearning', 'yes');
      map.set('bad key', new Y.Map<unknown>());
      map.set('entry0000000000000003', 42);
    });
    expect(readTeamFields(doc)).toEqual(new Map([[E1, { keyLearning: true, phaseId: null, note: '' }]]));
  });

  it('prepares a live team note: a blank record with an empty Y.Text, a plain note made a Y.Text, nothing written when ready', () => {
    const doc = new Y.Doc();
    const map = doc.getMap<unknown>(TEAM_FIELDS_MAP);
    prepareTeamNote(doc, E1);
    expect((map.get(E1) as Y.Map<unknown>).get('note')).toBeInstanceOf(Y.Text);
    expect(readTeamFields(doc).get(E1)).toEqual({ keyLearning: false, phaseId: null, note: '' });
    doc.transact(() => {
      const old = new Y.Map<unknown>();
      map.set(E2, old);
      old.set('keyLearning', true);
      old.set('note', 'Written before live text');
    });
    prepareTeamNote(doc, E2);
    expect((map.get(E2) as Y.Map<unknown>).get('note')).toBeInstanceOf(Y.Text);
    expect(readTeamFields(doc).get(E2)).toEqual({ keyLearning: true, phaseId: null, note: 'Written before live text' });
    let updates = 0;
    doc.on('update', () => updates++);
    prepareTeamNote(doc, E1);
    prepareTeamNote(doc, E2);
    expect(updates).toBe(0);
    expect(() => prepareTeamNote(doc, 'bad key')).toThrow();
  });

  it('validates writes and removes', () => {
    const doc = new Y.Doc();
    expect(() => writeTeamFields(doc, 'x', { keyLearning: true, phaseId: null, note: '' })).toThrow();
    expect(() => writeTeamFields(doc, E1, { keyLearning: true, phaseId: 'a/b', note: '' })).toThrow();
    expect(readTeamFields(doc).size).toBe(0);
    writeTeamFields(doc, E1, { keyLearning: true, phaseId: null, note: '' });
    removeTeamFields(doc, E1);
    expect(readTeamFields(doc).size).toBe(0);
  });
});
