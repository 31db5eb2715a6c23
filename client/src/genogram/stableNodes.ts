/**
 * Keeping React Flow's node objects the same from one render to the next when nothing about them
 * changed. React Flow re-renders, and re-measures, every node whose object is new; while a person is
 * dragged the canvas rebuilds its nodes on every mouse move, so without this all of them would be
 * redrawn each time instead of the one that moves.
 */

/** A size React Flow measured for a node. */
export type Measured = { width: number; height: number };

/** True when two plain values (objects, arrays, strings, numbers, booleans, null) are equal all the way down. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(rb, k) && sameValue(ra[k], rb[k]));
}

/**
 * `next`, with each node replaced by the previous render's object of the same id when the two are
 * equal, so that React Flow sees only the nodes that really changed. Returns `prev` itself when
 * nothing changed at all.
 */
export function keepUnchanged<N extends { id: string }>(prev: readonly N[], next: readonly N[]): N[] {
  const before = new Map(prev.map((n) => [n.id, n]));
  let changed = prev.length !== next.length;
  const out = next.map((n, i) => {
    const old = before.get(n.id);
    if (old && sameValue(old, n)) {
      if (prev[i] !== old) changed = true;
      return old;
    }
    changed = true;
    return n;
  });
  return changed ? out : (prev as N[]);
}

/**
 * The sizes React Flow reports for nodes (its "dimensions" changes), added to what was known; the
 * same map when nothing differs. Passing them back as each node's `measured` is what lets React Flow
 * keep a node's measurements when its object is replaced, instead of measuring it again.
 */
export function withMeasured(known: ReadonlyMap<string, Measured>, reported: readonly { id: string; dimensions?: Measured }[]): ReadonlyMap<string, Measured> {
  let out: Map<string, Measured> | null = null;
  for (const r of reported) {
    if (!r.dimensions) continue;
    const was = (out ?? known).get(r.id);
    if (was && was.width === r.dimensions.width && was.height === r.dimensions.height) continue;
    out ??= new Map(known);
    out.set(r.id, { width: r.dimensions.width, height: r.dimensions.height });
  }
  return out ?? known;
}
