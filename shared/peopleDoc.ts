import * as Y from 'yjs';
import { PersonSchema, blankPerson, type Person } from './people.js';
import { recordFields } from './chronology/yRecord.js';
import { writeTextField } from './sync/yText.js';

/**
 * The Yjs shape of the people register document (review.<id>.people):
 *   doc.getMap('people'): personId -> Y.Map of the Person fields (arrays stored as plain JSON arrays).
 * One Y.Map per person lets two people edit different fields of the same person without conflict.
 */
export const PEOPLE_MAP = 'people';

/** A person's long fields, stored as collaborative text (Y.Text); older registers hold plain strings there. */
export const PERSON_TEXT_KEYS = ['notes'] as const;

/** Reads every person from a people doc, skipping entries that do not validate (a crafted update). */
export function readPeople(doc: Y.Doc): Person[] {
  const out: Person[] = [];
  doc.getMap<Y.Map<unknown>>(PEOPLE_MAP).forEach((ymap, id) => {
    const fields = recordFields(ymap);
    if (!fields) return;
    const parsed = PersonSchema.safeParse({ ...blankPerson(id), ...fields, id });
    if (parsed.success) out.push(parsed.data);
  });
  return out;
}

/** Writes (creates or updates) a person in one transaction. Only the changed fields are written. */
export function writePerson(doc: Y.Doc, person: Person): void {
  const valid = PersonSchema.parse(person);
  const people = doc.getMap<Y.Map<unknown>>(PEOPLE_MAP);
  doc.transact(() => {
    let ymap = people.get(valid.id);
    if (!(ymap instanceof Y.Map)) {
      ymap = new Y.Map<unknown>();
      people.set(valid.id, ymap);
    }
    for (const [k, v] of Object.entries(valid)) {
      if (k === 'id') continue;
      if (typeof v === 'string' && (PERSON_TEXT_KEYS as readonly string[]).includes(k)) {
        writeTextField(ymap, k, v);
        continue;
      }
      if (JSON.stringify(ymap.get(k)) !== JSON.stringify(v)) ymap.set(k, v);
    }
  });
}

/** Removes a person from the register. */
export function removePerson(doc: Y.Doc, id: string): void {
  doc.getMap(PEOPLE_MAP).delete(id);
}
