import type { DocKind } from '../docNames.js';
import { MAX_TEXT_CHARS } from '../limits.js';
import { MAX_CHRONOLOGY_ENTRIES, MAX_ORG_CHANGES, MAX_TEAM_FIELD_ROWS } from '../chronology/limits.js';
import { MAX_HOUSEHOLDS, MAX_RELATIONSHIPS } from '../genogram/limits.js';
import { ENTRY_TEXT_KEYS, ORG_CHANGE_TEXT_KEYS, TEAM_TEXT_KEYS } from '../chronology/entry.js';
import { DRAFT_TEXT_FIELDS } from '../report/draftDoc.js';

/** Most sections one agency evidence document holds: far above the template's fixed sections, KLOEs and events. */
export const MAX_EVIDENCE_SECTIONS = 200;

/**
 * The structural shape of every shared document (docs/sync.md, "Documents and their shapes"), which the
 * sync server enforces on every incoming update before it touches a document. Field-level rules (a
 * date is a date) stay with the readers, which skip what does not parse; this spec bounds what any
 * reader or the server could be made to hold: which root maps exist, how deep types nest, how large a
 * value is, and how many entries a map has.
 *
 * Every document is a set of root `Y.Map`s. A root holds either records (one `Y.Map` per record, whose
 * fields are plain JSON values or a `Y.Text`) or plain JSON values. Nothing nests deeper.
 */

/**
 * What one root map holds: `record` maps hold one Y.Map per key, `plain` maps one JSON value per key.
 * `textFields` names the fields of a record that may be collaborative text (a Y.Text of at most
 * MAX_TEXT_FIELD_CHARS); every other field holds a plain value. Older documents hold plain strings in
 * text fields too, which stay valid.
 */
export type RootShape = { holds: 'record' | 'plain'; maxEntries: number; textFields?: readonly string[] };

/** Most free-text sections the report draft document holds (it has five). */
export const MAX_DRAFT_SECTIONS = 16;

/**
 * Most items one list of the report draft document holds, counting items removed while others were
 * offline (the draft's own caps, 20 to 100 per list, apply when it is checked and exported).
 */
export const MAX_DRAFT_LIST_ITEMS = 500;

/** Most plain settings the report draft document holds (it has five). */
export const MAX_DRAFT_SETTINGS = 16;

/** Most people one register holds; a family and its household, with generous headroom. */
export const MAX_PEOPLE = 1_000;

/** Most practitioners one agency lists. */
export const MAX_PRACTITIONERS = 1_000;

/** Most fields one record (a Y.Map under a record root) may hold; the widest record has 12. */
export const MAX_RECORD_FIELDS = 32;

/** Longest map key (record id, field name) in characters; ids are at most 64. */
export const MAX_KEY_CHARS = 64;

/**
 * The deepest nest of types an update may delete or overwrite. Yjs deletes a type's contents by
 * recursing once per level, so deleting a nest thousands deep (stored before updates were checked:
 * the shapes allow two levels) overflows the stack part-way through a transaction. Such an update is
 * refused (4400) instead; readers already skip the malformed record, so it stays, inert.
 */
export const MAX_DELETABLE_NEST_DEPTH = 100;

/** Deepest nesting of one plain JSON value (a date object, a list of ids). */
export const MAX_PLAIN_VALUE_DEPTH = 4;

/**
 * Largest plain JSON value, counted as characters of strings and keys plus one per other value: the
 * longest text field (MAX_TEXT_CHARS) with room for the keys around it.
 */
export const MAX_PLAIN_VALUE_SIZE = MAX_TEXT_CHARS + 2_000;

/** Longest collaborative text (a Y.Text field of a record) in characters. */
export const MAX_TEXT_FIELD_CHARS = MAX_TEXT_CHARS;

/**
 * Largest document, in bytes of its stored form (snapshot plus log since). A 10,000-row chronology of
 * ordinary rows takes about 5 MiB; an update that would take a document past this is refused.
 */
export const MAX_DOC_BYTES = 24 * 1024 * 1024;

/** The server-only root holding which user introduced each Yjs client id (see docs/sync.md). */
export const CLIENT_OWNERS_ROOT = 'clientOwners';

/** Most client ids one document records owners for (one per writing browser session). */
export const MAX_CLIENT_OWNERS = 100_000;

/** The root maps of each kind of document. */
export const DOC_SHAPES: Readonly<Record<DocKind, Readonly<Record<string, RootShape>>>> = {
  people: {
    people: { holds: 'record', maxEntries: MAX_PEOPLE, textFields: ['notes'] },
  },
  genogram: {
    relationships: { holds: 'record', maxEntries: MAX_RELATIONSHIPS },
    households: { holds: 'record', maxEntries: MAX_HOUSEHOLDS },
    positions: { holds: 'plain', maxEntries: MAX_PEOPLE },
    birthStatus: { holds: 'plain', maxEntries: MAX_PEOPLE },
  },
  chronology: {
    entries: { holds: 'record', maxEntries: MAX_CHRONOLOGY_ENTRIES, textFields: ENTRY_TEXT_KEYS },
    orgChanges: { holds: 'record', maxEntries: MAX_ORG_CHANGES, textFields: ORG_CHANGE_TEXT_KEYS },
    practitioners: { holds: 'record', maxEntries: MAX_PRACTITIONERS },
  },
  'chronology-team': {
    teamFields: { holds: 'record', maxEntries: MAX_TEAM_FIELD_ROWS, textFields: TEAM_TEXT_KEYS },
  },
  // The report draft (shared/report/draftDoc.ts): its free-text sections and list items.
  report: {
    sections: { holds: 'record', maxEntries: MAX_DRAFT_SECTIONS, textFields: DRAFT_TEXT_FIELDS.sections },
    themes: { holds: 'record', maxEntries: MAX_DRAFT_LIST_ITEMS, textFields: DRAFT_TEXT_FIELDS.themes },
    learningPoints: { holds: 'record', maxEntries: MAX_DRAFT_LIST_ITEMS, textFields: DRAFT_TEXT_FIELDS.learningPoints },
    recommendations: { holds: 'record', maxEntries: MAX_DRAFT_LIST_ITEMS, textFields: DRAFT_TEXT_FIELDS.recommendations },
    actionPlan: { holds: 'record', maxEntries: MAX_DRAFT_LIST_ITEMS, textFields: DRAFT_TEXT_FIELDS.actionPlan },
    settings: { holds: 'plain', maxEntries: MAX_DRAFT_SETTINGS },
  },
  // Agency evidence (docs/sync.md): one record per section; the learning template has at most
  // sections 1, 2, 5, one block per key line of enquiry and MAX_TEMPLATE_EVENTS events.
  'learning-template': {
    sections: { holds: 'record', maxEntries: MAX_EVIDENCE_SECTIONS },
  },
  'information-report': {
    sections: { holds: 'record', maxEntries: MAX_EVIDENCE_SECTIONS },
  },
};

/** Roots only the server writes, in every kind of document. */
export const SERVER_ROOTS: Readonly<Record<string, RootShape>> = {
  [CLIENT_OWNERS_ROOT]: { holds: 'plain', maxEntries: MAX_CLIENT_OWNERS },
};

/**
 * Whether `value` is plain JSON within the size and depth caps: null, booleans, finite numbers,
 * strings, arrays and plain objects (undefined, which Yjs stores for a deleted-by-set key, too).
 */
export function isPlainValue(value: unknown): boolean {
  let budget = MAX_PLAIN_VALUE_SIZE;
  const walk = (v: unknown, depth: number): boolean => {
    if (v === null || v === undefined || typeof v === 'boolean') {
      budget -= 1;
      return budget >= 0;
    }
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) return false;
      budget -= 1;
      return budget >= 0;
    }
    if (typeof v === 'string') {
      budget -= v.length + 1;
      return budget >= 0;
    }
    if (depth >= MAX_PLAIN_VALUE_DEPTH || typeof v !== 'object') return false;
    if (Array.isArray(v)) {
      budget -= 1;
      if (budget < 0) return false;
      for (const x of v) if (!walk(x, depth + 1)) return false;
      return true;
    }
    const proto = Object.getPrototypeOf(v) as unknown;
    if (proto !== Object.prototype && proto !== null) return false;
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      budget -= k.length + 1;
      if (budget < 0 || !walk(x, depth + 1)) return false;
    }
    return true;
  };
  return walk(value, 0);
}
