import { newId } from '../../../shared/ids.js';
import { blankPerson, suggestReportLabel, type Person } from '../../../shared/people.js';
import { readPeople, writePerson } from '../../../shared/peopleDoc.js';
import {
  GenogramRuleError,
  PLACEHOLDER_NAME,
  checkRelationship,
  parentLinksOf,
  readRelationships,
  setBirthStatus,
  writeRelationship,
  type BirthStatus,
  type ChildLinkKind,
  type Family,
  type PartnershipKind,
  type Relationship,
} from '../../../shared/genogram/index.js';
import { withPerson } from '../lib/registerOrder.js';
import type { GenogramDocs } from './undo.js';

/**
 * What the genogram's editing controls do to the two documents. Each action first checks every
 * relationship it would write against the rules, and writes nothing if any is refused, so a person is
 * never added to the register with half their links. Callers run these inside GenogramUndo.record.
 */

/** A new person as typed in the add form. */
export type NewPerson = Pick<Person, 'name' | 'gender' | 'dateOfBirth' | 'dateOfDeath' | 'relationship' | 'isSubject'> & { birthStatus: BirthStatus };

/**
 * How a relative joins the family. `existingId` names someone already in the people register to link
 * instead of adding a new person (for example a father already listed by the agencies).
 */
export type RelativePlan =
  | { kind: 'person' }
  | { kind: 'partner'; of: string; partnership: PartnershipKind; existingId?: string }
  | { kind: 'child'; of: string; partnershipId: string | null; link: ChildLinkKind; existingId?: string }
  | { kind: 'parent'; of: string; link: ChildLinkKind; coupleWith: string | null; partnership: PartnershipKind; existingId?: string }
  | { kind: 'sibling'; of: string; parentRef: string | null; existingId?: string };

/** The register entry for a new person, with a suggested report label. */
function registerEntry(fields: NewPerson, register: readonly Person[], childPseudonym: string, id = newId()): Person {
  const person: Person = {
    ...blankPerson(id),
    name: fields.name.trim(),
    gender: fields.gender,
    dateOfBirth: fields.dateOfBirth,
    dateOfDeath: fields.dateOfDeath,
    relationship: fields.relationship.trim(),
    isSubject: fields.isSubject,
  };
  return { ...person, reportLabel: suggestReportLabel(person, withPerson(register, person), childPseudonym) };
}

/** A placeholder for someone whose identity is not known, such as an unknown father. */
function placeholder(register: readonly Person[], childPseudonym: string): Person {
  return registerEntry(
    { name: PLACEHOLDER_NAME, gender: 'unknown', dateOfBirth: null, dateOfDeath: null, relationship: '', isSubject: false, birthStatus: 'born' },
    register,
    childPseudonym,
  );
}

/** Works out the register entries and relationships that adding (or linking) a relative means. Pure. */
export function planRelative(
  plan: RelativePlan,
  fields: NewPerson,
  family: Family,
  register: readonly Person[],
  childPseudonym: string,
): { people: Person[]; relationships: Relationship[] } {
  const existing = plan.kind !== 'person' && plan.existingId ? register.find((p) => p.id === plan.existingId) : undefined;
  if (plan.kind !== 'person' && plan.existingId && !existing)
    throw new GenogramRuleError([{ code: 'unknown-person', message: 'That person is no longer in the people register.' }]);
  const person = existing ?? registerEntry(fields, register, childPseudonym);
  const people = existing ? [] : [person];
  const rels: Relationship[] = [];
  switch (plan.kind) {
    case 'person':
      break;
    case 'partner':
      rels.push({ type: 'partnership', id: newId(), a: plan.of, b: person.id, kind: plan.partnership });
      break;
    case 'child':
      rels.push(
        plan.partnershipId
          ? { type: 'parent-child', id: newId(), parentType: 'partnership', parent: plan.partnershipId, child: person.id, kind: plan.link }
          : { type: 'parent-child', id: newId(), parentType: 'person', parent: plan.of, child: person.id, kind: plan.link },
      );
      break;
    case 'parent': {
      const existing = plan.coupleWith ? parentLinksOf(family, plan.of).find((l) => l.parentType === 'person' && l.parent === plan.coupleWith) : undefined;
      if (existing) {
        // The child hung from one parent; now they hang from the couple, with the same kind of link.
        const couple: Relationship = { type: 'partnership', id: newId(), a: existing.parent, b: person.id, kind: plan.partnership };
        rels.push(couple, { type: 'parent-child', id: existing.id, parentType: 'partnership', parent: couple.id, child: plan.of, kind: existing.kind });
      } else {
        rels.push({ type: 'parent-child', id: newId(), parentType: 'person', parent: person.id, child: plan.of, kind: plan.link });
      }
      break;
    }
    case 'sibling': {
      const links = parentLinksOf(family, plan.of);
      const chosen = links.find((l) => `${l.parentType}:${l.parent}` === plan.parentRef) ?? links[0];
      if (chosen) {
        rels.push({ type: 'parent-child', id: newId(), parentType: chosen.parentType, parent: chosen.parent, child: person.id, kind: chosen.kind });
      } else {
        // Siblings hang from their parents; with none recorded, an unknown parent stands in for them.
        const unknown = placeholder([...register, person], childPseudonym);
        people.push(unknown);
        for (const child of [plan.of, person.id]) {
          rels.push({ type: 'parent-child', id: newId(), parentType: 'person', parent: unknown.id, child, kind: 'birth' });
        }
      }
      break;
    }
  }
  return { people, relationships: rels };
}

/** Checks planned relationships one after another, as they would be written; throws if any is refused. */
export function checkPlan(plan: { people: Person[]; relationships: Relationship[] }, docs: GenogramDocs): void {
  const personIds = new Set([...readPeople(docs.people).map((p) => p.id), ...plan.people.map((p) => p.id)]);
  let relationships = readRelationships(docs.genogram);
  for (const rel of plan.relationships) {
    const problems = checkRelationship(rel, { personIds, relationships });
    if (problems.length > 0) throw new GenogramRuleError(problems);
    relationships = [...relationships.filter((r) => r.id !== rel.id), rel];
  }
}

/**
 * Adds a new person (or links someone already in the register), and how they join the family, to both
 * documents. Returns the person's id.
 */
export function addRelative(docs: GenogramDocs, plan: RelativePlan, fields: NewPerson, family: Family, childPseudonym: string): string {
  const register = readPeople(docs.people);
  const planned = planRelative(plan, fields, family, register, childPseudonym);
  checkPlan(planned, docs);
  for (const p of planned.people) writePerson(docs.people, p);
  const personIds = new Set(readPeople(docs.people).map((p) => p.id));
  for (const rel of planned.relationships) writeRelationship(docs.genogram, rel, personIds);
  const existingId = plan.kind !== 'person' ? plan.existingId : undefined;
  if (existingId) return existingId;
  if (fields.birthStatus !== 'born') setBirthStatus(docs.genogram, planned.people[0]!.id, fields.birthStatus);
  return planned.people[0]!.id;
}

/** Writes one relationship (new or changed) after checking it against the register. */
export function saveRelationship(docs: GenogramDocs, rel: Relationship): void {
  writeRelationship(docs.genogram, rel, new Set(readPeople(docs.people).map((p) => p.id)));
}
