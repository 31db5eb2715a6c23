import type { Household, ParentChild, Partnership, Relationship } from './model.js';

/**
 * The genogram's rules, as pure functions over the relationships. The UI asks them before offering a
 * change, the write functions enforce them, and `findProblems` reports what concurrent edits (each
 * valid on its own) may still have produced, so the page can say so rather than draw nonsense.
 */

/** Why a relationship is refused. */
export type RuleCode =
  | 'self-link'
  | 'unknown-person'
  | 'unknown-partnership'
  | 'duplicate'
  | 'parentage-cycle'
  | 'too-many-birth-parents'
  | 'twins-not-siblings'
  | 'unknown-member';

/** A refused relationship: a code for programs and a sentence for people. */
export type RuleProblem = { code: RuleCode; message: string };

/** What a rule needs to know besides the relationship: who is in the register and what is already drawn. */
export type RuleContext = { personIds: ReadonlySet<string>; relationships: readonly Relationship[] };

/** Most birth parents a child can have. */
export const MAX_BIRTH_PARENTS = 2;

/** The partnerships among `relationships`, by id. */
export function partnershipsById(relationships: readonly Relationship[]): Map<string, Partnership> {
  const out = new Map<string, Partnership>();
  for (const r of relationships) if (r.type === 'partnership') out.set(r.id, r);
  return out;
}

/** The people a parent-child link names as parents: one person, or both partners of a couple (none if the couple is missing). */
export function parentPersons(link: ParentChild, partnerships: ReadonlyMap<string, Partnership>): string[] {
  if (link.parentType === 'person') return [link.parent];
  const p = partnerships.get(link.parent);
  return p ? [p.a, p.b] : [];
}

/** Every parent of each child (all link kinds), by child id. */
export function parentsByChild(relationships: readonly Relationship[]): Map<string, Set<string>> {
  const partnerships = partnershipsById(relationships);
  const out = new Map<string, Set<string>>();
  for (const r of relationships) {
    if (r.type !== 'parent-child') continue;
    const set = out.get(r.child) ?? new Set<string>();
    for (const p of parentPersons(r, partnerships)) set.add(p);
    out.set(r.child, set);
  }
  return out;
}

/** A child's birth parents, counted once each, however many links name them. */
export function birthParentsOf(childId: string, relationships: readonly Relationship[]): Set<string> {
  const partnerships = partnershipsById(relationships);
  const out = new Set<string>();
  for (const r of relationships) {
    if (r.type === 'parent-child' && r.child === childId && r.kind === 'birth') for (const p of parentPersons(r, partnerships)) out.add(p);
  }
  return out;
}

/** True when `ancestor` is a parent, grandparent (and so on) of `personId` through any kind of link. */
export function isAncestor(ancestor: string, personId: string, relationships: readonly Relationship[]): boolean {
  const parents = parentsByChild(relationships);
  const seen = new Set<string>();
  const stack = [...(parents.get(personId) ?? [])];
  while (stack.length > 0) {
    const p = stack.pop()!;
    if (p === ancestor) return true;
    if (seen.has(p)) continue;
    seen.add(p);
    stack.push(...(parents.get(p) ?? []));
  }
  return false;
}

/** The two people a symmetric relationship joins, as a sorted key. */
function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

/**
 * Checks one relationship against the register and the relationships already drawn (a relationship
 * with the same id is being replaced, so it is left out). Returns every problem found; empty means
 * it may be written.
 */
export function checkRelationship(rel: Relationship, ctx: RuleContext): RuleProblem[] {
  const others = ctx.relationships.filter((r) => r.id !== rel.id);
  const problems: RuleProblem[] = [];
  const needPerson = (id: string) => {
    if (!ctx.personIds.has(id)) problems.push({ code: 'unknown-person', message: 'Everyone in the genogram must be in the people register.' });
  };
  switch (rel.type) {
    case 'partnership': {
      if (rel.a === rel.b) problems.push({ code: 'self-link', message: 'A person cannot be their own partner.' });
      needPerson(rel.a);
      needPerson(rel.b);
      if (others.some((r) => r.type === 'partnership' && pairKey(r.a, r.b) === pairKey(rel.a, rel.b))) {
        problems.push({ code: 'duplicate', message: 'These two people are already shown as partners. Change how they stand instead.' });
      }
      break;
    }
    case 'parent-child': {
      const partnerships = partnershipsById(others);
      let parents: string[];
      if (rel.parentType === 'partnership') {
        if (!partnerships.has(rel.parent)) {
          problems.push({ code: 'unknown-partnership', message: 'That couple is no longer in the genogram.' });
        }
        parents = parentPersons(rel, partnerships);
      } else {
        needPerson(rel.parent);
        parents = [rel.parent];
      }
      needPerson(rel.child);
      if (parents.includes(rel.child)) {
        problems.push({ code: 'self-link', message: 'A person cannot be their own parent.' });
      } else if (parents.some((p) => isAncestor(rel.child, p, others))) {
        problems.push({ code: 'parentage-cycle', message: 'That would make a person their own ancestor.' });
      }
      if (others.some((r) => r.type === 'parent-child' && r.child === rel.child && r.parent === rel.parent && r.parentType === rel.parentType)) {
        problems.push({ code: 'duplicate', message: 'This child is already linked to that parent. Change the kind of link instead.' });
      }
      if (rel.kind === 'birth') {
        const birth = birthParentsOf(rel.child, others);
        for (const p of parents) birth.add(p);
        if (birth.size > MAX_BIRTH_PARENTS) {
          problems.push({ code: 'too-many-birth-parents', message: 'A child has at most two birth parents. Use adopted, foster or step for other carers.' });
        }
      }
      break;
    }
    case 'line': {
      if (rel.from === rel.to) problems.push({ code: 'self-link', message: 'A relationship line joins two different people.' });
      needPerson(rel.from);
      needPerson(rel.to);
      if (others.some((r) => r.type === 'line' && r.kind === rel.kind && r.from === rel.from && r.to === rel.to)) {
        problems.push({ code: 'duplicate', message: 'That line is already drawn.' });
      }
      break;
    }
    case 'twins': {
      if (rel.a === rel.b) problems.push({ code: 'self-link', message: 'Twins are two different people.' });
      needPerson(rel.a);
      needPerson(rel.b);
      if (others.some((r) => r.type === 'twins' && pairKey(r.a, r.b) === pairKey(rel.a, rel.b))) {
        problems.push({ code: 'duplicate', message: 'These two are already shown as twins.' });
      }
      if (rel.a !== rel.b && sharedParentLinks(rel.a, rel.b, others).length === 0) {
        problems.push({ code: 'twins-not-siblings', message: 'Twins must hang from the same parents. Add them as children of the same parents first.' });
      }
      break;
    }
  }
  return problems;
}

/** The parent refs (as 'person:id' or 'partnership:id') from which both `a` and `b` hang. */
export function sharedParentLinks(a: string, b: string, relationships: readonly Relationship[]): string[] {
  const refs = (child: string) => new Set(relationships.filter((r): r is ParentChild => r.type === 'parent-child' && r.child === child).map((r) => `${r.parentType}:${r.parent}`));
  const ra = refs(a);
  return [...refs(b)].filter((x) => ra.has(x));
}

/** Checks a household: a label, and members who are all in the register. */
export function checkHousehold(h: Household, personIds: ReadonlySet<string>): RuleProblem[] {
  return h.memberIds.some((id) => !personIds.has(id)) ? [{ code: 'unknown-member', message: 'Everyone in a household must be in the people register.' }] : [];
}

/**
 * Re-checks every relationship against all the others, as a document may hold after two people made
 * changes at once that are each valid alone (two birth fathers added in two browsers, say). Returns
 * the relationship ids with their problems, in document order; relationships naming people no longer
 * in the register are not reported (they are simply not drawn).
 */
export function findProblems(relationships: readonly Relationship[], personIds: ReadonlySet<string>): { id: string; problem: RuleProblem }[] {
  const out: { id: string; problem: RuleProblem }[] = [];
  for (const rel of relationships) {
    for (const problem of checkRelationship(rel, { personIds, relationships })) {
      if (problem.code === 'unknown-person' || problem.code === 'unknown-partnership') continue;
      out.push({ id: rel.id, problem });
    }
  }
  return out;
}
