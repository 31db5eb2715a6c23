import { segmentHitsRect } from './segments.js';
import type { Rect } from './geometry.js';
import type { Point } from './model.js';

/**
 * Routes for relationship lines that cannot be drawn straight, or gently curved, without passing
 * through someone else's symbol: a shortest path on a fine grid round the symbols (A*), then pulled
 * tight so that it is a few straight pieces. Pure and deterministic.
 */

/** Grid step of the route search, in drawing units. */
const CELL = 8;
/** How far the route search keeps from a symbol's outline (more than the zigzag's swing of 5). */
const CLEARANCE = 8;
/** Margin round everything in the search area, so routes may go round the outside of the family. */
const MARGIN = 120;

function inside(p: Point, r: Rect, pad: number): boolean {
  return p.x > r.x - pad && p.x < r.x + r.width + pad && p.y > r.y - pad && p.y < r.y + r.height + pad;
}

/** True when the straight piece from `a` to `b` keeps `pad` clear of every rectangle. */
function clearPiece(a: Point, b: Point, obstacles: readonly Rect[], pad: number): boolean {
  return !obstacles.some((r) => segmentHitsRect(a, b, { x: r.x - pad, y: r.y - pad, width: r.width + 2 * pad, height: r.height + 2 * pad }));
}

/**
 * A polyline from `from` to `to` (symbol centres) that keeps clear of every obstacle, or null if
 * there is none within the search area. The ends are the centres themselves; the caller trims them.
 */
export function routeAround(from: Point, to: Point, obstacles: readonly Rect[]): Point[] | null {
  const xs = [from.x, to.x, ...obstacles.flatMap((r) => [r.x, r.x + r.width])];
  const ys = [from.y, to.y, ...obstacles.flatMap((r) => [r.y, r.y + r.height])];
  const x0 = Math.min(...xs) - MARGIN;
  const y0 = Math.min(...ys) - MARGIN;
  const w = Math.ceil((Math.max(...xs) + MARGIN - x0) / CELL) + 1;
  const h = Math.ceil((Math.max(...ys) + MARGIN - y0) / CELL) + 1;
  const blocked = new Uint8Array(w * h);
  for (const r of obstacles) {
    const cx0 = Math.max(0, Math.floor((r.x - CLEARANCE - x0) / CELL));
    const cx1 = Math.min(w - 1, Math.ceil((r.x + r.width + CLEARANCE - x0) / CELL));
    const cy0 = Math.max(0, Math.floor((r.y - CLEARANCE - y0) / CELL));
    const cy1 = Math.min(h - 1, Math.ceil((r.y + r.height + CLEARANCE - y0) / CELL));
    for (let cy = cy0; cy <= cy1; cy++) {
      for (let cx = cx0; cx <= cx1; cx++) {
        if (inside({ x: x0 + cx * CELL, y: y0 + cy * CELL }, r, CLEARANCE)) blocked[cy * w + cx] = 1;
      }
    }
  }
  const cellOf = (p: Point) => Math.round((p.y - y0) / CELL) * w + Math.round((p.x - x0) / CELL);
  const start = cellOf(from);
  const goal = cellOf(to);
  blocked[start] = 0;
  blocked[goal] = 0;
  const gx = goal % w;
  const gy = Math.floor(goal / w);
  const cost = new Float64Array(w * h).fill(Infinity);
  const came = new Int32Array(w * h).fill(-1);
  const heap = new MinHeap();
  cost[start] = 0;
  heap.push(start, 0);
  const steps: [number, number, number][] = [
    [1, 0, 1],
    [-1, 0, 1],
    [0, 1, 1],
    [0, -1, 1],
    [1, 1, Math.SQRT2],
    [1, -1, Math.SQRT2],
    [-1, 1, Math.SQRT2],
    [-1, -1, Math.SQRT2],
  ];
  let found = false;
  while (heap.size > 0) {
    const c = heap.pop();
    if (c === goal) {
      found = true;
      break;
    }
    const cx = c % w;
    const cy = Math.floor(c / w);
    for (const [dx, dy, step] of steps) {
      const nx = cx + dx;
      const ny = cy + dy;
      if (nx < 0 || ny < 0 || nx >= w || ny >= h) continue;
      const n = ny * w + nx;
      // A diagonal step may not cut the corner of a blocked cell.
      if (blocked[n] || (dx && dy && (blocked[cy * w + nx] || blocked[ny * w + cx]))) continue;
      const next = cost[c]! + step;
      if (next < cost[n]!) {
        cost[n] = next;
        came[n] = c;
        const rx = Math.abs(gx - nx);
        const ry = Math.abs(gy - ny);
        heap.push(n, next + Math.max(rx, ry) + (Math.SQRT2 - 1) * Math.min(rx, ry));
      }
    }
  }
  if (!found) return null;
  const cells: Point[] = [];
  for (let c = goal; c !== -1; c = came[c]!) cells.push({ x: x0 + (c % w) * CELL, y: y0 + Math.floor(c / w) * CELL });
  cells.reverse();
  cells[0] = from;
  cells[cells.length - 1] = to;
  // Pull the path tight: from each point, go on to the last of the following points still in plain view.
  const out: Point[] = [cells[0]!];
  let i = 0;
  while (i < cells.length - 1) {
    let j = i + 1;
    while (j < cells.length - 1 && clearPiece(cells[i]!, cells[j + 1]!, obstacles, CLEARANCE - 2)) j++;
    out.push(cells[j]!);
    i = j;
  }
  return out;
}

/** A binary min-heap of grid cells by priority. */
class MinHeap {
  private readonly items: number[] = [];
  private readonly keys: number[] = [];
  get size(): number {
    return this.items.length;
  }
  push(item: number, key: number): void {
    this.items.push(item);
    this.keys.push(key);
    let i = this.items.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (this.keys[p]! <= this.keys[i]!) break;
      this.swap(i, p);
      i = p;
    }
  }
  pop(): number {
    const top = this.items[0]!;
    const lastItem = this.items.pop()!;
    const lastKey = this.keys.pop()!;
    if (this.items.length > 0) {
      this.items[0] = lastItem;
      this.keys[0] = lastKey;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < this.keys.length && this.keys[l]! < this.keys[m]!) m = l;
        if (r < this.keys.length && this.keys[r]! < this.keys[m]!) m = r;
        if (m === i) break;
        this.swap(i, m);
        i = m;
      }
    }
    return top;
  }
  private swap(a: number, b: number): void {
    [this.items[a], this.items[b]] = [this.items[b]!, this.items[a]!];
    [this.keys[a], this.keys[b]] = [this.keys[b]!, this.keys[a]!];
  }
}
