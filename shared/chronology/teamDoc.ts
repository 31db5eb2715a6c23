import * as Y from 'yjs';
import { IdSchema } from '../ids.js';
import { TEAM_TEXT_KEYS, TeamFieldsSchema, blankTeamFields, type TeamFields } from './entry.js';
import { ChronologyLimitError } from './chronologyDoc.js';
import { MAX_TEAM_FIELD_ROWS } from './limits.js';
import { ensureText } from '../sync/yText.js';
import { recordFields, writeRecord } from './yRecord.js';

/**
 * The Yjs shape of the review-team document (review.<reviewId>.chronology-team):
 *   doc.getMap('teamFields'): entry id -> Y.Map of { keyLearning, phaseId, note }
 * It is separate from the agency documents because only the lead reviewer and the review team may
 * write it (shared/docAccess.ts), while agency authors own their rows. An entry with no stored team
 * fields has blankTeamFields().
 */

/** Name of the Y.Map holding team fields by entry id. */
export const TEAM_FIELDS_MAP = 'teamFields';

const TEAM_KEYS = ['keyLearning', 'phaseId', 'note'] as const;

/** Team fields of every entry that has any, keyed by entry id; invalid records (a crafted update) are skipped. */
export function readTeamFields(doc: Y.Doc): Map<string, TeamFields> {
  const out = new Map<string, TeamFields>();
  doc.getMap<unknown>(TEAM_FIELDS_MAP).forEach((value, id) => {
    const fields = recordFields(value);
    if (!fields || !IdSchema.safeParse(id).success) return;
    const parsed = TeamFieldsSchema.safeParse({ ...blankTeamFields(), ...fields });
    if (parsed.success) out.set(id, parsed.data);
  });
  return out;
}

/** How many stored team-field records do not validate and are left out by readTeamFields (they stay stored). */
export function countSkippedTeamFields(doc: Y.Doc): number {
  return doc.getMap<unknown>(TEAM_FIELDS_MAP).size - readTeamFields(doc).size;
}

/**
 * Writes the team fields of one entry after validating them; only changed fields are written. Throws a
 * ZodError for invalid fields or entry id, and a ChronologyLimitError past MAX_TEAM_FIELD_ROWS.
 */
export function writeTeamFields(doc: Y.Doc, entryId: string, fields: TeamFields): void {
  const id = IdSchema.parse(entryId);
  const valid = TeamFieldsSchema.parse(fields);
  const map = doc.getMap<unknown>(TEAM_FIELDS_MAP);
  if (!(map.get(id) instanceof Y.Map) && map.size >= MAX_TEAM_FIELD_ROWS) {
    throw new ChronologyLimitError(`The review team can annotate at most ${MAX_TEAM_FIELD_ROWS.toLocaleString('en-GB')} entries`);
  }
  doc.transact(() => writeRecord(map, id, valid, TEAM_KEYS, TEAM_TEXT_KEYS));
}

/**
 * Makes the team note of an entry ready to be typed into live: a blank record (its note an empty Y.Text)
 * when the entry has none, or the note turned into a Y.Text when it is a plain string. Done once the
 * document is synced, before anyone types, so two people typing at once edit the same Y.Text rather than
 * two new ones of which only one would survive. Nothing is written when it is ready already. Throws a
 * ChronologyLimitError past MAX_TEAM_FIELD_ROWS.
 */
export function prepareTeamNote(doc: Y.Doc, entryId: string): void {
  const id = IdSchema.parse(entryId);
  const record = doc.getMap<unknown>(TEAM_FIELDS_MAP).get(id);
  if (!(record instanceof Y.Map)) {
    writeTeamFields(doc, id, blankTeamFields());
    return;
  }
  if (!(record.get('note') instanceof Y.Text)) doc.transact(() => ensureText(record as Y.Map<unknown>, 'note'));
}

/** Removes the team fields of an entry (when the entry itself is removed). */
export function removeTeamFields(doc: Y.Doc, entryId: string): void {
  doc.getMap(TEAM_FIELDS_MAP).delete(entryId);
}
