import { describe, expect, it } from 'vitest';
import { PERSON_HEIGHT, buildFamily, compareByBirth, layoutGenogram, overlaps, personBox, withOverrides, type Family, type LayoutResult } from '../../../shared/genogram/index.js';
import { fortyPersonFamily, randomFamily, type TestFamily } from './familyFixture.js';

/** Lays out a test family the way the page does. */
function layOut(f: TestFamily): { family: Family; result: LayoutResult } {
  const family = buildFamily(f.people, f.data);
  return { family, result: layoutGenogram(family) };
}

/** Every pair of people whose boxes overlap. */
function overlapping(result: LayoutResult): string[] {
  const entries = [...result.positions];
  const out: string[] = [];
  for (let i = 0; i < entries.length; i++) {
    for (let j = i + 1; j < entries.length; j++) {
      if (overlaps(personBox(entries[i]![1]), personBox(entries[j]![1]))) out.push(`${entries[i]![0]} / ${entries[j]![0]}`);
    }
  }
  return out;
}

/** Partnerships whose partners are not in the same row. */
function partnersApart(family: Family, result: LayoutResult): string[] {
  return family.partnerships.filter((p) => result.positions.get(p.a)!.y !== result.positions.get(p.b)!.y).map((p) => p.id);
}

/** Child links whose child is not below every parent. */
function childrenNotBelow(family: Family, result: LayoutResult): string[] {
  return family.childLinks.filter((l) => l.parentIds.some((p) => result.positions.get(l.child)!.y < result.positions.get(p)!.y + PERSON_HEIGHT)).map((l) => l.id);
}

/** Full sibling sets: the children of one link parent (a couple or one person). */
function siblingSets(family: Family): string[][] {
  const sets = new Map<string, string[]>();
  for (const l of family.childLinks) sets.set(`${l.parentType}:${l.parent}`, [...(sets.get(`${l.parentType}:${l.parent}`) ?? []), l.child]);
  return [...sets.values()];
}

/**
 * Sibling sets that no drawing can order: two sets joined by two different couples (two brothers of
 * one family partnering two sisters of another, say, with the birth orders crossed). Each couple sits
 * side by side, so one set's order forces the other's.
 */
function crossedSets(family: Family): Set<string> {
  const partnerOf = new Map<string, string[]>();
  for (const p of family.partnerships) {
    partnerOf.set(p.a, [...(partnerOf.get(p.a) ?? []), p.b]);
    partnerOf.set(p.b, [...(partnerOf.get(p.b) ?? []), p.a]);
  }
  const sets = siblingSets(family);
  const crossed = new Set<string>();
  for (const s of sets) {
    for (const t of sets) {
      if (s === t) continue;
      const links = s.filter((x) => (partnerOf.get(x) ?? []).some((y) => t.includes(y)));
      if (links.length >= 2) crossed.add([...s].sort().join());
    }
  }
  return crossed;
}

/** Full sibling sets (in one row) not ordered eldest first left to right, as names eldest first. */
function siblingsOutOfOrder(family: Family, result: LayoutResult, except: ReadonlySet<string> = new Set()): string[][] {
  const bad: string[][] = [];
  for (const kids of siblingSets(family)) {
    if (except.has([...kids].sort().join())) continue;
    const byRow = new Map<number, string[]>();
    for (const k of kids) byRow.set(result.positions.get(k)!.y, [...(byRow.get(result.positions.get(k)!.y) ?? []), k]);
    for (const row of byRow.values()) {
      const byBirth = [...row].sort((a, b) => compareByBirth(family.byId.get(a), family.byId.get(b)));
      const byX = [...row].sort((a, b) => result.positions.get(a)!.x - result.positions.get(b)!.x);
      if (byBirth.join() !== byX.join()) bad.push(byBirth.map((id) => family.byId.get(id)!.name));
    }
  }
  return bad;
}

describe('layout of the 40-person family over four generations', () => {
  const f = fortyPersonFamily();
  const { family, result } = layOut(f);

  it('places all 40 people in four generation rows', () => {
    expect(family.people).toHaveLength(40);
    expect(result.positions.size).toBe(40);
    expect(new Set(result.generation.values())).toEqual(new Set([0, 1, 2, 3]));
    const name = (n: string) => family.people.find((p) => p.name === n)!.id;
    expect(result.generation.get(name('M1'))).toBe(0);
    expect(result.generation.get(name('A4'))).toBe(1);
    expect(result.generation.get(name('K11'))).toBe(2);
    expect(result.generation.get(name('S2'))).toBe(3);
  });

  it('has no overlapping boxes', () => {
    expect(overlapping(result)).toEqual([]);
  });

  it('keeps every couple in the same row, side by side where they have one partner each', () => {
    expect(partnersApart(family, result)).toEqual([]);
    const name = (n: string) => family.people.find((p) => p.name === n)!.id;
    const gapBetween = (a: string, b: string) => Math.abs(result.positions.get(name(a))!.x - result.positions.get(name(b))!.x);
    expect(gapBetween('M2', 'F2')).toBe(160);
    expect(gapBetween('C2', 'G1')).toBe(160);
    // The man on the left in a man-and-woman couple.
    expect(result.positions.get(name('M2'))!.x).toBeLessThan(result.positions.get(name('F2'))!.x);
    // A mother with two partners sits between them.
    const [b1, a1, d1] = ['B1', 'A1', 'D1'].map((n) => result.positions.get(name(n))!.x) as [number, number, number];
    expect((b1 < a1 && a1 < d1) || (d1 < a1 && a1 < b1)).toBe(true);
  });

  it('puts children below their parents, including the fostered and step-parented child', () => {
    expect(childrenNotBelow(family, result)).toEqual([]);
  });

  it('orders full siblings eldest first, left to right', () => {
    expect(siblingsOutOfOrder(family, result)).toEqual([]);
  });

  it('would notice siblings out of order, overlaps and partners apart (the checks can fail)', () => {
    const id = (n: string) => family.people.find((p) => p.name === n)!.id;
    const broken = { ...result, positions: new Map(result.positions) };
    broken.positions.set(id('A1'), result.positions.get(id('A3'))!);
    broken.positions.set(id('A3'), result.positions.get(id('A1'))!);
    expect(siblingsOutOfOrder(family, broken)).not.toEqual([]);
    broken.positions.set(id('B1'), { ...result.positions.get(id('B1'))!, y: result.positions.get(id('B1'))!.y + 10 });
    expect(partnersApart(family, broken)).not.toEqual([]);
    expect(overlapping(broken)).toEqual([]);
    broken.positions.set(id('M1'), { x: result.positions.get(id('F2'))!.x + 20, y: result.positions.get(id('F2'))!.y + 20 });
    expect(overlapping(broken)).toHaveLength(1);
  });

  it('gives the same drawing whatever order the records arrive in', () => {
    const shuffled: TestFamily = {
      people: [...f.people].reverse(),
      data: { ...f.data, relationships: [...f.data.relationships].reverse() },
    };
    expect([...layOut(shuffled).result.positions].sort()).toEqual([...result.positions].sort());
  });
});

describe('layout of randomly grown families', () => {
  for (const seed of Array.from({ length: 30 }, (_, i) => i + 1)) {
    it(`family ${seed}: no overlaps, couples in one row, children below, siblings in birth order`, () => {
      const { family, result } = layOut(randomFamily(seed, 40));
      expect(result.positions.size).toBe(40);
      expect(overlapping(result)).toEqual([]);
      expect(partnersApart(family, result)).toEqual([]);
      expect(childrenNotBelow(family, result)).toEqual([]);
      expect(siblingsOutOfOrder(family, result, crossedSets(family))).toEqual([]);
    });
  }

  it('exercises sibling sets that no drawing can order, and still orders every other set', () => {
    const crossedFamilies = Array.from({ length: 30 }, (_, i) => buildFamily(randomFamily(i + 1, 40).people, randomFamily(i + 1, 40).data)).filter((f) => crossedSets(f).size > 0);
    expect(crossedFamilies.length).toBeGreaterThan(0);
  });
});

describe('layout of awkward families', () => {
  it('lays out an empty register, a lone person and two unrelated people', () => {
    expect(layoutGenogram({ people: [], partnerships: [], childLinks: [] }).positions.size).toBe(0);
    const one = layoutGenogram({ people: [{ id: 'a', gender: 'male', dateOfBirth: null }], partnerships: [], childLinks: [] });
    expect(one.positions.get('a')).toEqual({ x: 0, y: 0 });
    const two = layoutGenogram({
      people: [
        { id: 'a', gender: 'male', dateOfBirth: null },
        { id: 'b', gender: 'female', dateOfBirth: null },
      ],
      partnerships: [],
      childLinks: [],
    });
    expect(overlaps(personBox(two.positions.get('a')!), personBox(two.positions.get('b')!))).toBe(false);
  });

  it('does not loop or throw on parentage that loops (as concurrent edits could leave it)', () => {
    const people = ['a', 'b', 'c'].map((id) => ({ id, gender: 'unknown' as const, dateOfBirth: null }));
    const result = layoutGenogram({
      people,
      partnerships: [],
      childLinks: [
        { id: 'l1', parentIds: ['a'], partnershipId: null, child: 'b' },
        { id: 'l2', parentIds: ['b'], partnershipId: null, child: 'c' },
        { id: 'l3', parentIds: ['c'], partnershipId: null, child: 'a' },
      ],
    });
    expect(result.positions.size).toBe(3);
    expect(result.positions.get('b')!.y).toBeGreaterThan(result.positions.get('a')!.y);
  });

  it("draws a late partner with no parents of their own in their partner's row, and a lone parent above their child", () => {
    const { family, result } = layOut(fortyPersonFamily());
    const id = (n: string) => family.people.find((p) => p.name === n)!.id;
    expect(result.positions.get(id('H2'))!.y).toBe(result.positions.get(id('K1'))!.y);
    const lone = layoutGenogram({
      people: [
        { id: 'g', gender: 'female', dateOfBirth: null },
        { id: 'p', gender: 'male', dateOfBirth: null },
        { id: 'c', gender: 'male', dateOfBirth: null },
        { id: 's', gender: 'male', dateOfBirth: null },
      ],
      partnerships: [],
      childLinks: [
        { id: 'l1', parentIds: ['g'], partnershipId: null, child: 'p' },
        { id: 'l2', parentIds: ['p'], partnershipId: null, child: 'c' },
        { id: 'l3', parentIds: ['s'], partnershipId: null, child: 'c' },
      ],
    });
    expect(lone.generation.get('s')).toBe(1);
  });

  it('keeps manual positions as overrides and forgets them when tidied', () => {
    const { result } = layOut(fortyPersonFamily());
    const [first] = [...result.positions.keys()];
    const moved = withOverrides(
      result.positions,
      new Map([
        [first!, { x: -500, y: 900 }],
        ['not-in-register', { x: 1, y: 1 }],
      ]),
    );
    expect(moved.get(first!)).toEqual({ x: -500, y: 900 });
    expect(moved.size).toBe(result.positions.size);
    expect(withOverrides(result.positions, new Map())).toEqual(result.positions);
  });
});
