import { describe, expect, it } from 'vitest';
import { keepUnchanged, sameValue, withMeasured } from '../../../client/src/genogram/stableNodes.js';

const node = (id: string, x: number, extra: Record<string, unknown> = {}) => ({
  id,
  position: { x, y: 0 },
  data: { name: id, facts: { gender: 'female', age: 3 }, editors: [] as string[] },
  ...extra,
});

describe('sameValue', () => {
  it('compares plain data all the way down', () => {
    expect(sameValue(node('a', 1), node('a', 1))).toBe(true);
    expect(sameValue(node('a', 1), node('a', 2))).toBe(false);
    expect(sameValue({ a: [1, 2] }, { a: [1, 2, 3] })).toBe(false);
    expect(sameValue({ a: undefined }, {})).toBe(false);
    expect(sameValue([1], { 0: 1 })).toBe(false);
    expect(sameValue(null, {})).toBe(false);
  });
});

describe('keepUnchanged', () => {
  it('keeps the objects of nodes that did not change, and only those', () => {
    const prev = [node('a', 1), node('b', 2), node('c', 3)];
    const next = keepUnchanged(prev, [node('a', 1), node('b', 5), node('c', 3)]);
    expect(next[0]).toBe(prev[0]);
    expect(next[1]).not.toBe(prev[1]);
    expect(next[1]!.position.x).toBe(5);
    expect(next[2]).toBe(prev[2]);
  });

  it('returns the previous array itself when nothing changed', () => {
    const prev = [node('a', 1), node('b', 2)];
    expect(keepUnchanged(prev, [node('a', 1), node('b', 2)])).toBe(prev);
  });

  it('notices a change of order, an added node and a removed node', () => {
    const prev = [node('a', 1), node('b', 2)];
    const swapped = keepUnchanged(prev, [node('b', 2), node('a', 1)]);
    expect(swapped).not.toBe(prev);
    expect(swapped.map((n) => n.id)).toEqual(['b', 'a']);
    expect(swapped[0]).toBe(prev[1]);
    expect(keepUnchanged(prev, [node('a', 1)]).map((n) => n.id)).toEqual(['a']);
    const added = keepUnchanged(prev, [node('a', 1), node('b', 2), node('c', 3)]);
    expect(added.map((n) => n.id)).toEqual(['a', 'b', 'c']);
    expect(added[0]).toBe(prev[0]);
  });

  it('treats a new name, selection or size as a change', () => {
    const prev = [node('a', 1)];
    expect(keepUnchanged(prev, [node('a', 1, { selected: true })])[0]).not.toBe(prev[0]);
    expect(keepUnchanged(prev, [{ ...node('a', 1), data: { ...node('a', 1).data, name: 'Ann' } }])[0]).not.toBe(prev[0]);
    expect(keepUnchanged(prev, [node('a', 1, { measured: { width: 10, height: 20 } })])[0]).not.toBe(prev[0]);
  });
});

describe('withMeasured', () => {
  it('adds reported sizes and keeps the same map when none differs', () => {
    const known = new Map([['a', { width: 10, height: 20 }]]);
    expect(withMeasured(known, [{ id: 'a', dimensions: { width: 10, height: 20 } }, { id: 'b' }])).toBe(known);
    const next = withMeasured(known, [
      { id: 'a', dimensions: { width: 12, height: 20 } },
      { id: 'b', dimensions: { width: 1, height: 2 } },
    ]);
    expect(next).not.toBe(known);
    expect([...next]).toEqual([
      ['a', { width: 12, height: 20 }],
      ['b', { width: 1, height: 2 }],
    ]);
    expect(known.get('a')).toEqual({ width: 10, height: 20 });
  });
});
