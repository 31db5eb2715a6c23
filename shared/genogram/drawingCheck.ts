import { HOUSEHOLD_LABEL_HEIGHT, nameRect, symbolRect, type Drawing } from './drawing.js';
import { pathSegments, segmentHitsRect } from './segments.js';
import type { Family } from './family.js';
import { overlaps, personBox, type Rect } from './geometry.js';
import type { Point } from './model.js';

/**
 * The legibility rules a drawn genogram must keep, as a checker the layout tests (and anyone tuning
 * the layout) run over whole families: no two people's boxes (symbol and name) overlap; no household
 * label covers a person or another label; no line passes through the symbol of someone it does not
 * join, and no relationship line crosses anyone's name; and no piece of line is shared by two family units, so each couple's (or single parent's)
 * children hang from a sibling line of their own and can never be read as another couple's.
 */

/** One broken rule, in words, naming the people or relationships involved by id. */
export type DrawingProblem = { rule: 'overlap' | 'label' | 'through-symbol' | 'through-name' | 'shared-line'; detail: string };

/** Every broken rule in the drawing of `family` at `positions`. */
export function drawingProblems(family: Family, positions: ReadonlyMap<string, Point>, drawing: Drawing): DrawingProblem[] {
  const problems: DrawingProblem[] = [];
  const people = [...positions.entries()];
  for (let i = 0; i < people.length; i++) {
    for (let j = i + 1; j < people.length; j++) {
      if (overlaps(personBox(people[i]![1]), personBox(people[j]![1]))) problems.push({ rule: 'overlap', detail: `${people[i]![0]} and ${people[j]![0]}` });
    }
  }
  const labels = drawing.households.map((h) => ({ id: h.id, r: { x: h.labelAt.x, y: h.labelAt.y, width: h.labelWidth, height: HOUSEHOLD_LABEL_HEIGHT } }));
  labels.forEach((l, i) => {
    for (const [id, p] of people) if (overlaps(l.r, personBox(p))) problems.push({ rule: 'label', detail: `household ${l.id} label covers ${id}` });
    for (const m of labels.slice(i + 1)) if (overlaps(l.r, m.r)) problems.push({ rule: 'label', detail: `household labels ${l.id} and ${m.id}` });
  });

  // Symbols shrunk by a pixel: a line that only touches an outline does not pass through it.
  const symbols = people.map(([id, p]) => ({ id, r: shrink(symbolRect(p, 0), 1) }));
  const through = (what: string, paths: readonly string[], joins: readonly string[]) => {
    for (const d of paths) {
      for (const [a, b] of pathSegments(d)) {
        for (const s of symbols) {
          if (!joins.includes(s.id) && segmentHitsRect(a, b, s.r)) {
            problems.push({ rule: 'through-symbol', detail: `${what} passes through ${s.id}` });
            return;
          }
        }
      }
    }
  };
  for (const p of family.partnerships) {
    const g = drawing.partnerships.get(p.id);
    if (g) through(`partnership ${p.id}`, [g.path], [p.a, p.b]);
  }
  for (const l of family.childLinks) {
    const g = drawing.children.get(l.id);
    if (g) through(`child link ${l.id}`, [g.path], [l.child, ...l.parentIds]);
  }
  const names = people.map(([id, p]) => ({ id, r: shrink(nameRect(p), 1) }));
  for (const l of family.lines) {
    const g = drawing.lines.get(l.id);
    if (!g) continue;
    through(`line ${l.id}`, g.paths, [l.from, l.to]);
    // A relationship line crossing a name, even its own person's, makes the name hard to read.
    const hit = names.find((n) => g.paths.some((d) => pathSegments(d).some(([a, b]) => segmentHitsRect(a, b, n.r))));
    if (hit) problems.push({ rule: 'through-name', detail: `line ${l.id} crosses the name of ${hit.id}` });
  }

  // Straight pieces of the couples' and children's lines, by the family unit they belong to.
  const pieces: { unit: string; a: Point; b: Point }[] = [];
  for (const [id, g] of drawing.partnerships) for (const [a, b] of pathSegments(g.path)) pieces.push({ unit: `partnership:${id}`, a, b });
  for (const g of drawing.children.values()) for (const [a, b] of pathSegments(g.path)) pieces.push({ unit: g.unit, a, b });
  const reported = new Set<string>();
  for (let i = 0; i < pieces.length; i++) {
    for (let j = i + 1; j < pieces.length; j++) {
      const [p, q] = [pieces[i]!, pieces[j]!];
      // A couple's children hang from the couple's own line: that join is the unit's, not shared.
      if (p.unit === q.unit || p.unit.replace(/^partnership:/, '') === q.unit.replace(/^partnership:/, '')) continue;
      const key = [p.unit, q.unit].sort().join(' / ');
      if (!reported.has(key) && collinearOverlap(p.a, p.b, q.a, q.b) > 2) {
        reported.add(key);
        problems.push({ rule: 'shared-line', detail: key });
      }
    }
  }
  return problems;
}

function shrink(r: Rect, by: number): Rect {
  return { x: r.x + by, y: r.y + by, width: r.width - 2 * by, height: r.height - 2 * by };
}

/** Length over which two axis-aligned segments lie on one another (0 if they do not, or are not axis-aligned). */
function collinearOverlap(a1: Point, a2: Point, b1: Point, b2: Point): number {
  const near = (x: number, y: number) => Math.abs(x - y) < 1;
  const span = (x1: number, x2: number, y1: number, y2: number) => Math.min(Math.max(x1, x2), Math.max(y1, y2)) - Math.max(Math.min(x1, x2), Math.min(y1, y2));
  const aH = near(a1.y, a2.y);
  const bH = near(b1.y, b2.y);
  const aV = near(a1.x, a2.x);
  const bV = near(b1.x, b2.x);
  if (aH && bH && near(a1.y, b1.y)) return span(a1.x, a2.x, b1.x, b2.x);
  if (aV && bV && near(a1.x, b1.x)) return span(a1.y, a2.y, b1.y, b2.y);
  return 0;
}
