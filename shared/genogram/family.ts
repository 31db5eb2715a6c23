import type { Person } from '../people.js';
import type { BirthStatus, GenogramData, Household, Line, ParentChild, Partnership, Point, Twins } from './model.js';
import { parentPersons, partnershipsById } from './rules.js';

/**
 * The family as the genogram draws it: register people joined with the genogram's relationships.
 * Relationships naming someone no longer in the register are left out here (not deleted), so removing
 * a person from the register simply takes them off the drawing.
 */

/** A person as drawn: their register entry plus what only the genogram records. */
export type FamilyPerson = Person & { birthStatus: BirthStatus; placeholder: boolean };

/** A child's link with its parents resolved to people. */
export type ChildLink = ParentChild & { parentIds: string[]; partnershipId: string | null };

/** The resolved family. Lists are in id order, so every client derives the same drawing. */
export type Family = {
  people: FamilyPerson[];
  byId: Map<string, FamilyPerson>;
  partnerships: Partnership[];
  childLinks: ChildLink[];
  lines: Line[];
  twins: Twins[];
  households: Household[];
  positions: Map<string, Point>;
};

/** Names the register uses for someone whose identity is not known; the genogram draws them with a "?". */
const PLACEHOLDER_NAMES = new Set(['unknown', 'not known', 'n/k', 'nk', 'unnamed']);

/** The name given to a placeholder person, such as an unknown father. */
export const PLACEHOLDER_NAME = 'Unknown';

/** True when a register entry stands for someone whose identity is not known. */
export function isPlaceholder(person: Pick<Person, 'name'>): boolean {
  return PLACEHOLDER_NAMES.has(person.name.trim().toLowerCase());
}

/** Joins the register with the genogram document. */
export function buildFamily(register: readonly Person[], data: GenogramData): Family {
  const people = [...register]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((p) => ({ ...p, birthStatus: data.birthStatus.get(p.id) ?? 'born', placeholder: isPlaceholder(p) }));
  const byId = new Map(people.map((p) => [p.id, p]));
  const has = (id: string) => byId.has(id);
  const partnerships = data.relationships.filter((r): r is Partnership => r.type === 'partnership' && has(r.a) && has(r.b) && r.a !== r.b);
  const partnershipMap = partnershipsById(partnerships);
  const childLinks: ChildLink[] = [];
  for (const r of data.relationships) {
    if (r.type !== 'parent-child' || !has(r.child)) continue;
    const parentIds = parentPersons(r, partnershipMap);
    if (parentIds.length === 0 || !parentIds.every(has) || parentIds.includes(r.child)) continue;
    childLinks.push({ ...r, parentIds, partnershipId: r.parentType === 'partnership' ? r.parent : null });
  }
  return {
    people,
    byId,
    partnerships,
    childLinks,
    lines: data.relationships.filter((r): r is Line => r.type === 'line' && has(r.from) && has(r.to) && r.from !== r.to),
    twins: data.relationships.filter((r): r is Twins => r.type === 'twins' && has(r.a) && has(r.b) && r.a !== r.b),
    households: data.households.map((h) => ({ ...h, memberIds: h.memberIds.filter(has) })),
    positions: data.positions,
  };
}

/** A person's partnerships, each with the other partner's id. */
export function partnersOf(family: Family, id: string): { partnership: Partnership; partnerId: string }[] {
  return family.partnerships.filter((p) => p.a === id || p.b === id).map((p) => ({ partnership: p, partnerId: p.a === id ? p.b : p.a }));
}

/** The links from which a person hangs as a child. */
export function parentLinksOf(family: Family, id: string): ChildLink[] {
  return family.childLinks.filter((l) => l.child === id);
}

/** The links of a person's children (as one parent or as part of a couple). */
export function childLinksOf(family: Family, id: string): ChildLink[] {
  return family.childLinks.filter((l) => l.parentIds.includes(id));
}

/**
 * A person's siblings: full siblings hang from the same link parent (couple or person); half-siblings
 * share only one parent person. Ordered by date of birth, eldest first.
 */
export function siblingsOf(family: Family, id: string): { id: string; half: boolean }[] {
  const mine = parentLinksOf(family, id);
  const refs = new Set(mine.map((l) => `${l.parentType}:${l.parent}`));
  const parents = new Set(mine.flatMap((l) => l.parentIds));
  const out = new Map<string, boolean>();
  for (const l of family.childLinks) {
    if (l.child === id) continue;
    if (refs.has(`${l.parentType}:${l.parent}`)) out.set(l.child, false);
    else if (!out.has(l.child) && l.parentIds.some((p) => parents.has(p))) out.set(l.child, true);
  }
  return [...out].map(([sid, half]) => ({ id: sid, half })).sort((a, b) => compareByBirth(family.byId.get(a.id), family.byId.get(b.id)));
}

/** Orders people eldest first; people with no date of birth after, then by id. */
export function compareByBirth(a: Pick<Person, 'id' | 'dateOfBirth'> | undefined, b: Pick<Person, 'id' | 'dateOfBirth'> | undefined): number {
  if (!a || !b) return a ? -1 : b ? 1 : 0;
  if (a.dateOfBirth !== b.dateOfBirth) {
    if (!a.dateOfBirth) return 1;
    if (!b.dateOfBirth) return -1;
    return a.dateOfBirth < b.dateOfBirth ? -1 : 1;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
