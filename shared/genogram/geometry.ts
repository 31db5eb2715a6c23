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
  married: null,
  cohabiting: '8 5',
  separated: null,
  divorced: null,
  ended: '8 5',
};
/** Number of slashes across a couple's line. */
export const PARTNERSHIP_SLASHES: Record<PartnershipKind, number> = {
  married: 0,
  cohabiting: 0,
  separated: 1,
  divorced: 2,
  ended: 2,
};

/** A couple's line: its path, the slashes across it, and the point children hang from. */
export type PartnershipGeometry = { path: string; slashes: string[]; anchor: Point };

/**
 * True when a couple can be joined straight across between their symbols: side by side in one row,
 * with no one's symbol in between. `others` are everyone else's positions.
 */
export function partnersSideBySide(pa: Point, pb: Point, others: readonly Point[]): boolean {
  const [l, r] = pa.x <= pb.x ? [pa, pb] : [pb, pa];
  const cl = symbolCentre(l);
  const cr = symbolCentre(r);
  const half = SYMBOL_SIZE / 2;
  const sameRow = Math.abs(l.y - r.y) < 1 && cr.x - cl.x > SYMBOL_SIZE + 8;
  return (
    sameRow &&
    !others.some((o) => {
      const c = symbolCentre(o);
      return Math.abs(c.y - cl.y) < SYMBOL_SIZE && c.x + half > cl.x + half && c.x - half < cr.x - half;
    })
  );
}

/** How far the lines of couples drawn underneath leave the middle of each partner's box, so they never share a piece with a single parent's line. */
export const UNDER_LINE_INSET = 14;
/** Vertical and horizontal step between couples' lines drawn underneath in the same row. */
export const UNDER_LINE_LANE_GAP = 9;

/**
 * Where children hang from a couple's line drawn underneath: the middle, unless that is right below
 * someone standing between the partners (whose children hang from the middle of their box) or below
 * the middle of two neighbours (where a couple side by side hangs theirs), which would send two
 * families' lines down the same way; then the nearest clear point along the line.
 */
function underLineAnchorX(xl: number, xr: number, rowY: number, others: readonly Point[]): number {
  const centres = others
    .filter((o) => Math.abs(o.y - rowY) < 1)
    .map((o) => symbolCentre(o).x)
    .sort((a, b) => a - b);
  const taken = [...centres, ...centres.slice(1).map((c, i) => (c + centres[i]!) / 2)];
  const mid = (xl + xr) / 2;
  for (let k = 0; k < 20; k++) {
    const x = mid + (k % 2 ? -1 : 1) * Math.ceil(k / 2) * 20;
    if (x > xl + 12 && x < xr - 12 && !taken.some((t) => Math.abs(t - x) < 12)) return x;
  }
  return mid;
}

/**
 * A couple's line. Partners side by side in one row are joined straight across between their
 * symbols; otherwise (someone in between, or moved apart) the line drops from below both boxes and
 * runs across underneath, as genograms draw it. Several such lines in one row take different `lane`s,
 * each lower and further in than the last, so no two couples share a piece of line.
 */
export function partnershipGeometry(p: Pick<Partnership, 'kind'>, pa: Point, pb: Point, others: readonly Point[], lane = 0): PartnershipGeometry {
  const [l, r] = pa.x <= pb.x ? [pa, pb] : [pb, pa];
  const cl = symbolCentre(l);
  const cr = symbolCentre(r);
  const half = SYMBOL_SIZE / 2;
  let path: string;
  let anchor: Point;
  let slashAt: (dx: number) => Point;
  if (partnersSideBySide(pa, pb, others)) {
    const x1 = cl.x + half;
    const x2 = cr.x - half;
    // A couple who partnered twice (married, divorced, remarried) get a second line just below the first.
    const y = cl.y + lane * UNDER_LINE_LANE_GAP;
    path = `M${x1} ${y} H${x2}`;
    anchor = { x: (x1 + x2) / 2 + lane * UNDER_LINE_LANE_GAP, y };
    slashAt = (dx) => ({ x: anchor.x + dx, y });
  } else {
    const yl = l.y + PERSON_HEIGHT;
    const yr = r.y + PERSON_HEIGHT;
    const y = Math.max(yl, yr) + 16 + lane * UNDER_LINE_LANE_GAP;
    const inset = UNDER_LINE_INSET + lane * UNDER_LINE_LANE_GAP;
    const xl = cl.x + inset;
    const xr = cr.x - inset;
    path = `M${xl} ${yl} V${y} H${xr} V${yr}`;
    // Children hang from the middle, unless that is right under someone standing between the partners,
    // whose own children's line would then run down the same way.
    anchor = { x: underLineAnchorX(xl, xr, l.y, others), y };
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
  birth: null,
  adopted: '8 5',
  foster: '2 4',
  step: '12 4 2 4',
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
 * diagonally, so twins visibly share one birth. `entryX` is where the line meets the child's symbol
 * (its middle unless the child hangs from several parents, e.g. birth parents and a foster carer).
 */
export function childPath(anchor: Point, child: Point, twinApexX: number | null, barY?: number, entryX?: number): string {
  const top = child.y + SYMBOL_TOP;
  const cx = entryX ?? child.x + PERSON_WIDTH / 2;
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

/**
 * A relationship line between two people's symbols, stopping short of both, offset when there are
 * several. `bend` bows it sideways (a curve whose middle sits `bend` units off the straight line),
 * which the drawing uses to steer a line round someone else's symbol.
 */
export function lineGeometry(line: Pick<Line, 'kind' | 'directed'>, from: Point, to: Point, offset = 0, bend = 0): LineGeometry {
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
  if (bend === 0) return lineAlong(line, [a, b]);
  // A quadratic curve: twice the bend off the middle puts the curve's middle at `bend`.
  const c = { x: (a.x + b.x) / 2 + nx * bend * 2, y: (a.y + b.y) / 2 + ny * bend * 2 };
  const n = Math.max(8, Math.ceil(len / 12));
  const pts: Point[] = [];
  for (let i = 0; i <= n; i++) {
    const t = i / n;
    const u = 1 - t;
    pts.push({ x: u * u * a.x + 2 * u * t * c.x + t * t * b.x, y: u * u * a.y + 2 * u * t * c.y + t * t * b.y });
  }
  return lineAlong(line, pts);
}

/**
 * A relationship line drawn along a route between two symbols given as a polyline whose ends sit
 * clear of both symbols: its pattern (zigzag, double, dashed, cut), its arrow and its letter code.
 */
export function lineAlong(line: Pick<Line, 'kind' | 'directed'>, route: readonly Point[]): LineGeometry {
  const lengths = [0];
  for (let i = 1; i < route.length; i++) lengths.push(lengths[i - 1]! + Math.hypot(route[i]!.x - route[i - 1]!.x, route[i]!.y - route[i - 1]!.y));
  const total = lengths[lengths.length - 1]!;
  /** The point `s` units along the route, `side` units off it (along the local normal). */
  const at = (s: number, side = 0): Point => {
    const d = Math.min(Math.max(s, 0), total);
    let i = 1;
    while (i < route.length - 1 && lengths[i]! < d) i++;
    const p = route[i - 1]!;
    const q = route[i]!;
    const seg = lengths[i]! - lengths[i - 1]! || 1;
    const t = (d - lengths[i - 1]!) / seg;
    const [ux, uy] = [(q.x - p.x) / seg, (q.y - p.y) / seg];
    return { x: p.x + (q.x - p.x) * t - uy * side, y: p.y + (q.y - p.y) * t + ux * side };
  };
  const f = (p: Point) => `${round(p.x)} ${round(p.y)}`;
  // Offset copies follow each piece and meet at the corners, so a double line stays double round a bend.
  const offsetRoute = (side: number) => {
    const pts = [at(0, side)];
    for (let i = 1; i < route.length - 1; i++) pts.push(at(lengths[i]! - 0.01, side), at(lengths[i]! + 0.01, side));
    pts.push(at(total, side));
    return `M${pts.map(f).join(' L')}`;
  };
  const style = LINE_STYLE[line.kind];
  const paths: string[] = [];
  if (style.pattern === 'zigzag') {
    const n = Math.max(2, Math.floor(total / 8));
    let d = `M${f(route[0]!)}`;
    for (let i = 1; i < n; i++) d += ` L${f(at((total * i) / n, i % 2 ? 5 : -5))}`;
    paths.push(`${d} L${f(route[route.length - 1]!)}`);
  } else if (style.pattern === 'double') {
    paths.push(offsetRoute(3), offsetRoute(-3));
  } else {
    paths.push(offsetRoute(0));
    if (style.pattern === 'cut') for (const s of [total / 2 - 4, total / 2 + 4]) paths.push(`M${f(at(s, 8))} L${f(at(s, -8))}`);
  }
  let arrow: string | null = null;
  if (line.directed) {
    const base = Math.max(0, total - 12);
    arrow = `M${f(route[route.length - 1]!)} L${f(at(base, 6))} L${f(at(base, -6))} Z`;
  }
  return { paths, arrow, label: at(total / 2, 14) };
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

/** Padding between a household outline and its members' boxes; each further outline round the same person sits further out. */
export const HOUSEHOLD_PADDING = 14;

/** A household outline round its members, with room for its label at the top. */
export function householdRect(h: Household, positions: ReadonlyMap<string, Point>, ring = 0): Rect | null {
  const boxes = h.memberIds
    .map((id) => positions.get(id))
    .filter((p): p is Point => !!p)
    .map(personBox);
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
  for (const ids of groups.values())
    ids.forEach((id, i) => {
      out.set(id, (i - (ids.length - 1) / 2) * 14 * (reversed.has(id) ? -1 : 1));
    });
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
