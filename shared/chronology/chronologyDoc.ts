import * as Y from 'yjs';
import { IdSchema } from '../ids.js';
import {
  ChronologyEntrySchema,
  ENTRY_CONTENT_KEYS,
  ENTRY_TEXT_KEYS,
  ORG_CHANGE_CONTENT_KEYS,
  ORG_CHANGE_TEXT_KEYS,
  OrgChangeSchema,
  blankEntry,
  type ChronologyEntry,
  type OrgChange,
} from './entry.js';
import { MAX_CHRONOLOGY_ENTRIES, MAX_ORG_CHANGES } from './limits.js';
import { recordFields, writeRecord } from './yRecord.js';

/**
 * The Yjs shape of one agency's chronology document (review.<reviewId>.chronology.<agencyId>):
 *   doc.getMap('entries'):    entry id -> Y.Map of the entry's content fields (ENTRY_CONTENT_KEYS;
 *                             `date` is a plain object, `familyContactIds` a plain array)
 *   doc.getMap('orgChanges'): change id -> Y.Map of { date, change, impact }
 * Long fields (ENTRY_TEXT_KEYS, ORG_CHANGE_TEXT_KEYS) are Y.Text, or plain strings in rows written before.
 * The agency id is not stored in the rows: it is the document's, and readers take it from the
 * document name. So a crafted row can never claim to belong to another agency, whose document its
 * author cannot write (shared/docAccess.ts).
 */

/** Name of the Y.Map holding key event rows. */
export const ENTRIES_MAP = 'entries';

/** Name of the Y.Map holding organisational change rows. */
export const ORG_CHANGES_MAP = 'orgChanges';

/** Thrown when a write would take a document past one of its caps. */
export class ChronologyLimitError extends RangeError {
  override name = 'ChronologyLimitError';
}

/** Reads one stored entry; null when the stored value does not validate. */
function readOne(agencyId: string, id: string, value: unknown): ChronologyEntry | null {
  const fields = recordFields(value);
  if (!fields || !IdSchema.safeParse(id).success || !fields['date']) return null;
  const parsed = ChronologyEntrySchema.safeParse({ ...blankEntry(id, agencyId, fields['date'] as ChronologyEntry['date']), ...fields, id, agencyId });
  return parsed.success ? parsed.data : null;
}

/** Every valid entry of an agency's chronology, in storage order; invalid ones (a crafted update) are skipped. */
export function readEntries(doc: Y.Doc, agencyId: string): ChronologyEntry[] {
  const out: ChronologyEntry[] = [];
  doc.getMap<unknown>(ENTRIES_MAP).forEach((value, id) => {
    const e = readOne(agencyId, id, value);
    if (e) out.push(e);
  });
  return out;
}

/** One entry by id, or null when absent or invalid. */
export function readEntry(doc: Y.Doc, agencyId: string, id: string): ChronologyEntry | null {
  return readOne(agencyId, id, doc.getMap<unknown>(ENTRIES_MAP).get(id));
}

/**
 * Writes (creates or updates) entries in one transaction, all or nothing: every entry is validated
 * and must belong to this document's agency before anything is written, which is what a confirmed
 * import needs. Throws a ZodError for an invalid entry, an Error for a foreign agency, and a
 * ChronologyLimitError past MAX_CHRONOLOGY_ENTRIES.
 */
export function writeEntries(doc: Y.Doc, agencyId: string, entries: readonly ChronologyEntry[]): void {
  const valid = entries.map((e) => ChronologyEntrySchema.parse(e));
  if (valid.some((e) => e.agencyId !== agencyId)) throw new Error('An entry belongs to another agency’s chronology');
  const map = doc.getMap<unknown>(ENTRIES_MAP);
  const added = new Set(valid.map((e) => e.id).filter((id) => !(map.get(id) instanceof Y.Map)));
  if (map.size + added.size > MAX_CHRONOLOGY_ENTRIES) {
    throw new ChronologyLimitError(`A chronology can hold at most ${MAX_CHRONOLOGY_ENTRIES.toLocaleString('en-GB')} entries`);
  }
  doc.transact(() => {
    for (const e of valid) writeRecord(map, e.id, e, ENTRY_CONTENT_KEYS, ENTRY_TEXT_KEYS);
  });
}

/** Writes (creates or updates) one entry; see writeEntries for the checks. Only changed fields are written. */
export function writeEntry(doc: Y.Doc, agencyId: string, entry: ChronologyEntry): void {
  writeEntries(doc, agencyId, [entry]);
}

/** Removes an entry (its review-team fields live in the team document and are removed there). */
export function removeEntry(doc: Y.Doc, id: string): void {
  doc.getMap(ENTRIES_MAP).delete(id);
}

/** Every valid organisational change of an agency, in storage order; invalid ones are skipped. */
export function readOrgChanges(doc: Y.Doc, agencyId: string): OrgChange[] {
  const out: OrgChange[] = [];
  doc.getMap<unknown>(ORG_CHANGES_MAP).forEach((value, id) => {
    const fields = recordFields(value);
    if (!fields) return;
    const parsed = OrgChangeSchema.safeParse({ change: '', impact: '', ...fields, id, agencyId });
    if (parsed.success) out.push(parsed.data);
  });
  return out;
}

/** Writes (creates or updates) an organisational change after validating it; throws as writeEntries does. */
export function writeOrgChange(doc: Y.Doc, agencyId: string, change: OrgChange): void {
  const valid = OrgChangeSchema.parse(change);
  if (valid.agencyId !== agencyId) throw new Error('The change belongs to another agency’s chronology');
  const map = doc.getMap<unknown>(ORG_CHANGES_MAP);
  if (!(map.get(valid.id) instanceof Y.Map) && map.size >= MAX_ORG_CHANGES) {
    throw new ChronologyLimitError(`An organisational changes chronology can hold at most ${MAX_ORG_CHANGES} entries`);
  }
  doc.transact(() => writeRecord(map, valid.id, valid, ORG_CHANGE_CONTENT_KEYS, ORG_CHANGE_TEXT_KEYS));
}

/** Removes an organisational change. */
export function removeOrgChange(doc: Y.Doc, id: string): void {
  doc.getMap(ORG_CHANGES_MAP).delete(id);
}
