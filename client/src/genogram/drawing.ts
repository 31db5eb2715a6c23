import {
  CHILD_LINK_DASH, PARTNERSHIP_DASH, PERSON_WIDTH, SYMBOL_TOP, childPath, siblingBarHeights, type SiblingSpan, householdRect, householdRings, identicalTwinsBar, lineGeometry, lineOffsets,
  partnershipGeometry, singleParentAnchor, twinApexes, type Family, type LineGeometry, type PartnershipGeometry, type Point, type Rect,
} from '../../../shared/genogram/index.js';

/** Every line and outline of the genogram, worked out from where people are drawn. */
export type Drawing = {
  partnerships: Map<string, PartnershipGeometry & { dash: string | null }>;
  children: Map<string, { path: string; dash: string | null }>;
  lines: Map<string, LineGeometry>;
  twinBars: Map<string, string>;
  households: { id: string; label: string; rect: Rect }[];
};

/**
 * Computes the drawing for the family at `positions` (which may include people being dragged right
 * now, so the lines follow them). The live canvas and the exported file both draw from this.
 */
export function computeDrawing(family: Family, positions: ReadonlyMap<string, Point>): Drawing {
  const at = (id: string) => positions.get(id);
  const everyone = [...positions.entries()];
  const partnerships: Drawing['partnerships'] = new Map();
  for (const p of family.partnerships) {
    const pa = at(p.a);
    const pb = at(p.b);
    if (!pa || !pb) continue;
    const others = everyone.filter(([id]) => id !== p.a && id !== p.b).map(([, pos]) => pos);
    partnerships.set(p.id, { ...partnershipGeometry(p, pa, pb, others), dash: PARTNERSHIP_DASH[p.kind] });
  }
  const apexes = twinApexes(family.childLinks, family.twins, positions);
  // Where each child's line starts, and one sibling line per set of full siblings (children of one parent ref).
  const anchors = new Map<string, Point>();
  const spans = new Map<string, SiblingSpan>();
  for (const l of family.childLinks) {
    const child = at(l.child);
    let anchor: Point | undefined;
    if (l.partnershipId) anchor = partnerships.get(l.partnershipId)?.anchor;
    else {
      const parent = at(l.parentIds[0]!);
      anchor = parent ? singleParentAnchor(parent) : undefined;
    }
    if (!child || !anchor) continue;
    anchors.set(l.id, anchor);
    const key = `${l.parentType}:${l.parent}`;
    const cx = apexes.get(l.id) ?? child.x + PERSON_WIDTH / 2;
    const top = child.y + SYMBOL_TOP;
    const span = spans.get(key);
    spans.set(key, span
      ? { key, top: Math.min(span.top, top), left: Math.min(span.left, cx), right: Math.max(span.right, cx) }
      : { key, top, left: Math.min(anchor.x, cx), right: Math.max(anchor.x, cx) });
  }
  const bars = siblingBarHeights([...spans.values()]);
  const children: Drawing['children'] = new Map();
  for (const l of family.childLinks) {
    const anchor = anchors.get(l.id);
    const child = at(l.child);
    if (!anchor || !child) continue;
    const bar = bars.get(`${l.parentType}:${l.parent}`);
    children.set(l.id, { path: childPath(anchor, child, apexes.get(l.id) ?? null, bar), dash: CHILD_LINK_DASH[l.kind] });
  }
  const offsets = lineOffsets(family.lines);
  const lines: Drawing['lines'] = new Map();
  for (const l of family.lines) {
    const from = at(l.from);
    const to = at(l.to);
    if (from && to) lines.set(l.id, lineGeometry(l, from, to, offsets.get(l.id) ?? 0));
  }
  const twinBars: Drawing['twinBars'] = new Map();
  for (const t of family.twins) {
    const a = at(t.a);
    const b = at(t.b);
    if (t.identical && a && b) twinBars.set(t.id, identicalTwinsBar(a, b));
  }
  const rings = householdRings(family.households);
  const households: Drawing['households'] = [];
  for (const h of family.households) {
    const rect = householdRect(h, positions, rings.get(h.id) ?? 0);
    if (rect) households.push({ id: h.id, label: h.label, rect });
  }
  return { partnerships, children, lines, twinBars, households };
}
