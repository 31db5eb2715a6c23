import type { Family } from './family.js';
import {
  CHILD_LINK_DASH,
  PARTNERSHIP_DASH,
  SYMBOL_SIZE,
  SYMBOL_TOP,
  childPath,
  householdRect,
  householdRings,
  identicalTwinsBar,
  lineAlong,
  lineGeometry,
  lineOffsets,
  overlaps,
  partnersSideBySide,
  SIBLING_BAR_OFFSET,
  partnershipGeometry,
  personBox,
  siblingBarHeights,
  singleParentAnchor,
  symbolCentre,
  twinApexes,
  type LineGeometry,
  type PartnershipGeometry,
  type Rect,
  type SiblingSpan,
} from './geometry.js';
import { PERSON_HEIGHT, PERSON_WIDTH } from './layout.js';
import type { Point } from './model.js';
import { routeAround } from './lineRoute.js';
import { pathSegments, segmentHitsRect } from './segments.js';

/**
 * Every line and outline of the genogram, worked out from where people are drawn. Pure and shared,
 * so the live canvas, the exported file and the layout tests see exactly the same drawing.
 */

/** A household outline and where its label sits (top-left of the label's box). */
export type HouseholdDrawing = { id: string; label: string; rect: Rect; labelAt: Point; labelWidth: number };

/** Every line and outline of the genogram. */
export type Drawing = {
  partnerships: Map<string, PartnershipGeometry & { dash: string | null }>;
  /** Each child's line, with the family unit (couple or single parent) it hangs from. */
  children: Map<string, { path: string; dash: string | null; unit: string }>;
  lines: Map<string, LineGeometry>;
  twinBars: Map<string, string>;
  households: HouseholdDrawing[];
};

/** Height of a household label's box. */
export const HOUSEHOLD_LABEL_HEIGHT = 18;
/** Width allowed per character of a household label (12px bold text, generously). */
const LABEL_CHAR_WIDTH = 7.5;

/** The width a household label takes on the drawing. */
export function householdLabelWidth(label: string): number {
  return Math.ceil(label.length * LABEL_CHAR_WIDTH) + 10;
}

/** A person's symbol as a rectangle, a little larger than drawn so lines keep clear of it. */
export function symbolRect(p: Point, margin = 2): Rect {
  const c = symbolCentre(p);
  const h = SYMBOL_SIZE / 2 + margin;
  return { x: c.x - h, y: c.y - h, width: 2 * h, height: 2 * h };
}

/** Horizontal distance between the lines into one child's symbol from different parents. */
export const CHILD_ENTRY_GAP = 12;

/** The part of a person's box holding their name and second line, beneath the symbol. */
export function nameRect(p: Point): Rect {
  const top = p.y + SYMBOL_TOP + SYMBOL_SIZE + 2;
  return { x: p.x + 6, y: top, width: PERSON_WIDTH - 12, height: p.y + PERSON_HEIGHT - top };
}

/** Bends tried, in turn, for a relationship line that would otherwise cross someone's symbol. */
const BENDS = [0, 30, -30, 60, -60, 100, -100];

/**
 * Computes the drawing for the family at `positions` (which may include people being dragged right
 * now, so the lines follow them).
 */
export function computeDrawing(family: Family, positions: ReadonlyMap<string, Point>): Drawing {
  const at = (id: string) => positions.get(id);
  const everyone = [...positions.entries()];
  const partnerships: Drawing['partnerships'] = new Map();
  const under: { id: string; row: number; left: number; right: number }[] = [];
  for (const p of family.partnerships) {
    const pa = at(p.a);
    const pb = at(p.b);
    if (!pa || !pb) continue;
    const others = everyone.filter(([id]) => id !== p.a && id !== p.b).map(([, pos]) => pos);
    if (!partnersSideBySide(pa, pb, others)) under.push({ id: p.id, row: Math.max(pa.y, pb.y), left: Math.min(pa.x, pb.x), right: Math.max(pa.x, pb.x) });
  }
  const lanes = laneOf(under);
  const pairs = new Map<string, number>();
  for (const p of family.partnerships) {
    const pa = at(p.a);
    const pb = at(p.b);
    if (!pa || !pb) continue;
    const others = everyone.filter(([id]) => id !== p.a && id !== p.b).map(([, pos]) => pos);
    const pair = p.a < p.b ? `${p.a}|${p.b}` : `${p.b}|${p.a}`;
    const nth = pairs.get(pair) ?? 0;
    pairs.set(pair, nth + 1);
    const lane = lanes.get(p.id) ?? nth;
    partnerships.set(p.id, { ...partnershipGeometry(p, pa, pb, others, lane), dash: PARTNERSHIP_DASH[p.kind] });
  }
  const apexes = twinApexes(family.childLinks, family.twins, positions);
  // A child hanging from several parents (birth parents and a foster carer, say) takes each line in at its own point.
  const linksOfChild = new Map<string, string[]>();
  for (const l of family.childLinks) if (!apexes.has(l.id)) linksOfChild.set(l.child, [...(linksOfChild.get(l.child) ?? []), l.id]);
  const entry = new Map<string, number>();
  for (const [child, ids] of linksOfChild) {
    const p = at(child);
    if (!p) continue;
    ids.forEach((id, i) => {
      entry.set(id, p.x + PERSON_WIDTH / 2 + (i - (ids.length - 1) / 2) * CHILD_ENTRY_GAP);
    });
  }
  // Where each child's line starts, and one sibling line per set of full siblings (children of one
  // parent ref), in the gap just below the parents' row. A child drawn further down than that row (a
  // generation is skipped because of their partner's family) is reached down a clear column between
  // the people in the rows in between, then along a sibling line of their own above their row.
  const rowTops = [...new Set([...positions.values()].map((p) => p.y))].sort((a, b) => a - b);
  const boxes = everyone.map(([id, p]) => ({ id, r: personBox(p) }));
  const anchors = new Map<string, Point>();
  const spans = new Map<string, SiblingSpan>();
  const far = new Map<string, { column: number; key: string }>();
  const widen = (key: string, top: number, xs: number[]) => {
    const span = spans.get(key);
    spans.set(key, {
      key,
      top: Math.min(span?.top ?? top, top),
      left: Math.min(span?.left ?? Infinity, ...xs),
      right: Math.max(span?.right ?? -Infinity, ...xs),
    });
  };
  for (const l of family.childLinks) {
    let anchor: Point | undefined;
    if (l.partnershipId) anchor = partnerships.get(l.partnershipId)?.anchor;
    else {
      const parent = at(l.parentIds[0]!);
      anchor = parent ? singleParentAnchor(parent) : undefined;
    }
    if (anchor && at(l.child)) anchors.set(l.id, anchor);
  }
  // A child's line must not come down where another family's line drops from its parents.
  const drops = new Set([...anchors.values()].map((a) => Math.round(a.x)));
  for (const l of family.childLinks) {
    const child = at(l.child);
    const x = entry.get(l.id) ?? (apexes.has(l.id) || !child ? undefined : child.x + PERSON_WIDTH / 2);
    const clashes = (at: number) => [...drops].some((d) => Math.abs(d - at) < 3);
    if (x === undefined || !clashes(x) || Math.abs((anchors.get(l.id)?.x ?? Infinity) - x) < 3) continue;
    const step = CHILD_ENTRY_GAP / 2;
    const moved = [step, -step, 2 * step, -2 * step, 3 * step, -3 * step].map((d) => x + d).find((at) => !clashes(at));
    entry.set(l.id, moved ?? x + step);
  }
  const columns: { x: number; top: number; bottom: number }[] = [];
  for (const l of family.childLinks) {
    const child = at(l.child);
    const anchor = anchors.get(l.id);
    if (!child || !anchor) continue;
    const key = `${l.parentType}:${l.parent}`;
    const cx = apexes.get(l.id) ?? entry.get(l.id) ?? child.x + PERSON_WIDTH / 2;
    const top = child.y + SYMBOL_TOP;
    const nextRow = rowTops.find((y) => y > anchor.y + 1);
    if (nextRow === undefined || child.y <= nextRow + 1) {
      widen(key, top, [anchor.x, cx]);
      continue;
    }
    const between = boxes.filter((b) => b.id !== l.child && b.r.y >= nextRow - 1 && b.r.y < child.y - 1).map((b) => b.r);
    const column = clearColumn(between, nextRow - SIBLING_BAR_OFFSET - 40, child.y, cx, columns);
    columns.push({ x: column, top: nextRow - SIBLING_BAR_OFFSET - 40, bottom: child.y });
    widen(key, nextRow + SYMBOL_TOP, [anchor.x, column]);
    const own = `${key}>${l.id}`;
    widen(own, top, [column, cx]);
    far.set(l.id, { column, key: own });
  }
  const bars = siblingBarHeights([...spans.values()]);
  const children: Drawing['children'] = new Map();
  for (const l of family.childLinks) {
    const anchor = anchors.get(l.id);
    const child = at(l.child);
    if (!anchor || !child) continue;
    const unit = `${l.parentType}:${l.parent}`;
    const route = far.get(l.id);
    const bar = bars.get(unit) ?? anchor.y;
    const path = route
      ? `M${anchor.x} ${anchor.y} V${bar} H${route.column} ${childPath({ x: route.column, y: bar }, child, apexes.get(l.id) ?? null, bars.get(route.key), entry.get(l.id)).replace(/^M\S+ \S+ /, '')}`
      : childPath(anchor, child, apexes.get(l.id) ?? null, bar, entry.get(l.id));
    children.set(l.id, { path, dash: CHILD_LINK_DASH[l.kind], unit });
  }
  const offsets = lineOffsets(family.lines);
  const lines: Drawing['lines'] = new Map();
  for (const l of family.lines) {
    const from = at(l.from);
    const to = at(l.to);
    if (!from || !to) continue;
    const a = symbolCentre(from);
    const b = symbolCentre(to);
    // Only symbols near the straight line can be in the way of it or of its gentler curves.
    const reach = { x: Math.min(a.x, b.x) - 260, y: Math.min(a.y, b.y) - 260, width: Math.abs(a.x - b.x) + 520, height: Math.abs(a.y - b.y) + 520 };
    // Lines keep off other people's symbols and off everyone's name, their own included.
    const obstacles = [...everyone.filter(([id]) => id !== l.from && id !== l.to).map(([, p]) => symbolRect(p, 4)), ...everyone.map(([, p]) => nameRect(p))];
    const near = obstacles.filter((r) => overlaps(r, reach));
    const offset = offsets.get(l.id) ?? 0;
    const clear = (g: LineGeometry, among = near) => !g.paths.some((d) => pathSegments(d).some(([p, q]) => among.some((r) => segmentHitsRect(p, q, r))));
    let chosen: LineGeometry | undefined;
    // Between partners, a straight line would lie on the couple's own line: bow it upwards, away from
    // where their children hang.
    const partners = family.partnerships.some((p) => (p.a === l.from && p.b === l.to) || (p.a === l.to && p.b === l.from));
    const up = b.x >= a.x ? -1 : 1;
    for (const bend of partners ? BENDS.filter((x) => x !== 0).map((x) => x * up) : BENDS) {
      const g = lineGeometry(l, from, to, offset, bend);
      if (clear(g)) {
        chosen = g;
        break;
      }
    }
    if (!chosen) {
      // Crowded: go round everyone on a searched route instead.
      const route = routeAround(a, b, obstacles);
      const g = route && route.length >= 2 ? lineAlong(l, trimEnds(route, SYMBOL_SIZE / 2 + 6)) : null;
      chosen = g && clear(g, obstacles) ? g : lineGeometry(l, from, to, offset);
    }
    lines.set(l.id, chosen);
  }
  const twinBars: Drawing['twinBars'] = new Map();
  for (const t of family.twins) {
    const a = at(t.a);
    const b = at(t.b);
    if (t.identical && a && b) twinBars.set(t.id, identicalTwinsBar(a, b));
  }
  return { partnerships, children, lines, twinBars, households: placeHouseholds(family, positions) };
}

/** A route with its ends moved `by` units inwards along its first and last pieces, so it starts and stops clear of both symbols. */
function trimEnds(route: readonly Point[], by: number): Point[] {
  const out = [...route];
  const move = (p: Point, q: Point) => {
    const d = Math.hypot(q.x - p.x, q.y - p.y) || 1;
    const k = Math.min(by, d / 2) / d;
    return { x: p.x + (q.x - p.x) * k, y: p.y + (q.y - p.y) * k };
  };
  out[0] = move(route[0]!, route[1]!);
  out[out.length - 1] = move(route[route.length - 1]!, route[route.length - 2]!);
  return out;
}

/** Gap kept between a column line and the boxes it runs past. */
const COLUMN_CLEARANCE = 10;

/**
 * The x nearest `near` at which a vertical line from `top` to `bottom` passes no box and no column
 * already `taken` by another child's line: just beside one of the boxes, or beyond them all.
 */
function clearColumn(boxes: readonly Rect[], top: number, bottom: number, near: number, taken: readonly { x: number; top: number; bottom: number }[]): number {
  const inRange = boxes.filter((b) => b.y < bottom && b.y + b.height > top);
  const used = taken.filter((t) => t.top < bottom && t.bottom > top);
  const candidates = [near, ...inRange.flatMap((b) => [b.x - COLUMN_CLEARANCE - 4, b.x + b.width + COLUMN_CLEARANCE + 4])];
  for (const t of used) candidates.push(t.x - 8, t.x + 8);
  const clear = (x: number) => !inRange.some((b) => x > b.x - COLUMN_CLEARANCE && x < b.x + b.width + COLUMN_CLEARANCE) && !used.some((t) => Math.abs(t.x - x) < 6);
  return candidates.filter(clear).sort((a, b) => Math.abs(a - near) - Math.abs(b - near) || a - b)[0] ?? near;
}

/**
 * A lane for each couple's line drawn underneath: in one row, lines whose spans meet or overlap (two
 * couples sharing a partner meet at that partner) take different lanes.
 */
function laneOf(spans: readonly { id: string; row: number; left: number; right: number }[]): Map<string, number> {
  const out = new Map<string, number>();
  const rows = new Map<number, (typeof spans)[number][]>();
  for (const s of spans) rows.set(s.row, [...(rows.get(s.row) ?? []), s]);
  for (const row of rows.values()) {
    const ends: number[] = [];
    for (const s of [...row].sort((a, b) => a.left - b.left || a.right - b.right || (a.id < b.id ? -1 : 1))) {
      let lane = ends.findIndex((end) => end < s.left);
      if (lane < 0) lane = ends.length;
      ends[lane] = s.right;
      out.set(s.id, lane);
    }
  }
  return out;
}

/**
 * Household outlines, each label placed where it covers no one: along the top edge at the left, then
 * the right, then along the bottom edge, then above the outline, taking the first place that is clear
 * of every person's box and every label already placed.
 */
function placeHouseholds(family: Family, positions: ReadonlyMap<string, Point>): HouseholdDrawing[] {
  const rings = householdRings(family.households);
  const boxes = [...positions.values()].map(personBox);
  const placed: Rect[] = [];
  const out: HouseholdDrawing[] = [];
  for (const h of family.households) {
    const rect = householdRect(h, positions, rings.get(h.id) ?? 0);
    if (!rect) continue;
    const width = householdLabelWidth(h.label);
    const right = rect.x + rect.width - 12 - width;
    const bottom = rect.y + rect.height - HOUSEHOLD_LABEL_HEIGHT / 2;
    const candidates: Point[] = [
      { x: rect.x + 12, y: rect.y - HOUSEHOLD_LABEL_HEIGHT / 2 },
      { x: right, y: rect.y - HOUSEHOLD_LABEL_HEIGHT / 2 },
      { x: rect.x + 12, y: bottom },
      { x: right, y: bottom },
    ];
    for (let k = 1; k <= 6; k++) candidates.push({ x: rect.x + 12, y: rect.y - HOUSEHOLD_LABEL_HEIGHT / 2 - k * (HOUSEHOLD_LABEL_HEIGHT + 2) });
    const clear = (p: Point) => {
      const r = { x: p.x, y: p.y, width, height: HOUSEHOLD_LABEL_HEIGHT };
      return !boxes.some((b) => overlaps(b, r)) && !placed.some((b) => overlaps(b, r));
    };
    const labelAt = candidates.find(clear) ?? candidates[0]!;
    placed.push({ x: labelAt.x, y: labelAt.y, width, height: HOUSEHOLD_LABEL_HEIGHT });
    out.push({ id: h.id, label: h.label, rect, labelAt, labelWidth: width });
  }
  return out;
}

/** Most characters of a name on one line under a symbol (12-13px bold in a box PERSON_WIDTH wide). */
export const NAME_LINE_CHARS = 14;

/**
 * A name broken onto at most two lines at spaces (or hyphens), so that it is not cut short; only a
 * name too long for two lines is shortened, with an ellipsis, and its whole is in the person's label.
 */
export function wrapName(name: string, perLine = NAME_LINE_CHARS): string[] {
  const text = name.trim().replace(/\s+/g, ' ');
  if (text.length <= perLine) return [text];
  const words = text.split(/(?<=[ -])/);
  let first = '';
  while (words.length > 0 && (first + words[0]!).trimEnd().length <= perLine) first += words.shift()!;
  if (!first) {
    first = text.slice(0, perLine);
    words.splice(0, words.length, text.slice(perLine));
  }
  const rest = words.join('').trim();
  const second = rest.length <= perLine ? rest : `${rest.slice(0, perLine - 1).trimEnd()}\u2026`;
  return second ? [first.trim(), second] : [first.trim()];
}

/** Most characters of the relationship line on one line under a name (11px text in a box PERSON_WIDTH wide). */
export const META_LINE_CHARS = 20;

/** The relationship line under a name: on two lines when the name takes one, else on one (shortened if it must be). */
export function wrapMeta(meta: string, nameLines: number): string[] {
  if (!meta) return [];
  const wrapped = wrapName(meta, META_LINE_CHARS);
  if (nameLines < 2 || wrapped.length === 1) return wrapped;
  return [meta.length > META_LINE_CHARS ? `${meta.slice(0, META_LINE_CHARS - 1).trimEnd()}\u2026` : meta];
}

/** The rectangle holding everything drawn: boxes, outlines, household labels and every line. */
export function drawingExtent(drawing: Drawing, positions: ReadonlyMap<string, Point>, margin = 40): Rect {
  const xs: number[] = [];
  const ys: number[] = [];
  const add = (r: Rect) => {
    xs.push(r.x, r.x + r.width);
    ys.push(r.y, r.y + r.height);
  };
  for (const p of positions.values()) add(personBox(p));
  for (const h of drawing.households) {
    add(h.rect);
    add({ x: h.labelAt.x, y: h.labelAt.y, width: h.labelWidth, height: HOUSEHOLD_LABEL_HEIGHT });
  }
  const paths = [
    ...[...drawing.partnerships.values()].map((g) => g.path),
    ...[...drawing.children.values()].map((g) => g.path),
    ...[...drawing.lines.values()].flatMap((g) => g.paths),
  ];
  for (const d of paths) for (const [a, b] of pathSegments(d)) add({ x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), width: Math.abs(a.x - b.x), height: Math.abs(a.y - b.y) });
  if (xs.length === 0) return { x: 0, y: 0, width: 2 * margin, height: 2 * margin };
  const x = Math.min(...xs) - margin;
  const y = Math.min(...ys) - margin;
  return { x, y, width: Math.max(...xs) + margin - x, height: Math.max(...ys) + margin - y };
}
