import * as Y from 'yjs';
import { PractitionerSchema, type Practitioner } from '../practitioners.js';
import { recordFields } from './yRecord.js';

/**
 * The Yjs shape of an agency's practitioner list, inside that agency's chronology doc
 * (review.<id>.chronology.<agencyId>):
 *   doc.getMap('practitioners'): practitioner id -> Y.Map of { name, role }
 * Keeping it in the agency's own doc means only that agency's authors (and the lead reviewer) can
 * write it; see shared/docAccess.ts.
 */
export const PRACTITIONERS_MAP = 'practitioners';

/** Reads an agency's practitioners in name order, skipping entries that do not validate. */
export function readPractitioners(doc: Y.Doc, agencyId: string): Practitioner[] {
  const out: Practitioner[] = [];
  doc.getMap<unknown>(PRACTITIONERS_MAP).forEach((value, id) => {
    const fields = recordFields(value);
    if (!fields) return;
    const parsed = PractitionerSchema.safeParse({ ...fields, id, agencyId });
    if (parsed.success) out.push(parsed.data);
  });
  return out.sort((a, b) => a.name.localeCompare(b.name, 'en-GB') || a.id.localeCompare(b.id));
}

/** How many stored practitioners do not validate and are left out by readPractitioners (they stay stored). */
export function countSkippedPractitioners(doc: Y.Doc, agencyId: string): number {
  return doc.getMap<unknown>(PRACTITIONERS_MAP).size - readPractitioners(doc, agencyId).length;
}

/** Adds or updates a practitioner in one transaction, writing only the changed fields. */
export function writePractitioner(doc: Y.Doc, practitioner: Practitioner): void {
  const valid = PractitionerSchema.parse(practitioner);
  const map = doc.getMap<unknown>(PRACTITIONERS_MAP);
  doc.transact(() => {
    let entry = map.get(valid.id);
    if (!(entry instanceof Y.Map)) {
      entry = new Y.Map<unknown>();
      map.set(valid.id, entry);
    }
    const ymap = entry as Y.Map<unknown>;
    if (ymap.get('name') !== valid.name) ymap.set('name', valid.name);
    if (ymap.get('role') !== valid.role) ymap.set('role', valid.role);
  });
}

/** Removes a practitioner from the agency's list. */
export function removePractitioner(doc: Y.Doc, id: string): void {
  doc.getMap(PRACTITIONERS_MAP).delete(id);
}
