import { describe, expect, it } from 'vitest';
import {
  PERSON_WIDTH,
  SYMBOL_SIZE,
  householdRect,
  householdRings,
  lineGeometry,
  lineOffsets,
  partnershipGeometry,
  siblingBarHeights,
  symbolCentre,
  type Line,
} from '../../../shared/genogram/index.js';
import { rid } from './familyFixture.js';

describe('couple lines', () => {
  it('joins partners side by side straight across between their symbols, with slashes for separation and divorce', () => {
    const g = partnershipGeometry({ kind: 'married' }, { x: 0, y: 0 }, { x: 160, y: 0 }, []);
    const left = symbolCentre({ x: 0, y: 0 });
    expect(g.path).toBe(`M${left.x + SYMBOL_SIZE / 2} ${left.y} H${160 + PERSON_WIDTH / 2 - SYMBOL_SIZE / 2}`);
    expect(g.anchor).toEqual({ x: 80 + PERSON_WIDTH / 2, y: left.y });
    expect(g.slashes).toEqual([]);
    expect(partnershipGeometry({ kind: 'separated' }, { x: 0, y: 0 }, { x: 160, y: 0 }, []).slashes).toHaveLength(1);
    expect(partnershipGeometry({ kind: 'divorced' }, { x: 160, y: 0 }, { x: 0, y: 0 }, []).slashes).toHaveLength(2);
  });

  it('runs underneath when someone stands between the partners, or they are in different rows', () => {
    const blocked = partnershipGeometry({ kind: 'married' }, { x: 0, y: 0 }, { x: 320, y: 0 }, [{ x: 160, y: 0 }]);
    expect(blocked.path).toMatch(/^M74 100 V116 H366 V100$/);
    expect(blocked.anchor.y).toBe(116);
    // Not straight below the person in between, whose own children would hang from there.
    expect(blocked.anchor.x).not.toBe(220);
    const apart = partnershipGeometry({ kind: 'cohabiting' }, { x: 0, y: 0 }, { x: 160, y: 50 }, []);
    expect(apart.anchor.y).toBe(166);
  });
});

describe('relationship lines', () => {
  it('stops short of both symbols, points an arrow at the person harmed, and zigzags for abuse and conflict', () => {
    const g = lineGeometry({ kind: 'physical-abuse', directed: true }, { x: 0, y: 0 }, { x: 400, y: 0 });
    expect(g.arrow).not.toBeNull();
    expect(g.paths).toHaveLength(1);
    expect((g.paths[0]!.match(/L/g) ?? []).length).toBeGreaterThan(10);
    const close = lineGeometry({ kind: 'close', directed: false }, { x: 0, y: 0 }, { x: 400, y: 0 });
    expect(close.paths).toHaveLength(2);
    expect(close.arrow).toBeNull();
    expect(lineGeometry({ kind: 'cut-off', directed: false }, { x: 0, y: 0 }, { x: 400, y: 0 }).paths).toHaveLength(3);
  });

  it('draws several lines between the same two people side by side, whichever way each runs', () => {
    const lines: Line[] = [
      { type: 'line', id: rid('l1'), from: 'a', to: 'b', kind: 'conflict', directed: false },
      { type: 'line', id: rid('l2'), from: 'b', to: 'a', kind: 'domestic-abuse', directed: true },
    ];
    const offsets = lineOffsets(lines);
    const a = lineGeometry(lines[0]!, { x: 0, y: 0 }, { x: 400, y: 0 }, offsets.get(rid('l1')));
    const b = lineGeometry(lines[1]!, { x: 400, y: 0 }, { x: 0, y: 0 }, offsets.get(rid('l2')));
    const startY = (d: string) => Number(/^M[-\d.]+ ([-\d.]+)/.exec(d)![1]);
    expect(Math.abs(startY(a.paths[0]!) - startY(b.paths[0]!))).toBe(14);
    // Without offsets the two would lie on top of each other.
    const c = lineGeometry(lines[1]!, { x: 400, y: 0 }, { x: 0, y: 0 });
    expect(startY(c.paths[0]!)).toBe(symbolCentre({ x: 0, y: 0 }).y);
  });
});

describe('sibling lines and households', () => {
  it('raises a set of siblings\u2019 line where it would overlap another set\u2019s in the same row', () => {
    const h = siblingBarHeights([
      { key: 'a', top: 300, left: 0, right: 200 },
      { key: 'b', top: 300, left: 100, right: 400 },
      { key: 'c', top: 300, left: 500, right: 600 },
      { key: 'd', top: 600, left: 0, right: 600 },
    ]);
    expect(h.get('a')).not.toBe(h.get('b'));
    expect(h.get('c')).toBe(h.get('a'));
    expect(h.get('d')! - h.get('a')!).toBe(300);
  });

  it('draws a household round its members, further out for a second household of the same person', () => {
    const positions = new Map([
      ['a', { x: 0, y: 0 }],
      ['b', { x: 160, y: 0 }],
    ]);
    const households = [
      { id: rid('h1'), label: 'Flat', memberIds: ['a', 'b'] },
      { id: rid('h2'), label: 'Nan\u2019s', memberIds: ['b', 'gone'] },
    ];
    const rings = householdRings(households);
    expect([rings.get(rid('h1')), rings.get(rid('h2'))]).toEqual([0, 1]);
    const outer = householdRect(households[1]!, positions, 1)!;
    const inner = householdRect(households[0]!, positions, 0)!;
    expect(inner.x).toBeLessThan(0);
    expect(inner.x + inner.width).toBeGreaterThan(160 + PERSON_WIDTH);
    expect(outer.x + outer.width).toBeGreaterThan(inner.x + inner.width);
    expect(householdRect({ id: rid('h3'), label: 'Empty', memberIds: [] }, positions)).toBeNull();
  });
});
