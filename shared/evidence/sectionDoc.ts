import * as Y from 'yjs';
import { recordFields, writeRecord } from '../chronology/yRecord.js';

/**
 * The Yjs shape shared by the learning template and the information report: one Y.Map named
 * 'sections', section key -> Y.Map of that section's fields (plain strings or booleans). One Y.Map
 * per section lets two authors edit different fields at once; each field is last-writer-wins. The
 * agency is not stored in the document: it is the document's (its name), so a crafted update cannot
 * claim another agency, whose document its author cannot write (shared/docAccess.ts).
 */

/** Name of the Y.Map holding the sections. */
export const SECTIONS_MAP = 'sections';

/** One section's fields: strings for text, booleans for ticks. */
export type SectionFields = Record<string, string | boolean>;

/** What one kind of section holds: its field names, each a text or a tick. */
export type SectionShape = Record<string, 'text' | 'tick'>;

/** Reads one section against its shape: unknown keys and wrongly-typed values (a crafted update) are dropped, missing ones blank. */
export function readSection(doc: Y.Doc, key: string, shape: SectionShape, maxChars: number): SectionFields {
  const raw = recordFields(doc.getMap<unknown>(SECTIONS_MAP).get(key)) ?? {};
  const out: SectionFields = {};
  for (const [field, type] of Object.entries(shape)) {
    const v = raw[field];
    if (type === 'tick') out[field] = v === true;
    else out[field] = typeof v === 'string' ? v.slice(0, maxChars) : '';
  }
  return out;
}

/** Writes the given fields of one section, keeping its other fields; the caller validates first. */
export function writeSection(doc: Y.Doc, key: string, shape: SectionShape, fields: Partial<SectionFields>, maxChars: number): void {
  for (const [field, v] of Object.entries(fields)) {
    const type = shape[field];
    if (!type) throw new Error(`unknown field ${field}`);
    if (type === 'tick' ? typeof v !== 'boolean' : typeof v !== 'string' || v.length > maxChars) throw new Error(`bad value for ${field}`);
  }
  const current = readSection(doc, key, shape, maxChars);
  doc.transact(() => writeRecord(doc.getMap<unknown>(SECTIONS_MAP), key, { ...current, ...fields }, Object.keys(shape)));
}

/** The section keys present in a document, for listing added blocks (Section 4 events). */
export function sectionKeys(doc: Y.Doc): string[] {
  return [...doc.getMap<unknown>(SECTIONS_MAP).keys()];
}
