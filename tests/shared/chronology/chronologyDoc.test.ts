import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  ChronologyLimitError,
  ENTRIES_MAP,
  MAX_CHRONOLOGY_ENTRIES,
  MAX_ORG_CHANGES,
  ORG_CHANGES_MAP,
  blankEntry,
  exactDate,
  readEntries,
  readEntry,
  readOrgChanges,
  removeEntry,
  removeOrgChange,
  writeEntries,
  writeEntry,
  writeOrgChange,
  type ChronologyEntry,
  type OrgChange,
} from '../../../shared/chronology/index.js';

const A = 'agencyA00000000000001';
const B = 'agencyB00000000000001';
const id = (n: number) => `entry${String(n).padStart(16, '0')}`;
const entry = (n: number, over: Partial<ChronologyEntry> = {}): ChronologyEntry => ({ ...blankEntry(id(n), A, exactDate('2019-03-12')), keyEvent: `event ${n}`, ...over });

describe('agency chronology document', () => {
  it('writes and reads entries, taking the agency from the document, not from the row', () => {
    const doc = new Y.Doc();
    writeEntry(doc, A, entry(1, { familyContactIds: ['mum'], time: '10:30' }));
    expect(readEntries(doc, A)).toEqual([entry(1, { familyContactIds: ['mum'], time: '10:30' })]);
    const stored = doc.getMap<Y.Map<unknown>>(ENTRIES_MAP).get(id(1))!;
    expect(stored.has('agencyId')).toBe(false);
    expect(stored.has('id')).toBe(false);
    // Read as another agency's document, the same row is that agency's: ownership is the document's.
    expect(readEntry(doc, B, id(1))?.agencyId).toBe(B);
  });

  it('skips crafted rows that do not validate, and ignores a crafted agencyId', () => {
    const doc = new Y.Doc();
    writeEntry(doc, A, entry(1));
    const map = doc.getMap<unknown>(ENTRIES_MAP);
    doc.transact(() => {
      map.set(id(2), 'not a map');
      const bad = new Y.Map<unknown>();
      map.set(id(3), bad);
      bad.set('date', { precision: 'day', year: 2023, month: 2, day: 29, uncertainty: 'none' });
      const noDate = new Y.Map<unknown>();
      map.set(id(4), noDate);
      noDate.set('keyEvent', 'x');
      const badKey = new Y.Map<unknown>();
      map.set('bad.key', badKey);
      badKey.set('date', exactDate('2019-01-01'));
      const spoof = new Y.Map<unknown>();
      map.set(id(5), spoof);
      spoof.set('date', exactDate('2019-01-01'));
      spoof.set('agencyId', B);
    });
    const rows = readEntries(doc, A);
    expect(rows.map((r) => r.id)).toEqual([id(1), id(5)]);
    expect(rows[1]!.agencyId).toBe(A);
    expect(readEntry(doc, A, id(3))).toBeNull();
    expect(readEntry(doc, A, 'missing0000000000001')).toBeNull();
  });

  it('refuses invalid entries and rows of another agency, writing nothing (all or nothing)', () => {
    const doc = new Y.Doc();
    expect(() => writeEntry(doc, A, entry(1, { time: '25:00' }))).toThrow();
    expect(() => writeEntry(doc, B, entry(1))).toThrow(/another agency/);
    expect(() => writeEntries(doc, A, [entry(1), entry(2, { category: 'nope' as never })])).toThrow();
    expect(readEntries(doc, A)).toEqual([]);
    writeEntries(doc, A, [entry(1), entry(2)]);
    expect(readEntries(doc, A).map((r) => r.id)).toEqual([id(1), id(2)]);
  });

  it('writes only the fields that changed, and removes stale keys', () => {
    const doc = new Y.Doc();
    writeEntry(doc, A, entry(1));
    const ymap = doc.getMap<Y.Map<unknown>>(ENTRIES_MAP).get(id(1))!;
    ymap.set('stale', 'left by a crafted update');
    const changed: string[][] = [];
    ymap.observe((ev) => changed.push([...ev.keysChanged].sort()));
    let bytes = 0;
    doc.on('update', (u: Uint8Array) => {
      bytes += u.length;
    });
    writeEntry(doc, A, entry(1, { comment: 'New analysis' }));
    // The comment is collaborative text: its Y.Text is edited in place, so the map's keys change only for the stale key.
    expect(changed).toEqual([['stale']]);
    expect(ymap.get('comment')).toBeInstanceOf(Y.Text);
    expect(readEntry(doc, A, id(1))?.comment).toBe('New analysis');
    expect(ymap.has('stale')).toBe(false);
    expect(bytes).toBeLessThan(2048); // the budget for a single-row edit
    changed.length = 0;
    writeEntry(doc, A, entry(1, { comment: 'New analysis' }));
    expect(changed).toEqual([]);
  });

  it('merges concurrent edits to different fields of one row through real Yjs updates', () => {
    const one = new Y.Doc();
    writeEntry(one, A, entry(1));
    const two = new Y.Doc();
    Y.applyUpdate(two, Y.encodeStateAsUpdate(one));
    writeEntry(one, A, entry(1, { comment: 'from one' }));
    writeEntry(two, A, entry(1, { source: 'from two' }));
    Y.applyUpdate(one, Y.encodeStateAsUpdate(two));
    Y.applyUpdate(two, Y.encodeStateAsUpdate(one));
    expect(readEntries(one, A)).toEqual([entry(1, { comment: 'from one', source: 'from two' })]);
    expect(readEntries(two, A)).toEqual(readEntries(one, A));
  });

  it('removes entries', () => {
    const doc = new Y.Doc();
    writeEntries(doc, A, [entry(1), entry(2)]);
    removeEntry(doc, id(1));
    expect(readEntries(doc, A).map((r) => r.id)).toEqual([id(2)]);
  });

  it(`refuses to grow past ${MAX_CHRONOLOGY_ENTRIES} entries`, () => {
    const doc = new Y.Doc();
    const many = Array.from({ length: MAX_CHRONOLOGY_ENTRIES + 1 }, (_, i) => entry(i));
    expect(() => writeEntries(doc, A, many)).toThrow(ChronologyLimitError);
    expect(doc.getMap(ENTRIES_MAP).size).toBe(0);
  });
});

describe('organisational changes', () => {
  const change = (n: number, over: Partial<OrgChange> = {}): OrgChange => ({
    id: id(n),
    agencyId: A,
    date: { precision: 'month', year: 2020, month: 4, day: null, uncertainty: 'none' },
    change: `Restructure ${n}`,
    impact: 'Fewer social workers per team',
    ...over,
  });

  it('writes, reads, skips crafted rows and removes', () => {
    const doc = new Y.Doc();
    writeOrgChange(doc, A, change(1));
    writeOrgChange(doc, A, change(1, { impact: 'Revised' }));
    doc.getMap<unknown>(ORG_CHANGES_MAP).set(id(2), new Y.Map<unknown>()); // no date: invalid
    expect(readOrgChanges(doc, A)).toEqual([change(1, { impact: 'Revised' })]);
    expect(() => writeOrgChange(doc, B, change(3))).toThrow(/another agency/);
    expect(() => writeOrgChange(doc, A, change(3, { change: 5 as never }))).toThrow();
    removeOrgChange(doc, id(1));
    expect(readOrgChanges(doc, A)).toEqual([]);
  });

  it(`refuses more than ${MAX_ORG_CHANGES} changes`, () => {
    const doc = new Y.Doc();
    for (let i = 0; i < MAX_ORG_CHANGES; i++) writeOrgChange(doc, A, change(i));
    expect(() => writeOrgChange(doc, A, change(MAX_ORG_CHANGES))).toThrow(ChronologyLimitError);
    writeOrgChange(doc, A, change(0, { impact: 'updating an existing one is fine' }));
  });
});
