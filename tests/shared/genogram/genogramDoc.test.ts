import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  GenogramRuleError,
  RELATIONSHIPS_MAP,
  clearPositions,
  forgetPerson,
  readGenogram,
  readRelationships,
  removeRelationship,
  setBirthStatus,
  setPosition,
  writeHousehold,
  writeRelationship,
  type Relationship,
} from '../../../shared/genogram/index.js';
import { rid } from './familyFixture.js';

const people = new Set(['mum', 'dad', 'kid', 'other']);
const couple: Relationship = { type: 'partnership', id: rid('couple'), a: 'mum', b: 'dad', kind: 'married' };
const kid: Relationship = { type: 'parent-child', id: rid('kid'), parentType: 'partnership', parent: couple.id, child: 'kid', kind: 'birth' };

/** Sends every update of `a` to `b` and back, as the sync server would. */
function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe('the genogram document', () => {
  it('writes and reads relationships, households, positions and birth status', () => {
    const doc = new Y.Doc();
    writeRelationship(doc, couple, people);
    writeRelationship(doc, kid, people);
    writeHousehold(doc, { id: rid('home'), label: 'Mum\u2019s flat', memberIds: ['mum', 'kid'] }, people);
    setPosition(doc, 'kid', { x: 10.4, y: -20.6 });
    setBirthStatus(doc, 'other', 'pregnancy');
    const data = readGenogram(doc);
    expect(data.relationships).toEqual([couple, kid].sort((a, b) => (a.id < b.id ? -1 : 1)));
    expect(data.households).toEqual([{ id: rid('home'), label: 'Mum\u2019s flat', memberIds: ['mum', 'kid'] }]);
    expect(data.positions.get('kid')).toEqual({ x: 10, y: -21 });
    expect(data.birthStatus.get('other')).toBe('pregnancy');
    setBirthStatus(doc, 'other', 'born');
    expect(readGenogram(doc).birthStatus.size).toBe(0);
  });

  it('refuses a write the rules forbid, and writes nothing', () => {
    const doc = new Y.Doc();
    writeRelationship(doc, couple, people);
    const before = Y.encodeStateAsUpdate(doc);
    expect(() => writeRelationship(doc, { ...couple, id: rid('again') }, people)).toThrow(GenogramRuleError);
    expect(() => writeRelationship(doc, { ...kid, child: 'stranger' }, people)).toThrow(/people register/);
    expect(() => writeRelationship(doc, { ...couple, kind: 'engaged' } as unknown as Relationship, people)).toThrow();
    expect(() => setPosition(doc, 'kid', { x: Number.NaN, y: 0 })).toThrow();
    expect(() => writeHousehold(doc, { id: rid('h'), label: '  ', memberIds: [] }, people)).toThrow();
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('skips entries a crafted update made invalid', () => {
    const doc = new Y.Doc();
    writeRelationship(doc, couple, people);
    const map = doc.getMap<unknown>(RELATIONSHIPS_MAP);
    map.set(rid('junk1'), 'not a map');
    const bad = new Y.Map<unknown>();
    map.set(rid('junk2'), bad);
    bad.set('type', 'partnership');
    bad.set('a', 'mum');
    doc.getMap('positions').set('kid', { x: 'far' });
    doc.getMap('birthStatus').set('kid', 'hatched');
    const data = readGenogram(doc);
    expect(data.relationships).toEqual([couple]);
    expect(data.positions.size).toBe(0);
    expect(data.birthStatus.size).toBe(0);
  });

  it('removes the children\u2019s links with their couple, and tidy forgets positions', () => {
    const doc = new Y.Doc();
    writeRelationship(doc, couple, people);
    writeRelationship(doc, kid, people);
    removeRelationship(doc, couple.id);
    expect(readRelationships(doc)).toEqual([]);
    setPosition(doc, 'mum', { x: 1, y: 2 });
    setPosition(doc, 'dad', { x: 3, y: 4 });
    clearPositions(doc, ['mum']);
    expect([...readGenogram(doc).positions.keys()]).toEqual(['dad']);
    clearPositions(doc);
    expect(readGenogram(doc).positions.size).toBe(0);
  });

  it('forgets everything about a person removed from the register', () => {
    const doc = new Y.Doc();
    writeRelationship(doc, couple, people);
    writeRelationship(doc, kid, people);
    writeRelationship(doc, { type: 'line', id: rid('line'), from: 'dad', to: 'kid', kind: 'physical-abuse', directed: true }, people);
    writeHousehold(doc, { id: rid('home'), label: 'Home', memberIds: ['mum', 'dad'] }, people);
    setPosition(doc, 'dad', { x: 1, y: 1 });
    forgetPerson(doc, 'dad');
    const data = readGenogram(doc);
    expect(data.relationships).toEqual([]);
    expect(data.households[0]!.memberIds).toEqual(['mum']);
    expect(data.positions.size).toBe(0);
  });

  it('converges when two people edit at once, keeping both changes', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    writeRelationship(a, couple, people);
    sync(a, b);
    // A changes how the couple stands while B adds their child and moves the mother.
    writeRelationship(a, { ...couple, kind: 'divorced' }, people);
    writeRelationship(b, kid, people);
    setPosition(b, 'mum', { x: 40, y: 50 });
    sync(a, b);
    expect(readGenogram(a)).toEqual(readGenogram(b));
    expect(readRelationships(a)).toContainEqual({ ...couple, kind: 'divorced' });
    expect(readRelationships(a)).toContainEqual(kid);
  });
});
