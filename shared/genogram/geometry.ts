import type { ChildLink } from './family.js';
import { PERSON_HEIGHT, PERSON_WIDTH } from './layout.js';
import type { ChildLinkKind, Household, Line, LineKind, Partnership, PartnershipKind, Point, Twins } from './model.js';

/**
 * Where the genogram's lines go, as SVG path data, from the people's positions. Pure, so the live
 * drawing and the exported file draw exactly the same thing. A position is the top-left of a person's
 * box; the symbol sits centred at the top of the box and the name beneath it.
 */

/** Size of a person's symbol (square, circle or diamond). */
export const SYMBOL_SIZE = 44;
/** Gap between the top of a person's box and their symbol. */
export const SYMBOL_TOP = 6;

/** A rectangle. */
export type Rect = { x: number; y: number; width: number; height: number };

/** Centre of a person's symbol. */
export function symbolCentre(p: Point): Point {
  return { x: p.x + PERSON_WIDTH / 2, y: p.y + SYMBOL_TOP + SYMBOL_SIZE / 2 };
}

/** A person's whole box (symbol and name). */
export function personBox(p: Point): Rect {
  return { x: p.x, y: p.y, width: PERSON_WIDTH, height: PERSON_HEIGHT };
}

/** True when two rectangles overlap (touching edges do not count). */
export function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Dash pattern of a couple's line; the slashes carry separation and divorce. */
export const PARTNERSHIP_DASH: Record<PartnershipKind, string | null> = {
  married: null, cohabiting: '8 5', separated: null, divorced: null, ended: '8 5',
};
/** Number of slashes across a couple's line. */
export const PARTNERSHIP_SLASHES: Record<PartnershipKind, number> = {
  married: 0, cohabiting: 0, separated: 1, divorced: 2, ended: 2,
};

/** A couple's line: its path, the slashes across it, and the point children hang from. */
export type PartnershipGeometry = { path: string; slashes: string[]; anchor: Point };

/**
 * A couple's line. Partners side by side in one row are joined straight across between their
 * symbols; otherwise (someone in between, or moved apart) the line drops from below both boxes and
 * runs across underneath, as genograms draw it. `others` are everyone else's positions.
 */
export function partnershipGeometry(p: Pick<Partnership, 'kind'>, pa: Point, pb: Point, others: readonly Point[]): PartnershipGeometry {
  const [l, r] = pa.x <= pb.x ? [pa, pb] : [pb, pa];
  const cl = symbolCentre(l);
  const cr = symbolCentre(r);
  const half = SYMBOL_SIZE / 2;
  const sameRow = Math.abs(l.y - r.y) < 1 && cr.x - cl.x > SYMBOL_SIZE + 8;
  const blocked = sameRow && others.some((o) => {
    const c = symbolCentre(o);
    return Math.abs(c.y - cl.y) < SYMBOL_SIZE && c.x + half > cl.x + half && c.x - half < cr.x - half;
  });
  let path: string;
  let anchor: Point;
  let slashAt: (dx: number) => Point;
  if (sameRow && !blocked) {
    const x1 = cl.x + half;
    const x2 = cr.x - half;
    path = `M${x1} ${cl.y} H${x2}`;
    anchor = { x: (x1 + x2) / 2, y: cl.y };
    slashAt = (dx) => ({ x: anchor.x + dx, y: cl.y });
  } else {
    const yl = l.y + PERSON_HEIGHT;
    const yr = r.y + PERSON_HEIGHT;
    const y = Math.max(yl, yr) + 16;
    path = `M${cl.x} ${yl} V${y} H${cr.x} V${yr}`;
    anchor = { x: (cl.x + cr.x) / 2, y };
    slashAt = (dx) => ({ x: anchor.x + dx, y });
  }
  const n = PARTNERSHIP_SLASHES[p.kind];
  const slashes: string[] = [];
  for (let i = 0; i < n; i++) {
    const c = slashAt(-18 - i * 9);
    slashes.push(`M${c.x - 5} ${c.y + 9} L${c.x + 5} ${c.y - 9}`);
  }
  return { path, slashes, anchor };
}

/** Dash pattern of a child's link: birth solid, adopted dashed, foster dotted, step dash-dot. */
export const CHILD_LINK_DASH: Record<ChildLinkKind, string | null> = {
  birth: null, adopted: '8 5', foster: '2 4', step: '12 4 2 4',
};

/** Where a single parent's children hang from: below the middle of the parent's box. */
export function singleParentAnchor(p: Point): Point {
  return { x: p.x + PERSON_WIDTH / 2, y: p.y + PERSON_HEIGHT };
}

/** Height of the sibling line above the children's symbols. */
export const SIBLING_BAR_OFFSET = 28;

/**
 * A child's line: down from the couple's (or parent's) anchor to the sibling line, across, and down to
 * the child's symbol. A twin's line leaves the sibling line at the twins' shared point and runs
 * diagonally, so twins visibly share one birth.
 */
export function childPath(anchor: Point, child: Point, twinApexX: number | null, barY?: number): string {
  const top = child.y + SYMBOL_TOP;
  const cx = child.x + PERSON_WIDTH / 2;
  const bar = barY ?? top - SIBLING_BAR_OFFSET;
  if (twinApexX !== null) return `M${anchor.x} ${anchor.y} V${bar} H${twinApexX} L${cx} ${top}`;
  return `M${anchor.x} ${anchor.y} V${bar} H${cx} V${top}`;
}

/** Vertical distance between stacked sibling lines in one row. */
export const SIBLING_LANE_GAP = 10;

/** One set of full siblings' line: hung from `anchorX`, spanning its children, above the row whose symbols start at `top`. */
export type SiblingSpan = { key: string; top: number; left: number; right: number };

/**
 * Gives each set of full siblings its own sibling line height. Where the lines of two sets in the
 * same row would overlap, the later one is raised by a lane, so one family's line never reads as
 * running into another's. Returns each set's line y.
 */
export function siblingBarHeights(spans: readonly SiblingSpan[]): Map<string, number> {
  const out = new Map<string, number>();
  const rows = new Map<number, SiblingSpan[]>();
  for (const s of spans) rows.set(s.top, [...(rows.get(s.top) ?? []), s]);
  for (const [top, row] of rows) {
    const laneEnds: number[] = [];
    for (const s of [...row].sort((a, b) => a.left - b.left || a.right - b.right || (a.key < b.key ? -1 : 1))) {
      let lane = laneEnds.findIndex((end) => end + 12 < s.left);
      if (lane < 0) lane = laneEnds.length;
      laneEnds[lane] = s.right;
      out.set(s.key, top - SIBLING_BAR_OFFSET + 8 - lane * SIBLING_LANE_GAP);
    }
  }
  return out;
}

/** The bar joining identical twins' lines halfway down. */
export function identicalTwinsBar(a: Point, b: Point): string {
  const ca = { x: a.x + PERSON_WIDTH / 2, y: a.y + SYMBOL_TOP };
  const cb = { x: b.x + PERSON_WIDTH / 2, y: b.y + SYMBOL_TOP };
  const apex = { x: (ca.x + cb.x) / 2, y: Math.min(ca.y, cb.y) - SIBLING_BAR_OFFSET };
  const mid = (c: Point) => ({ x: (apex.x + c.x) / 2, y: (apex.y + c.y) / 2 });
  const [ma, mb] = [mid(ca), mid(cb)];
  return `M${ma.x} ${ma.y} L${mb.x} ${mb.y}`;
}

/** The x where twins' lines leave the sibling line: midway between the twins. */
export function twinApex(a: Point, b: Point): number {
  return (a.x + b.x) / 2 + PERSON_WIDTH / 2;
}

/** For each child link, the x its twin lines meet at, if the child is a twin hanging from the same link. */
export function twinApexes(links: readonly ChildLink[], twins: readonly Twins[], positions: ReadonlyMap<string, Point>): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of twins) {
    const pa = positions.get(t.a);
    const pb = positions.get(t.b);
    if (!pa || !pb) continue;
    for (const l of links) {
      if (l.child !== t.a && l.child !== t.b) continue;
      const other = l.child === t.a ? t.b : t.a;
      if (links.some((m) => m.child === other && m.parent === l.parent && m.parentType === l.parentType)) out.set(l.id, twinApex(pa, pb));
    }
  }
  return out;
}

/** How each relationship line looks. Every kind differs in shape or a letter code, never only in colour. */
export const LINE_STYLE: Record<LineKind, { pattern: 'zigzag' | 'straight' | 'double' | 'cut'; dash: string | null; code: string | null; colour: string }> = {
  'domestic-abuse': { pattern: 'zigzag', dash: null, code: 'DA', colour: '#b3261e' },
  'physical-abuse': { pattern: 'zigzag', dash: null, code: 'PA', colour: '#b3261e' },
  'sexual-abuse': { pattern: 'zigzag', dash: null, code: 'SA', colour: '#6a1b9a' },
  'emotional-abuse': { pattern: 'zigzag', dash: null, code: 'EA', colour: '#8a4b00' },
  neglect: { pattern: 'straight', dash: '8 5', code: 'N', colour: '#8a4b00' },
  conflict: { pattern: 'zigzag', dash: null, code: null, colour: '#0b0c0c' },
  close: { pattern: 'double', dash: null, code: null, colour: '#11652f' },
  distant: { pattern: 'straight', dash: '2 5', code: null, colour: '#0b0c0c' },
  'cut-off': { pattern: 'cut', dash: null, code: null, colour: '#0b0c0c' },
};

/** A relationship line: its paths, an arrowhead if directed, and where its letter code goes. */
export type LineGeometry = { paths: string[]; arrow: string | null; label: Point };

/** A relationship line between two people's symbols, stopping short of both, offset when there are several. */
export function lineGeometry(line: Pick<Line, 'kind' | 'directed'>, from: Point, to: Point, offset = 0): LineGeometry {
  const a0 = symbolCentre(from);
  const b0 = symbolCentre(to);
  const dx = b0.x - a0.x;
  const dy = b0.y - a0.y;
  const len = Math.hypot(dx, dy) || 1;
  const [ux, uy] = [dx / len, dy / len];
  const [nx, ny] = [-uy, ux];
  const gap = SYMBOL_SIZE / 2 + 6;
  const a = { x: a0.x + ux * gap + nx * offset, y: a0.y + uy * gap + ny * offset };
  const b = { x: b0.x - ux * gap + nx * offset, y: b0.y - uy * gap + ny * offset };
  const span = Math.max(0, len - 2 * gap);
  const at = (t: number, side = 0) => ({ x: a.x + ux * t + nx * side, y: a.y + uy * t + ny * side });
  const style = LINE_STYLE[line.kind];
  const f = (p: Point) => `${round(p.x)} ${round(p.y)}`;
  const paths: string[] = [];
  if (style.pattern === 'zigzag') {
    const step = 8;
    const n = Math.max(2, Math.floor(span / step));
    let d = `M${f(a)}`;
    for (let i = 1; i < n; i++) d += ` L${f(at((span * i) / n, i % 2 ? 5 : -5))}`;
    paths.push(`${d} L${f(b)}`);
  } else if (style.pattern === 'double') {
    paths.push(`M${f(at(0, 3))} L${f(at(span, 3))}`, `M${f(at(0, -3))} L${f(at(span, -3))}`);
  } else {
    paths.push(`M${f(a)} L${f(b)}`);
    if (style.pattern === 'cut') {
      for (const t of [span / 2 - 4, span / 2 + 4]) paths.push(`M${f(at(t, 8))} L${f(at(t, -8))}`);
    }
  }
  let arrow: string | null = null;
  if (line.directed) {
    const tip = b;
    const base = at(Math.max(0, span - 12));
    const l = { x: base.x + nx * 6, y: base.y + ny * 6 };
    const r = { x: base.x - nx * 6, y: base.y - ny * 6 };
    arrow = `M${f(tip)} L${f(l)} L${f(r)} Z`;
  }
  return { paths, arrow, label: at(span / 2, 14) };
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

/** Padding between a household outline and its members' boxes; each further outline round the same person sits further out. */
export const HOUSEHOLD_PADDING = 14;

/** A household outline round its members, with room for its label at the top. */
export function householdRect(h: Household, positions: ReadonlyMap<string, Point>, ring = 0): Rect | null {
  const boxes = h.memberIds.map((id) => positions.get(id)).filter((p): p is Point => !!p).map(personBox);
  if (boxes.length === 0) return null;
  const pad = HOUSEHOLD_PADDING + ring * 10;
  const x = Math.min(...boxes.map((b) => b.x)) - pad;
  const y = Math.min(...boxes.map((b) => b.y)) - pad - 18;
  const right = Math.max(...boxes.map((b) => b.x + b.width)) + pad;
  const bottom = Math.max(...boxes.map((b) => b.y + b.height)) + pad;
  return { x, y, width: right - x, height: bottom - y };
}

/** Each household's ring number: how many earlier households already enclose one of its members. */
export function householdRings(households: readonly Household[]): Map<string, number> {
  const count = new Map<string, number>();
  const out = new Map<string, number>();
  for (const h of households) {
    const ring = Math.max(0, ...h.memberIds.map((m) => count.get(m) ?? 0));
    out.set(h.id, ring);
    for (const m of h.memberIds) count.set(m, (count.get(m) ?? 0) + 1);
  }
  return out;
}

/** Offsets for several lines between the same two people, so they are drawn side by side. */
export function lineOffsets(lines: readonly Line[]): Map<string, number> {
  const groups = new Map<string, string[]>();
  for (const l of lines) {
    const key = l.from < l.to ? `${l.from}|${l.to}` : `${l.to}|${l.from}`;
    groups.set(key, [...(groups.get(key) ?? []), l.id]);
  }
  const out = new Map<string, number>();
  const reversed = new Set(lines.filter((l) => l.from > l.to).map((l) => l.id));
  // The offset is along the normal of each line's own direction, so a line drawn the other way is negated.
  for (const ids of groups.values()) ids.forEach((id, i) => out.set(id, (i - (ids.length - 1) / 2) * 14 * (reversed.has(id) ? -1 : 1)));
  return out;
}

/** The rectangle enclosing every box and outline, with a margin. */
export function drawingBounds(positions: Iterable<Point>, rects: readonly Rect[], margin = 40): Rect {
  const all = [...[...positions].map(personBox), ...rects];
  if (all.length === 0) return { x: 0, y: 0, width: 2 * margin, height: 2 * margin };
  const x = Math.min(...all.map((r) => r.x)) - margin;
  const y = Math.min(...all.map((r) => r.y)) - margin;
  const right = Math.max(...all.map((r) => r.x + r.width)) + margin;
  const bottom = Math.max(...all.map((r) => r.y + r.height + 30)) + margin;
  return { x, y, width: right - x, height: bottom - y };
}
