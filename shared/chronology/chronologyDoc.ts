import * as Y from 'yjs';
import { ChronologyEntrySchema, OrgChangeSchema, PhaseSchema, TeamFieldsSchema, NO_TEAM_FIELDS, type ChronologyEntry, type OrgChange, type Phase, type TeamFields } from './entry.js';

/**
 * Yjs shapes of the chronology documents (docs/sync.md):
 *
 *   review.<id>.chronology.<agencyId>   getMap('entries'):    entryId -> Y.Map of ChronologyEntry fields
 *                                       getMap('orgChanges'): id -> Y.Map of OrgChange fields
 *   review.<id>.chronology-team         getMap('team'):       entryId -> Y.Map of TeamFields
 *                                       getMap('phases'):     phaseId -> Phase (plain object)
 *
 * One Y.Map per row lets two people edit different cells of one row without conflict. Ownership is by
 * document: only the agency's authors (and the lead reviewer) can write its document, and only the
 * review team the team document, which the sync server enforces per connection.
 */
export const ENTRIES = 'entries';
/** The organisational changes map of an agency chronology doc. */
export const ORG_CHANGES = 'orgChanges';
/** The team-fields map of the chronology-team doc. */
export const TEAM = 'team';
/** The workshop phases map of the chronology-team doc. */
export const PHASES = 'phases';

function readMapOf<T>(map: Y.Map<unknown>, parse: (v: unknown) => { success: boolean; data?: T }, withId: boolean): T[] {
  const out: T[] = [];
  map.forEach((value, id) => {
    const raw = value instanceof Y.Map ? value.toJSON() : value;
    if (!raw || typeof raw !== 'object') return;
    const parsed = parse(withId ? { ...(raw as object), id } : raw);
    // Entries that do not validate (a crafted or half-written update) are skipped, never shown broken.
    if (parsed.success) out.push(parsed.data as T);
  });
  return out;
}

function writeFields(map: Y.Map<unknown>, id: string, fields: Record<string, unknown>): void {
  let row = map.get(id);
  if (!(row instanceof Y.Map)) {
    row = new Y.Map<unknown>();
    map.set(id, row);
  }
  const y = row as Y.Map<unknown>;
  for (const [k, v] of Object.entries(fields)) {
    if (k === 'id') continue;
    if (JSON.stringify(y.get(k)) !== JSON.stringify(v)) y.set(k, v);
  }
}

/** Every valid entry of an agency chronology doc. */
export function readEntries(doc: Y.Doc): ChronologyEntry[] {
  return readMapOf(doc.getMap(ENTRIES), (v) => ChronologyEntrySchema.safeParse(v), true);
}

/** Writes (creates or updates) entries in one transaction, validating each; only changed fields are written. */
export function writeEntries(doc: Y.Doc, entries: readonly ChronologyEntry[]): void {
  const valid = entries.map((e) => ChronologyEntrySchema.parse(e));
  doc.transact(() => { for (const e of valid) writeFields(doc.getMap(ENTRIES), e.id, e); });
}

/** Removes an entry. */
export function removeEntry(doc: Y.Doc, id: string): void {
  doc.getMap(ENTRIES).delete(id);
}

/** Every valid organisational change of an agency doc. */
export function readOrgChanges(doc: Y.Doc): OrgChange[] {
  return readMapOf(doc.getMap(ORG_CHANGES), (v) => OrgChangeSchema.safeParse(v), true);
}

/** Writes an organisational change. */
export function writeOrgChange(doc: Y.Doc, change: OrgChange): void {
  const valid = OrgChangeSchema.parse(change);
  doc.transact(() => writeFields(doc.getMap(ORG_CHANGES), valid.id, valid));
}

/** Team fields by entry id from the chronology-team doc. */
export function readTeamFields(doc: Y.Doc): Map<string, TeamFields> {
  const out = new Map<string, TeamFields>();
  doc.getMap(TEAM).forEach((value, id) => {
    const raw = value instanceof Y.Map ? value.toJSON() : value;
    const parsed = TeamFieldsSchema.safeParse({ ...NO_TEAM_FIELDS, ...(raw as object) });
    if (parsed.success) out.set(id, parsed.data);
  });
  return out;
}

/** Sets team fields for an entry (only the given fields change). */
export function writeTeamFields(doc: Y.Doc, entryId: string, fields: Partial<TeamFields>): void {
  const current = readTeamFields(doc).get(entryId) ?? NO_TEAM_FIELDS;
  const valid = TeamFieldsSchema.parse({ ...current, ...fields });
  doc.transact(() => writeFields(doc.getMap(TEAM), entryId, valid));
}

/** Workshop phases, in start order. */
export function readPhases(doc: Y.Doc): Phase[] {
  return readMapOf(doc.getMap(PHASES), (v) => PhaseSchema.safeParse(v), false).sort((a, b) => a.start.localeCompare(b.start));
}

/** Writes a phase. */
export function writePhase(doc: Y.Doc, phase: Phase): void {
  doc.getMap(PHASES).set(phase.id, PhaseSchema.parse(phase));
}
