import { z } from 'zod';
import { IsoDateSchema } from './dates.js';
import { MAX_LABEL_CHARS, MAX_TEXT_CHARS } from './limits.js';

/**
 * The people register: the family composition of Document 2, Section 1. It is the single source the
 * genogram draws, chronology rows reference, and every export pseudonymises from.
 */

/** Genders as recorded on a genogram (square, circle, diamond). */
export const GenderSchema = z.enum(['male', 'female', 'unknown', 'other']);

/** Relationships offered in the UI; free text is also accepted because families vary. */
export const COMMON_RELATIONSHIPS = [
  'Subject child',
  'Mother',
  'Father',
  'Partner of Mother',
  'Partner of Father',
  'Stepfather',
  'Stepmother',
  'Sibling',
  'Half-sibling',
  'Maternal Grandmother',
  'Maternal Grandfather',
  'Paternal Grandmother',
  'Paternal Grandfather',
  'Aunt',
  'Uncle',
  'Cousin',
  'Foster Carer',
  'Family Friend',
  'Other Adult',
] as const;

/** One person in the register. Dates are ISO; empty strings are not used, null means unknown. */
export const PersonSchema = z.object({
  id: z.string().min(1).max(64),
  name: z.string().trim().max(MAX_LABEL_CHARS),
  aliases: z.array(z.string().trim().min(1).max(MAX_LABEL_CHARS)).max(20),
  relationship: z.string().trim().max(MAX_LABEL_CHARS),
  dateOfBirth: IsoDateSchema.nullable(),
  dateOfDeath: IsoDateSchema.nullable(),
  gender: GenderSchema,
  ethnicity: z.string().trim().max(MAX_LABEL_CHARS),
  addresses: z.array(z.string().trim().min(1).max(MAX_LABEL_CHARS)).max(20),
  nhsNumber: z
    .string()
    .trim()
    .regex(/^(\d{3} ?\d{3} ?\d{4})?$/, 'must be 10 digits'),
  notes: z.string().max(MAX_TEXT_CHARS),
  isSubject: z.boolean(),
  reportLabel: z.string().trim().max(MAX_LABEL_CHARS),
});

/** A person in the register. */
export type Person = z.infer<typeof PersonSchema>;
/** A genogram gender. */
export type Gender = z.infer<typeof GenderSchema>;

/** A blank person with the given id. */
export function blankPerson(id: string): Person {
  return {
    id,
    name: '',
    aliases: [],
    relationship: '',
    dateOfBirth: null,
    dateOfDeath: null,
    gender: 'unknown',
    ethnicity: '',
    addresses: [],
    nhsNumber: '',
    notes: '',
    isSubject: false,
    reportLabel: '',
  };
}

/**
 * Suggests a report label from a relationship, e.g. "Mother", "Sibling 1". The subject child takes the
 * review's child pseudonym. Relationships that can occur more than once are numbered in register order
 * so that labels are unique; the label stays editable.
 */
export function suggestReportLabel(
  person: Pick<Person, 'id' | 'relationship' | 'isSubject'>,
  register: readonly Pick<Person, 'id' | 'relationship' | 'isSubject'>[],
  childPseudonym: string,
): string {
  if (person.isSubject) return childPseudonym;
  const rel = person.relationship.trim();
  if (!rel) return 'Adult';
  const norm = (s: string) => s.trim().toLowerCase();
  const same = register.filter((p) => !p.isSubject && norm(p.relationship) === norm(rel));
  if (same.length <= 1 && !NUMBERED.has(norm(rel))) return titleCase(rel);
  const index = same.findIndex((p) => p.id === person.id);
  return `${titleCase(rel)} ${index >= 0 ? index + 1 : same.length + 1}`;
}

/** Relationships that are numbered even when only one exists, so a later sibling does not rename the first. */
const NUMBERED = new Set(['sibling', 'half-sibling', 'cousin', 'aunt', 'uncle', 'family friend', 'other adult']);

function titleCase(s: string): string {
  return s.replace(/(^|[\s-])(\p{Ll})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
}
