import * as Y from 'yjs';
import { MAX_HOUSEHOLDS, MAX_RELATIONSHIPS } from './limits.js';
import {
  BirthStatusSchema,
  HouseholdSchema,
  PointSchema,
  RelationshipSchema,
  type BirthStatus,
  type GenogramData,
  type Household,
  type Point,
  type Relationship,
} from './model.js';
import { checkHousehold, checkRelationship, type RuleProblem } from './rules.js';
import { recordFields } from '../chronology/yRecord.js';

/**
 * The Yjs shape of the genogram document (review.<id>.genogram):
 *   doc.getMap('relationships'): id -> Y.Map of the relationship's fields (type, a, b, kind, ...)
 *   doc.getMap('households'):    id -> Y.Map { label, memberIds (plain JSON array) }
 *   doc.getMap('positions'):     personId -> { x, y } (a plain value; the last drag wins)
 *   doc.getMap('birthStatus'):   personId -> 'pregnancy' | 'miscarriage' | 'stillbirth' (absent = born)
 * People themselves live in the people register document. One Y.Map per relationship lets two people
 * change different fields of it at once. Readers validate each entry and skip what does not parse, so
 * a crafted update cannot break a page; writers validate and check the rules first.
 */
export const RELATIONSHIPS_MAP = 'relationships';
/** Name of the households map. */
export const HOUSEHOLDS_MAP = 'households';
/** Name of the manual positions map. */
export const POSITIONS_MAP = 'positions';
/** Name of the birth status map. */
export const BIRTH_STATUS_MAP = 'birthStatus';

/** A write the rules refuse; `problems` says why. Nothing was written. */
export class GenogramRuleError extends Error {
  /** Every problem found. */
  readonly problems: RuleProblem[];
  constructor(problems: RuleProblem[]) {
    super(problems.map((p) => p.message).join(' '));
    this.name = 'GenogramRuleError';
    this.problems = problems;
  }
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Reads every valid relationship, in id order so that every client lays out the same drawing. */
export function readRelationships(doc: Y.Doc): Relationship[] {
  const out: Relationship[] = [];
  doc.getMap<unknown>(RELATIONSHIPS_MAP).forEach((value, id) => {
    const fields = recordFields(value);
    if (!fields || out.length >= MAX_RELATIONSHIPS) return;
    const parsed = RelationshipSchema.safeParse({ ...fields, id });
    if (parsed.success) out.push(parsed.data);
  });
  return out.sort(byId);
}

/** Reads every valid household, in id order. */
export function readHouseholds(doc: Y.Doc): Household[] {
  const out: Household[] = [];
  doc.getMap<unknown>(HOUSEHOLDS_MAP).forEach((value, id) => {
    const fields = recordFields(value);
    if (!fields || out.length >= MAX_HOUSEHOLDS) return;
    const parsed = HouseholdSchema.safeParse({ ...fields, id });
    if (parsed.success) out.push(parsed.data);
  });
  return out.sort(byId);
}

/** Reads the manual position overrides. */
export function readPositions(doc: Y.Doc): Map<string, Point> {
  const out = new Map<string, Point>();
  doc.getMap<unknown>(POSITIONS_MAP).forEach((value, id) => {
    const parsed = PointSchema.safeParse(value);
    if (parsed.success && id.length > 0 && id.length <= 64) out.set(id, parsed.data);
  });
  return out;
}

/** Reads the birth status of people who are not simply born. */
export function readBirthStatus(doc: Y.Doc): Map<string, BirthStatus> {
  const out = new Map<string, BirthStatus>();
  doc.getMap<unknown>(BIRTH_STATUS_MAP).forEach((value, id) => {
    const parsed = BirthStatusSchema.safeParse(value);
    if (parsed.success && parsed.data !== 'born') out.set(id, parsed.data);
  });
  return out;
}

/** Reads the whole genogram document. */
export function readGenogram(doc: Y.Doc): GenogramData {
  return { relationships: readRelationships(doc), households: readHouseholds(doc), positions: readPositions(doc), birthStatus: readBirthStatus(doc) };
}

/**
 * How many stored genogram records the readers leave out: relationships and households that do not
 * validate (or lie past their caps), and positions and birth statuses that do not parse. They stay
 * stored; the count lets a page say that part of the drawing is missing.
 */
export function countSkippedGenogram(doc: Y.Doc): number {
  let badPlain = 0;
  doc.getMap<unknown>(POSITIONS_MAP).forEach((value, id) => {
    if (!PointSchema.safeParse(value).success || id.length === 0 || id.length > 64) badPlain++;
  });
  doc.getMap<unknown>(BIRTH_STATUS_MAP).forEach((value) => {
    if (!BirthStatusSchema.safeParse(value).success) badPlain++;
  });
  return doc.getMap<unknown>(RELATIONSHIPS_MAP).size - readRelationships(doc).length + (doc.getMap<unknown>(HOUSEHOLDS_MAP).size - readHouseholds(doc).length) + badPlain;
}

/** Writes only the fields of `ymap` that differ from `fields`. */
function writeFields(ymap: Y.Map<unknown>, fields: Record<string, unknown>): void {
  for (const [k, v] of Object.entries(fields)) {
    if (k === 'id') continue;
    if (JSON.stringify(ymap.get(k)) !== JSON.stringify(v)) ymap.set(k, v);
  }
  for (const k of [...ymap.keys()]) if (!(k in fields)) ymap.delete(k);
}

/** The Y.Map kept under `id` in `map`, made if missing (or if something else was there). */
function entry(map: Y.Map<unknown>, id: string): Y.Map<unknown> {
  const existing = map.get(id);
  if (existing instanceof Y.Map) return existing;
  const made = new Y.Map<unknown>();
  map.set(id, made);
  return made;
}

/**
 * Creates or replaces a relationship after validating it and checking the rules against the document
 * as it is and the register's `personIds`. Throws GenogramRuleError (or a zod error) and writes nothing
 * when refused.
 */
export function writeRelationship(doc: Y.Doc, rel: Relationship, personIds: ReadonlySet<string>): void {
  const valid = RelationshipSchema.parse(rel);
  const problems = checkRelationship(valid, { personIds, relationships: readRelationships(doc) });
  if (problems.length > 0) throw new GenogramRuleError(problems);
  doc.transact(() => writeFields(entry(doc.getMap(RELATIONSHIPS_MAP), valid.id), valid));
}

/**
 * Removes a relationship. Removing a couple also removes the links of children who hang from it, in
 * the same transaction, so that one undo brings them all back.
 */
export function removeRelationship(doc: Y.Doc, id: string): void {
  const map = doc.getMap<unknown>(RELATIONSHIPS_MAP);
  doc.transact(() => {
    const existing = map.get(id);
    const wasCouple = existing instanceof Y.Map && existing.get('type') === 'partnership';
    map.delete(id);
    if (wasCouple) {
      for (const r of readRelationships(doc)) {
        if (r.type === 'parent-child' && r.parentType === 'partnership' && r.parent === id) map.delete(r.id);
      }
    }
  });
}

/** Creates or replaces a household after validating it. Throws and writes nothing when refused. */
export function writeHousehold(doc: Y.Doc, household: Household, personIds: ReadonlySet<string>): void {
  const valid = HouseholdSchema.parse(household);
  const problems = checkHousehold(valid, personIds);
  if (problems.length > 0) throw new GenogramRuleError(problems);
  doc.transact(() => writeFields(entry(doc.getMap(HOUSEHOLDS_MAP), valid.id), valid));
}

/** Removes a household outline (its members stay in the genogram). */
export function removeHousehold(doc: Y.Doc, id: string): void {
  doc.getMap(HOUSEHOLDS_MAP).delete(id);
}

/** Records where a person was moved to by hand; the automatic layout keeps it until tidied. */
export function setPosition(doc: Y.Doc, personId: string, point: Point): void {
  const valid = PointSchema.parse({ x: Math.round(point.x), y: Math.round(point.y) });
  const positions = doc.getMap<unknown>(POSITIONS_MAP);
  const current = PointSchema.safeParse(positions.get(personId));
  if (current.success && current.data.x === valid.x && current.data.y === valid.y) return;
  positions.set(personId, valid);
}

/** Forgets manual positions (of `personIds`, or everyone), so the automatic layout places them again: "tidy". */
export function clearPositions(doc: Y.Doc, personIds?: readonly string[]): void {
  const positions = doc.getMap<unknown>(POSITIONS_MAP);
  doc.transact(() => {
    for (const id of personIds ?? [...positions.keys()]) positions.delete(id);
  });
}

/** Sets a person's birth status; 'born' removes the mark. */
export function setBirthStatus(doc: Y.Doc, personId: string, status: BirthStatus): void {
  const valid = BirthStatusSchema.parse(status);
  const map = doc.getMap<unknown>(BIRTH_STATUS_MAP);
  if (valid === 'born') {
    if (map.has(personId)) map.delete(personId);
  } else if (map.get(personId) !== valid) {
    map.set(personId, valid);
  }
}

/**
 * Removes everything the genogram holds about a person: their relationships (and the links of
 * children of their couples), household memberships, position and birth status. The register entry
 * itself lives in the people document and is removed there.
 */
export function forgetPerson(doc: Y.Doc, personId: string): void {
  doc.transact(() => {
    for (const r of readRelationships(doc)) {
      const involved =
        r.type === 'partnership' || r.type === 'twins'
          ? r.a === personId || r.b === personId
          : r.type === 'line'
            ? r.from === personId || r.to === personId
            : r.child === personId || (r.parentType === 'person' && r.parent === personId);
      if (involved) removeRelationship(doc, r.id);
    }
    const households = doc.getMap<unknown>(HOUSEHOLDS_MAP);
    for (const h of readHouseholds(doc)) {
      if (!h.memberIds.includes(personId)) continue;
      const ymap = households.get(h.id);
      if (ymap instanceof Y.Map)
        ymap.set(
          'memberIds',
          h.memberIds.filter((m) => m !== personId),
        );
    }
    doc.getMap(POSITIONS_MAP).delete(personId);
    doc.getMap(BIRTH_STATUS_MAP).delete(personId);
  });
}
