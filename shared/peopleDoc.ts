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

/** The people register as read: every valid person, and how many stored records were left out. */
export type RegisterRead = {
  /** Every person that validates, in storage order. */
  people: Person[];
  /** Stored records that did not validate (a crafted or malformed update) and are not shown; they stay stored. */
  skipped: number;
};

/**
 * Reads every person from a people doc and counts those that do not validate (a value that is not a
 * Y.Map, a nested type, a field of the wrong type), so every reader can say that a record is missing
 * rather than silently show a shorter register. Missing fields take their blank value.
 */
export function readRegister(doc: Y.Doc): RegisterRead {
  const people: Person[] = [];
  let skipped = 0;
  doc.getMap<unknown>(PEOPLE_MAP).forEach((value, id) => {
    const fields = recordFields(value);
    const parsed = fields ? PersonSchema.safeParse({ ...blankPerson(id), ...fields, id }) : null;
    if (parsed?.success) people.push(parsed.data);
    else skipped++;
  });
  return { people, skipped };
}

/** Reads every person from a people doc, skipping entries that do not validate (readRegister counts them). */
export function readPeople(doc: Y.Doc): Person[] {
  return readRegister(doc).people;
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
