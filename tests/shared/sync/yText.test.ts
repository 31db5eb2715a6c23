import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { ensureText, readTextValue, setText, textDiff, writeTextField } from '../../../shared/sync/yText.js';
import { blankEntry, exactDate, readEntry, writeEntry, ENTRIES_MAP } from '../../../shared/chronology/index.js';
import { readPeople, writePerson } from '../../../shared/peopleDoc.js';
import { blankPerson } from '../../../shared/people.js';

const A = 'agencyA00000000000001';
const E = 'entry000000000000001';

/** Syncs every update of each doc into the other, as two connected clients would. */
function linked(): [Y.Doc, Y.Doc] {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.on('update', (u: Uint8Array, origin: unknown) => {
    if (origin !== 'remote') Y.applyUpdate(b, u, 'remote');
  });
  b.on('update', (u: Uint8Array, origin: unknown) => {
    if (origin !== 'remote') Y.applyUpdate(a, u, 'remote');
  });
  return [a, b];
}

describe('collaborative text fields', () => {
  it('finds the smallest edit, and never splits a surrogate pair', () => {
    expect(textDiff('the cat sat', 'the black cat sat')).toEqual({ index: 4, remove: 0, insert: 'black ' });
    expect(textDiff('abcdef', 'abef')).toEqual({ index: 2, remove: 2, insert: '' });
    expect(textDiff('same', 'same')).toEqual({ index: 4, remove: 0, insert: '' });
    // U+1F600 and U+1F601 share their high surrogate: the edit replaces the whole character.
    expect(textDiff('a\u{1F600}b', 'a\u{1F601}b')).toEqual({ index: 1, remove: 2, insert: '\u{1F601}' });
  });

  it('reads plain strings from older documents, and migrates one to Y.Text only when it changes', () => {
    const doc = new Y.Doc();
    const rec = doc.getMap<Y.Map<unknown>>('r').set('x', new Y.Map());
    rec.set('notes', 'written before');
    expect(readTextValue(rec.get('notes'))).toBe('written before');
    writeTextField(rec, 'notes', 'written before');
    expect(typeof rec.get('notes')).toBe('string');
    writeTextField(rec, 'notes', 'written before, and after');
    expect(rec.get('notes')).toBeInstanceOf(Y.Text);
    expect(readTextValue(rec.get('notes'))).toBe('written before, and after');
    doc.transact(() => ensureText(rec, 'other').insert(0, 'new'));
    expect(readTextValue(rec.get('other'))).toBe('new');
    expect(readTextValue(42)).toBeNull();
  });

  it('merges two people typing in one field character by character (whole-entry writers included)', () => {
    const [a, b] = linked();
    writeEntry(a, A, { ...blankEntry(E, A, exactDate('2020-03-01' as never)), keyEvent: 'Home visit.' });
    // Go offline, and each edits the same field.
    const ua: Uint8Array[] = [];
    const ub: Uint8Array[] = [];
    const offA = new Y.Doc();
    Y.applyUpdate(offA, Y.encodeStateAsUpdate(a));
    offA.on('update', (u: Uint8Array) => ua.push(u));
    const offB = new Y.Doc();
    Y.applyUpdate(offB, Y.encodeStateAsUpdate(b));
    offB.on('update', (u: Uint8Array) => ub.push(u));
    writeEntry(offA, A, { ...readEntry(offA, A, E)!, keyEvent: 'Unannounced home visit.' });
    writeEntry(offB, A, { ...readEntry(offB, A, E)!, keyEvent: 'Home visit. Child seen alone.' });
    for (const u of ua) Y.applyUpdate(offB, u);
    for (const u of ub) Y.applyUpdate(offA, u);
    expect(readEntry(offA, A, E)!.keyEvent).toBe('Unannounced home visit. Child seen alone.');
    expect(readEntry(offB, A, E)!.keyEvent).toBe('Unannounced home visit. Child seen alone.');
  });

  it('keeps a one-character edit of a 2,000-character field small', () => {
    const doc = new Y.Doc();
    writeEntry(doc, A, { ...blankEntry(E, A, exactDate('2020-03-01' as never)), keyEvent: 'x'.repeat(2_000) });
    let bytes = 0;
    doc.on('update', (u: Uint8Array) => {
      bytes += u.length;
    });
    writeEntry(doc, A, { ...readEntry(doc, A, E)!, keyEvent: `${'x'.repeat(1_000)}y${'x'.repeat(1_000)}` });
    expect(bytes).toBeLessThan(100);
    expect((doc.getMap(ENTRIES_MAP).get(E) as Y.Map<unknown>).get('keyEvent')).toBeInstanceOf(Y.Text);
  });

  it('writes person notes as text and reads registers written either way', () => {
    const doc = new Y.Doc();
    writePerson(doc, { ...blankPerson('p1'), name: 'Alex', notes: 'First' });
    const m = doc.getMap<Y.Map<unknown>>('people').get('p1')!;
    expect(m.get('notes')).toBeInstanceOf(Y.Text);
    const old = new Y.Map<unknown>();
    doc.getMap('people').set('p2', old);
    old.set('name', 'Sam');
    old.set('notes', 'plain string');
    expect(
      readPeople(doc)
        .map((p) => p.notes)
        .sort(),
    ).toEqual(['First', 'plain string']);
    const t = m.get('notes') as Y.Text;
    setText(t, 'First and second');
    expect(readPeople(doc).find((p) => p.id === 'p1')!.notes).toBe('First and second');
  });
});
