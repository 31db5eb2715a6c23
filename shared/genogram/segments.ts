import type { Rect } from './geometry.js';
import type { Point } from './model.js';

/** Plain geometry of straight pieces of line, for routing lines and checking drawings. */

/** The straight pieces of an SVG path made of M, L, H and V commands (absolute), as point pairs. */
export function pathSegments(d: string): [Point, Point][] {
  const out: [Point, Point][] = [];
  const tokens = d.match(/[MLHVZ]|-?\d*\.?\d+(?:e-?\d+)?/gi) ?? [];
  let cur: Point = { x: 0, y: 0 };
  let start: Point = cur;
  let cmd = 'M';
  for (let i = 0; i < tokens.length; ) {
    const t = tokens[i]!;
    if (/[MLHVZ]/i.test(t)) {
      cmd = t.toUpperCase();
      i++;
      if (cmd === 'Z') {
        out.push([cur, start]);
        cur = start;
      }
      continue;
    }
    if (cmd === 'M') {
      cur = { x: Number(t), y: Number(tokens[i + 1]) };
      start = cur;
      i += 2;
      cmd = 'L';
    } else if (cmd === 'L') {
      const next = { x: Number(t), y: Number(tokens[i + 1]) };
      out.push([cur, next]);
      cur = next;
      i += 2;
    } else if (cmd === 'H') {
      const next = { x: Number(t), y: cur.y };
      out.push([cur, next]);
      cur = next;
      i += 1;
    } else {
      const next = { x: cur.x, y: Number(t) };
      out.push([cur, next]);
      cur = next;
      i += 1;
    }
  }
  return out;
}

/** True when the segment from `a` to `b` passes through the inside of `r` (Liang-Barsky clipping). */
export function segmentHitsRect(a: Point, b: Point, r: Rect): boolean {
  let t0 = 0;
  let t1 = 1;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const edges: [number, number][] = [
    [-dx, a.x - r.x],
    [dx, r.x + r.width - a.x],
    [-dy, a.y - r.y],
    [dy, r.y + r.height - a.y],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q <= 0) return false;
    } else {
      const t = q / p;
      if (p < 0) t0 = Math.max(t0, t);
      else t1 = Math.min(t1, t);
      if (t0 >= t1) return false;
    }
  }
  return t1 - t0 > 1e-9;
}

/** True when any piece of the path passes through the inside of `r`. */
export function pathHitsRect(d: string, r: Rect): boolean {
  return pathSegments(d).some(([a, b]) => segmentHitsRect(a, b, r));
}
