import { describe, expect, it } from 'vitest';
import { buildFamily, computeDrawing, drawingProblems, layoutGenogram, siblingsOf, type Drawing, type Family } from '../../../shared/genogram/index.js';
import { busyFamily, fortyPersonFamily, rid, type TestFamily } from './familyFixture.js';

/** Lays out and draws a test family the way the page does. */
function draw(f: TestFamily): { family: Family; positions: Map<string, { x: number; y: number }>; drawing: Drawing } {
  const family = buildFamily(f.people, f.data);
  const positions = layoutGenogram(family).positions;
  return { family, positions, drawing: computeDrawing(family, positions) };
}

/** What makes a family hard to draw, counted, so the test shows the generated families really are. */
function difficulty(family: Family, positions: ReadonlyMap<string, { y: number }>) {
  const partnerCount = new Map<string, number>();
  for (const p of family.partnerships) for (const id of [p.a, p.b]) partnerCount.set(id, (partnerCount.get(id) ?? 0) + 1);
  return {
    people: family.people.length,
    generations: new Set([...positions.values()].map((p) => p.y)).size,
    remarried: [...partnerCount.values()].filter((n) => n > 1).length,
    halfSiblings: family.people.filter((p) => siblingsOf(family, p.id).some((s) => s.half)).length,
    fostered: family.childLinks.filter((l) => l.kind === 'foster').length,
    adopted: family.childLinks.filter((l) => l.kind === 'adopted').length,
    households: family.households.length,
    lines: family.lines.length,
  };
}

/** Seeds whose generated family spans four generations (a few random families stop at three), the first 16. */
const SEEDS = Array.from({ length: 40 }, (_, i) => i + 1)
  .filter((seed) => {
    const { positions } = draw(busyFamily(seed));
    return new Set([...positions.values()].map((p) => p.y)).size >= 4;
  })
  .slice(0, 16);

describe('the drawing of generated families', () => {
  it('has enough seeds to test', () => expect(SEEDS).toHaveLength(16));

  it('is hard enough: 40 people, four generations, remarriages, half-siblings, fostering, adoption, households and lines', () => {
    const totals = { remarried: 0, halfSiblings: 0, fostered: 0, adopted: 0 };
    for (const seed of SEEDS) {
      const { family, positions } = draw(busyFamily(seed));
      const d = difficulty(family, positions);
      expect(d.people).toBe(40);
      expect(d.generations).toBeGreaterThanOrEqual(4);
      expect(d.households).toBe(4);
      expect(d.lines).toBe(8);
      expect(d.fostered).toBeGreaterThanOrEqual(1);
      for (const k of Object.keys(totals) as (keyof typeof totals)[]) totals[k] += d[k];
    }
    // Every kind of difficulty turns up across the seeds, many times over.
    expect(totals.remarried).toBeGreaterThan(SEEDS.length);
    expect(totals.halfSiblings).toBeGreaterThan(SEEDS.length);
    expect(totals.adopted).toBeGreaterThan(SEEDS.length / 2);
  });

  it.each(SEEDS)('family %i: no overlaps, no line through a symbol, no child bar shared by two families', (seed) => {
    const { family, positions, drawing } = draw(busyFamily(seed));
    expect(drawingProblems(family, positions, drawing)).toEqual([]);
  });

  it('the hand-drawn 40-person family with households keeps every rule too', () => {
    const f = fortyPersonFamily();
    const ids = f.people.map((p) => p.id);
    f.data.households.push(
      { id: rid('hhA'), label: 'Mother\u2019s household', memberIds: ids.slice(28, 34) },
      { id: rid('hhB'), label: 'Maternal grandmother\u2019s home', memberIds: [ids[1]!, ids[6]!] },
      { id: rid('hhC'), label: 'Foster placement', memberIds: [ids[10]!, ids[29]!] },
    );
    const { family, positions, drawing } = draw(f);
    expect(drawingProblems(family, positions, drawing)).toEqual([]);
  });
});

describe('the drawing checker', () => {
  const f = fortyPersonFamily();
  const { family, positions, drawing } = draw(f);

  it('finds two people drawn on top of each other', () => {
    const [a, b] = family.people;
    const moved = new Map(positions).set(b!.id, { ...positions.get(a!.id)!, x: positions.get(a!.id)!.x + 30 });
    expect(drawingProblems(family, moved, computeDrawing(family, moved)).map((p) => p.rule)).toContain('overlap');
  });

  it('finds a line through someone\u2019s symbol', () => {
    const line = { type: 'line' as const, id: rid('lx'), from: family.people[0]!.id, to: family.people[1]!.id, kind: 'conflict' as const, directed: false };
    const withLine = { ...family, lines: [line] };
    const straight = new Map(drawing.lines);
    const [pa, pb, pc] = [positions.get(line.from)!, positions.get(line.to)!, positions.get(family.people[2]!.id)!];
    // A straight line drawn from the first person through the third person's symbol.
    straight.set(line.id, { paths: [`M${pa.x + 60} ${pa.y + 28} L${pc.x + 60} ${pc.y + 28} L${pb.x + 60} ${pb.y + 28}`], arrow: null, label: pa });
    const problems = drawingProblems(withLine, positions, { ...drawing, lines: straight });
    expect(problems.some((p) => p.rule === 'through-symbol' && p.detail.startsWith(`line ${line.id}`))).toBe(true);
    // Drawn properly, the same line goes round everyone.
    expect(drawingProblems(withLine, positions, computeDrawing(withLine, positions))).toEqual([]);
  });

  it('finds two families\u2019 children hanging from one bar', () => {
    const [first, second] = [...drawing.children.entries()].filter(([, c], i, all) => all.findIndex(([, d]) => d.unit === c.unit) === i);
    const children = new Map(drawing.children).set(second![0], { ...second![1], path: first![1].path });
    expect(drawingProblems(family, positions, { ...drawing, children }).map((p) => p.rule)).toContain('shared-line');
  });

  it('finds a household label over a person', () => {
    const [h] = [{ id: rid('hh'), label: 'Home', rect: { x: 0, y: 0, width: 10, height: 10 }, labelWidth: 80 }];
    const p = positions.get(family.people[0]!.id)!;
    const problems = drawingProblems(family, positions, { ...drawing, households: [{ ...h!, labelAt: { x: p.x + 10, y: p.y + 60 } }] });
    expect(problems.map((x) => x.rule)).toContain('label');
  });
});
