import dagre from '@dagrejs/dagre';
import type { Gender } from '../people.js';
import { compareByBirth } from './family.js';
import type { Point } from './model.js';

/**
 * Automatic generational layout. Partners are kept side by side by treating every set of people joined
 * by partnerships (a couple, or a chain of remarriages) as one wide "couple group"; each couple, and
 * each single parent, gets a union node one rank below its group, and children hang from the union.
 * Generations are worked out first (partners share one, children sit below every parent); dagre then
 * orders each row to keep lines from crossing, with edge lengths fixed so its ranks are exactly the
 * generations. Its x positions are then adjusted so full siblings read eldest to youngest and nothing
 * in a row overlaps. Separate families (no links between them) are laid out side by side.
 * The result is deterministic: the same family gives the same drawing in every browser.
 */

/** Width of a person's box on the drawing: the symbol and the name beneath it. */
export const PERSON_WIDTH = 120;
/** Height of a person's box. */
export const PERSON_HEIGHT = 100;
/** Horizontal space between partners' boxes, where the couple's line and the children's line run. */
export const PARTNER_GAP = 40;
/** Least horizontal space between neighbouring groups in a row. */
export const GROUP_GAP = 50;
/** Distance from the top of one generation's row to the next. */
export const ROW_HEIGHT = 210;
/** Space between families with no link between them. */
export const COMPONENT_GAP = 120;

/** What the layout needs of a person. */
export type LayoutPerson = { id: string; gender: Gender; dateOfBirth: string | null; isSubject?: boolean };
/** What the layout needs of a couple. */
export type LayoutPartnership = { id: string; a: string; b: string };
/** What the layout needs of a child's link: the parent people and the couple, if it is one. */
export type LayoutChildLink = { id: string; parentIds: readonly string[]; partnershipId: string | null; child: string };
/** The family to lay out. */
export type LayoutInput = {
  people: readonly LayoutPerson[];
  partnerships: readonly LayoutPartnership[];
  childLinks: readonly LayoutChildLink[];
};
/** Top-left positions of every person's box, and each person's generation row. */
export type LayoutResult = { positions: Map<string, Point>; generation: Map<string, number> };

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A couple group: people joined by partnerships, drawn side by side in `members` order. */
type Group = { index: number; members: string[]; width: number };

/** A union: where a couple's (or a single parent's) children hang from, inside one group. */
type Union = { key: string; group: number; slot: number; children: string[] };

/** Lays out the whole family. */
export function layoutGenogram(input: LayoutInput): LayoutResult {
  const people = [...input.people].sort((a, b) => cmp(a.id, b.id));
  const byId = new Map(people.map((p) => [p.id, p]));
  const partnerships = input.partnerships.filter((p) => byId.has(p.a) && byId.has(p.b) && p.a !== p.b).sort((a, b) => cmp(a.id, b.id));
  const links = input.childLinks.filter((l) => byId.has(l.child) && l.parentIds.length > 0 && l.parentIds.every((p) => byId.has(p))).sort((a, b) => cmp(a.id, b.id));

  const groups = buildGroups(people, partnerships, byId);
  const groupOf = new Map<string, number>();
  for (const g of groups) for (const m of g.members) groupOf.set(m, g.index);

  // Unions, and the edges between groups they make (parent group -> child group).
  const unions = new Map<string, Union>();
  for (const l of links) {
    const key = l.partnershipId ? `p:${l.partnershipId}` : `s:${l.parentIds[0]}`;
    const group = groupOf.get(l.parentIds[0]!)!;
    let u = unions.get(key);
    if (!u) {
      const members = groups[group]!.members;
      const slot = l.parentIds.reduce((s, p) => s + members.indexOf(p), 0) / l.parentIds.length;
      u = { key, group, slot, children: [] };
      unions.set(key, u);
    }
    if (!u.children.includes(l.child)) u.children.push(l.child);
  }
  const edges: { from: number; to: number; union: string }[] = [];
  for (const u of unions.values()) {
    for (const c of u.children) {
      const to = groupOf.get(c)!;
      if (to !== u.group) edges.push({ from: u.group, to, union: u.key });
    }
  }

  const { generation: groupGen, forward } = assignGenerations(groups.length, edges);
  const components = connectedComponents(groups.length, forward);

  // Each family is laid out on its own, then families are placed left to right.
  const centre = new Map<number, number>();
  const ordered = components
    .map((c) => ({ members: c, key: componentKey(c, groups, byId) }))
    .sort((a, b) => a.key.subject - b.key.subject || b.key.size - a.key.size || cmp(a.key.first, b.key.first));
  let cursor = 0;
  const gen = new Map<number, number>();
  for (const { members } of ordered) {
    const minGen = Math.min(...members.map((g) => groupGen[g]!));
    for (const g of members) gen.set(g, groupGen[g]! - minGen);
    const set = new Set(members);
    const dagreX = layoutComponent(
      members,
      groups,
      [...unions.values()].filter((u) => set.has(u.group)),
      forward.filter((e) => set.has(e.from)),
      gen,
      byId,
    );
    const xs = positionRows(members, groups, unions, groupOf, gen, dagreX, byId);
    const left = Math.min(...members.map((g) => xs.get(g)! - groups[g]!.width / 2));
    const right = Math.max(...members.map((g) => xs.get(g)! + groups[g]!.width / 2));
    for (const g of members) centre.set(g, xs.get(g)! - left + cursor);
    cursor += right - left + COMPONENT_GAP;
  }

  const positions = new Map<string, Point>();
  const generation = new Map<string, number>();
  for (const g of groups) {
    const left = centre.get(g.index)! - g.width / 2;
    const row = gen.get(g.index)!;
    g.members.forEach((m, i) => {
      positions.set(m, { x: Math.round(left + i * (PERSON_WIDTH + PARTNER_GAP)), y: row * ROW_HEIGHT });
      generation.set(m, row);
    });
  }
  return { positions, generation };
}

/** Splits people into couple groups (connected by partnerships) and orders each group's members. */
function buildGroups(people: readonly LayoutPerson[], partnerships: readonly LayoutPartnership[], byId: Map<string, LayoutPerson>): Group[] {
  const parent = new Map(people.map((p) => [p.id, p.id]));
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  for (const p of partnerships) {
    const [ra, rb] = [find(p.a), find(p.b)];
    if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  }
  const sets = new Map<string, string[]>();
  for (const p of people) {
    const r = find(p.id);
    sets.set(r, [...(sets.get(r) ?? []), p.id]);
  }
  return [...sets.values()].map((members, index) => {
    const inGroup = partnerships.filter((p) => members.includes(p.a));
    const orderedMembers = orderMembers(members, inGroup, byId);
    return { index, members: orderedMembers, width: orderedMembers.length * PERSON_WIDTH + (orderedMembers.length - 1) * PARTNER_GAP };
  });
}

/**
 * Orders a couple group left to right. A couple of a man and a woman is drawn man on the left, as
 * genograms usually are. Otherwise the person with most partners goes in the middle, their partners
 * alternately to the right and left, and each partner's further partners further out, so that every
 * couple is side by side wherever the family allows it.
 */
function orderMembers(members: string[], partnerships: readonly LayoutPartnership[], byId: Map<string, LayoutPerson>): string[] {
  if (members.length === 1) return members;
  const partnersOf = (id: string) => partnerships.filter((p) => p.a === id || p.b === id).map((p) => (p.a === id ? p.b : p.a));
  if (members.length === 2) {
    const [a, b] = members.map((m) => byId.get(m)!) as [LayoutPerson, LayoutPerson];
    if (a.gender === 'female' && b.gender === 'male') return [b.id, a.id];
    if (a.gender === 'male' && b.gender === 'female') return [a.id, b.id];
    return compareByBirth(a, b) <= 0 ? [a.id, b.id] : [b.id, a.id];
  }
  const hub = [...members].sort((a, b) => partnersOf(b).length - partnersOf(a).length || cmp(a, b))[0]!;
  const order = [hub];
  const side = new Map<string, number>([[hub, 0]]);
  const queue = [hub];
  while (queue.length > 0) {
    const at = queue.shift()!;
    let toRight = side.get(at)! >= 0;
    for (const p of partnersOf(at)) {
      if (side.has(p)) continue;
      const s = at === hub ? (toRight ? 1 : -1) : side.get(at)!;
      if (at === hub) toRight = !toRight;
      side.set(p, s);
      if (s > 0) order.push(p);
      else order.unshift(p);
      queue.push(p);
    }
  }
  return order;
}

/**
 * Gives each group a generation: children below every parent (longest path), ignoring links that
 * would close a loop (possible only through bad data or concurrent edits). Groups with no parents in
 * the drawing are then moved down to sit just above their highest child, so that someone who partners
 * into the family late, or a lone parent, is drawn in their children's parents' row. Returns the
 * generations and the edges kept (loop-closing edges are left out).
 */
function assignGenerations(
  count: number,
  edges: { from: number; to: number; union: string }[],
): {
  generation: number[];
  forward: { from: number; to: number; union: string }[];
} {
  const out = new Map<number, { to: number; union: string }[]>();
  for (const e of edges) out.set(e.from, [...(out.get(e.from) ?? []), e]);
  const state = new Array<number>(count).fill(0); // 0 new, 1 on stack, 2 done
  const post: number[] = [];
  const forward: { from: number; to: number; union: string }[] = [];
  const visit = (start: number) => {
    const stack: { g: number; i: number }[] = [{ g: start, i: 0 }];
    state[start] = 1;
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const next = (out.get(top.g) ?? [])[top.i++];
      if (!next) {
        state[top.g] = 2;
        post.push(top.g);
        stack.pop();
        continue;
      }
      if (state[next.to] === 1) continue; // closes a loop: not used for ranking
      forward.push({ from: top.g, ...next });
      if (state[next.to] === 0) {
        state[next.to] = 1;
        stack.push({ g: next.to, i: 0 });
      }
    }
  };
  for (let g = 0; g < count; g++) if (state[g] === 0) visit(g);
  const topo = post.reverse();
  const preds = new Map<number, number[]>();
  const succs = new Map<number, number[]>();
  for (const e of forward) {
    preds.set(e.to, [...(preds.get(e.to) ?? []), e.from]);
    succs.set(e.from, [...(succs.get(e.from) ?? []), e.to]);
  }
  const generation = new Array<number>(count).fill(0);
  for (const g of topo) for (const p of preds.get(g) ?? []) generation[g] = Math.max(generation[g]!, generation[p]! + 1);
  for (const g of [...topo].reverse()) {
    const below = succs.get(g);
    if (!preds.has(g) && below) generation[g] = Math.min(...below.map((s) => generation[s]!)) - 1;
  }
  return { generation, forward };
}

/** Groups joined by any kept edge, each list in group order. */
function connectedComponents(count: number, edges: readonly { from: number; to: number }[]): number[][] {
  const adj = new Map<number, number[]>();
  for (const e of edges) {
    adj.set(e.from, [...(adj.get(e.from) ?? []), e.to]);
    adj.set(e.to, [...(adj.get(e.to) ?? []), e.from]);
  }
  const seen = new Set<number>();
  const out: number[][] = [];
  for (let g = 0; g < count; g++) {
    if (seen.has(g)) continue;
    const comp: number[] = [];
    const stack = [g];
    seen.add(g);
    while (stack.length > 0) {
      const x = stack.pop()!;
      comp.push(x);
      for (const y of adj.get(x) ?? [])
        if (!seen.has(y)) {
          seen.add(y);
          stack.push(y);
        }
    }
    out.push(comp.sort((a, b) => a - b));
  }
  return out;
}

/** Sort key of a family: the subject child's family first, then larger families, then by first id. */
function componentKey(members: number[], groups: Group[], byId: Map<string, LayoutPerson>) {
  const ids = members.flatMap((g) => groups[g]!.members);
  return {
    subject: ids.some((id) => byId.get(id)?.isSubject) ? 0 : 1,
    size: ids.length,
    first: [...ids].sort(cmp)[0] ?? '',
  };
}

/**
 * Runs dagre over one family: a node per group (as wide as its members), a small node per union one
 * rank below, and edges group -> union -> child group. Edge minimum lengths equal the generation gaps,
 * so the cheapest ranking dagre can find puts every group at exactly twice its generation. Ordering
 * hints keep a group's unions in member order and full siblings eldest first. Returns group centres.
 */
function layoutComponent(
  members: number[],
  groups: Group[],
  unions: Union[],
  edges: { from: number; to: number; union: string }[],
  gen: Map<number, number>,
  byId: Map<string, LayoutPerson>,
): Map<number, number> {
  const xs = new Map<number, number>();
  if (members.length === 1) {
    xs.set(members[0]!, groups[members[0]!]!.width / 2);
    return xs;
  }
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'TB', nodesep: GROUP_GAP, ranksep: 20, edgesep: 10, ranker: 'network-simplex' });
  g.setDefaultEdgeLabel(() => ({}));
  for (const m of members) g.setNode(`g${m}`, { width: groups[m]!.width, height: PERSON_HEIGHT });
  const used = new Set(edges.map((e) => e.union));
  for (const u of unions) {
    if (!used.has(u.key)) continue;
    g.setNode(`u${u.key}`, { width: 8, height: 8 });
    g.setEdge(`g${u.group}`, `u${u.key}`, { minlen: 1, weight: 4 });
  }
  for (const e of edges) {
    g.setEdge(`u${e.union}`, `g${e.to}`, { minlen: 2 * (gen.get(e.to)! - gen.get(e.from)!) - 1, weight: 1 });
  }

  const constraints = new ConstraintSet();
  const groupOfChild = new Map<string, number>();
  for (const m of members) for (const id of groups[m]!.members) groupOfChild.set(id, m);
  const byGroup = new Map<number, Union[]>();
  for (const u of unions) if (used.has(u.key)) byGroup.set(u.group, [...(byGroup.get(u.group) ?? []), u]);
  for (const list of byGroup.values()) {
    const sorted = [...list].sort((a, b) => a.slot - b.slot || cmp(a.key, b.key));
    for (let i = 1; i < sorted.length; i++) constraints.add(`u${sorted[i - 1]!.key}`, `u${sorted[i]!.key}`);
  }
  for (const u of unions) {
    const kids = siblingGroups(u, groupOfChild, gen, byId);
    for (let i = 1; i < kids.length; i++) constraints.add(`g${kids[i - 1]}`, `g${kids[i]}`);
  }
  dagre.layout(g, { constraints: constraints.list });
  for (const m of members) xs.set(m, g.node(`g${m}`).x ?? 0);
  return xs;
}

/** The groups of a union's children in the same row, eldest child first (each group once). */
function siblingGroups(u: Union, groupOf: Map<string, number>, gen: Map<number, number>, byId: Map<string, LayoutPerson>): number[] {
  const kids = u.children.filter((c) => groupOf.get(c) !== undefined && groupOf.get(c) !== u.group).sort((a, b) => compareByBirth(byId.get(a), byId.get(b)));
  const out: number[] = [];
  const row = kids.length > 0 ? gen.get(groupOf.get(kids[0]!)!) : undefined;
  for (const k of kids) {
    const g = groupOf.get(k)!;
    if (gen.get(g) === row && !out.includes(g)) out.push(g);
  }
  return out;
}

/** Left-of constraints for dagre's ordering, refusing any that would contradict those already given. */
class ConstraintSet {
  readonly list: { left: string; right: string }[] = [];
  private readonly next = new Map<string, string[]>();
  add(left: string, right: string): void {
    if (left === right || this.reaches(right, left)) return;
    this.list.push({ left, right });
    this.next.set(left, [...(this.next.get(left) ?? []), right]);
  }
  private reaches(from: string, to: string): boolean {
    const stack = [from];
    const seen = new Set<string>();
    while (stack.length > 0) {
      const x = stack.pop()!;
      if (x === to) return true;
      if (seen.has(x)) continue;
      seen.add(x);
      stack.push(...(this.next.get(x) ?? []));
    }
    return false;
  }
}

/** Horizontal distance between neighbouring members' centres within a group. */
const MEMBER_STEP = PERSON_WIDTH + PARTNER_GAP;

/** How many alternating passes settle parents over children and children under parents. */
const REFINE_PASSES = 3;

/**
 * Places every row of one family, keeping dagre's ordering as the starting point. Row by row from the
 * top, each group is aimed under its parents' line (or where dagre put it, if it has none), ordered
 * by that aim subject to "an elder full sibling's group comes first" (a topological order, since a
 * group can be in two sibling sets when both partners have parents in the drawing), and then placed
 * as close to its aim as the row allows without overlapping (see placeRow). Alternating passes then
 * pull parents over their children and children under their parents, with the order fixed, so that
 * siblings stay eldest first and nothing ever overlaps.
 */
function positionRows(
  members: number[],
  groups: Group[],
  unions: Map<string, Union>,
  groupOf: Map<string, number>,
  gen: Map<number, number>,
  dagreX: Map<number, number>,
  byId: Map<string, LayoutPerson>,
): Map<number, number> {
  const inComponent = new Set(members);
  const compUnions = [...unions.values()].filter((u) => inComponent.has(u.group)).sort((a, b) => cmp(a.key, b.key));
  const constraints = new ConstraintSet();
  for (const u of compUnions) {
    const kids = siblingGroups(u, groupOf, gen, byId);
    for (let i = 1; i < kids.length; i++) constraints.add(String(kids[i - 1]), String(kids[i]));
  }
  const offset = (g: number, slot: number) => (slot - (groups[g]!.members.length - 1) / 2) * MEMBER_STEP;
  // For each group: the unions above it that its members hang from, and its own unions' children below.
  const up = new Map<number, { u: Union; slot: number }[]>();
  const down = new Map<number, { u: Union; child: string }[]>();
  for (const u of compUnions) {
    for (const c of u.children) {
      const g = groupOf.get(c)!;
      if (g === u.group || gen.get(g)! <= gen.get(u.group)!) continue;
      up.set(g, [...(up.get(g) ?? []), { u, slot: groups[g]!.members.indexOf(c) }]);
      down.set(u.group, [...(down.get(u.group) ?? []), { u, child: c }]);
    }
  }
  const xs = new Map<number, number>();
  const anchor = (u: Union) => xs.get(u.group)! + offset(u.group, u.slot);
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  const underParents = (g: number) => {
    const links = (up.get(g) ?? []).filter((l) => xs.has(l.u.group));
    return links.length > 0 ? mean(links.map((l) => anchor(l.u) - offset(g, l.slot))) : null;
  };
  const overChildren = (g: number) => {
    const links = down.get(g) ?? [];
    if (links.length === 0) return null;
    return mean(
      links.map((l) => {
        const cg = groupOf.get(l.child)!;
        return xs.get(cg)! + offset(cg, groups[cg]!.members.indexOf(l.child)) - offset(g, l.u.slot);
      }),
    );
  };

  const rowKeys = [...new Set(members.map((m) => gen.get(m)!))].sort((a, b) => a - b);
  const rows = new Map<number, number[]>(rowKeys.map((r) => [r, members.filter((m) => gen.get(m) === r)]));
  const orders = new Map<number, number[]>();
  for (const r of rowKeys) {
    const row = rows.get(r)!;
    const aim = new Map(row.map((g) => [g, underParents(g) ?? dagreX.get(g)!]));
    const order = topologicalOrder(row, constraints, (a, b) => aim.get(a)! - aim.get(b)! || dagreX.get(a)! - dagreX.get(b)! || a - b);
    orders.set(r, order);
    placeRow(order, aim, groups, xs);
  }
  for (let pass = 0; pass < REFINE_PASSES; pass++) {
    for (const r of [...rowKeys].reverse()) {
      // On the way up a row may be reordered to sit over its children: a lone grandparent whose son is
      // on the right of the row below goes to the right, so the two families' lines do not cross.
      const aim = new Map(orders.get(r)!.map((g) => [g, overChildren(g) ?? xs.get(g)!]));
      const order = topologicalOrder(orders.get(r)!, constraints, (a, b) => aim.get(a)! - aim.get(b)! || xs.get(a)! - xs.get(b)! || a - b);
      orders.set(r, order);
      placeRow(order, aim, groups, xs);
    }
    if (pass === REFINE_PASSES - 1) break;
    for (const r of rowKeys) {
      const order = orders.get(r)!;
      placeRow(order, new Map(order.map((g) => [g, underParents(g) ?? xs.get(g)!])), groups, xs);
    }
  }
  return xs;
}

/** A topological order of `row` under the constraints among its groups, taking the earliest by `compare` whenever there is a choice. */
function topologicalOrder(row: number[], constraints: ConstraintSet, compare: (a: number, b: number) => number): number[] {
  const inRow = new Set(row);
  const edges = constraints.list.map((c) => [Number(c.left), Number(c.right)] as const).filter(([l, r]) => inRow.has(l) && inRow.has(r));
  const indegree = new Map(row.map((g) => [g, 0]));
  for (const [, r] of edges) indegree.set(r, indegree.get(r)! + 1);
  const ready = row.filter((g) => indegree.get(g) === 0);
  const order: number[] = [];
  while (ready.length > 0) {
    ready.sort(compare);
    const g = ready.shift()!;
    order.push(g);
    for (const [l, r] of edges) {
      if (l !== g) continue;
      indegree.set(r, indegree.get(r)! - 1);
      if (indegree.get(r) === 0) ready.push(r);
    }
  }
  return order;
}

/**
 * Places a row's groups, in the given order, as close to their aims as possible (least squares)
 * while keeping at least GROUP_GAP between neighbours. Subtracting each group's least distance from
 * the first turns this into fitting a non-decreasing sequence, solved exactly by pooling adjacent
 * violators.
 */
function placeRow(order: number[], aim: Map<number, number>, groups: Group[], xs: Map<number, number>): void {
  const offsets: number[] = [];
  let acc = 0;
  order.forEach((g, i) => {
    if (i > 0) acc += groups[order[i - 1]!]!.width / 2 + GROUP_GAP + groups[g]!.width / 2;
    offsets.push(acc);
  });
  const blocks: { sum: number; count: number }[] = [];
  order.forEach((g, i) => {
    blocks.push({ sum: aim.get(g)! - offsets[i]!, count: 1 });
    while (blocks.length > 1) {
      const b = blocks[blocks.length - 1]!;
      const a = blocks[blocks.length - 2]!;
      if (a.sum / a.count <= b.sum / b.count) break;
      blocks.splice(blocks.length - 2, 2, { sum: a.sum + b.sum, count: a.count + b.count });
    }
  });
  let i = 0;
  for (const b of blocks) {
    for (let k = 0; k < b.count; k++, i++) xs.set(order[i]!, b.sum / b.count + offsets[i]!);
  }
}

/** The position each person is drawn at: their manual position if they were moved, else the layout's. */
export function withOverrides(auto: ReadonlyMap<string, Point>, overrides: ReadonlyMap<string, Point>): Map<string, Point> {
  const out = new Map<string, Point>();
  for (const [id, p] of auto) out.set(id, overrides.get(id) ?? p);
  return out;
}
