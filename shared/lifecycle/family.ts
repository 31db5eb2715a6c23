import { formatUkDate } from '../dates.js';
import { COMMON_RELATIONSHIPS, type Person } from '../people.js';

/**
 * The family table of the Rapid Review and the scoping form (Document 4, Section 1; Document 2,
 * Section 1), drawn from the people register. These documents go to the Panel and to agencies, not to
 * publication, so they carry real names.
 */

/** One row of the family table. */
export type FamilyRow = {
  personId: string;
  /** Name, with aliases ("also known as") in brackets. */
  name: string;
  /** Current address first, then previous ones. */
  addresses: string[];
  relationship: string;
  dateOfBirth: string | null;
  ethnicity: string;
  /** Other relevant information: the register's notes, and a date of death. */
  otherInformation: string;
  isSubject: boolean;
};

const order = (rel: string): number => {
  const i = (COMMON_RELATIONSHIPS as readonly string[]).findIndex((r) => r.toLowerCase() === rel.trim().toLowerCase());
  return i < 0 ? COMMON_RELATIONSHIPS.length : i;
};

/** The family table: the subject child first, then by the usual order of relationships, then by name. People with no name are left out. */
export function familyTable(people: readonly Person[]): FamilyRow[] {
  return people
    .filter((p) => p.name.trim())
    .sort((a, b) => Number(b.isSubject) - Number(a.isSubject) || order(a.relationship) - order(b.relationship) || a.name.localeCompare(b.name, 'en-GB'))
    .map((p) => ({
      personId: p.id,
      name: p.aliases.length > 0 ? `${p.name} (also known as ${p.aliases.join(', ')})` : p.name,
      addresses: p.addresses,
      relationship: p.isSubject && !p.relationship ? 'Subject child' : p.relationship,
      dateOfBirth: p.dateOfBirth,
      ethnicity: p.ethnicity,
      otherInformation: [p.dateOfDeath ? `Died ${formatUkDate(p.dateOfDeath)}.` : '', p.notes.trim()].filter(Boolean).join(' '),
      isSubject: p.isSubject,
    }));
}

/** Whole years between a date of birth and a later date (an age on the day of an incident); null when unknown. */
export function ageOn(dateOfBirth: string | null, onIso: string | null): number | null {
  if (!dateOfBirth || !onIso || onIso < dateOfBirth) return null;
  const [y1, m1, d1] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [y2, m2, d2] = onIso.split('-').map(Number) as [number, number, number];
  return y2 - y1 - (m2 < m1 || (m2 === m1 && d2 < d1) ? 1 : 0);
}

/** The subject child's background line items for Document 4 (name, date of birth and age, ethnicity, gender). */
export function childBackground(
  people: readonly Person[],
  incidentDate: string | null,
): {
  name: string;
  dateOfBirthAndAge: string;
  ethnicity: string;
  gender: string;
} {
  const child = people.find((p) => p.isSubject);
  if (!child) return { name: 'Not in the people register', dateOfBirthAndAge: '', ethnicity: '', gender: '' };
  const age = ageOn(child.dateOfBirth, incidentDate);
  const dob = child.dateOfBirth ? formatUkDate(child.dateOfBirth) : 'Not recorded';
  const years = age === null ? '' : age === 0 ? ' (under 1 year old at the incident)' : ` (${age} ${age === 1 ? 'year' : 'years'} old at the incident)`;
  const gender = child.gender === 'unknown' ? 'Not recorded' : child.gender.charAt(0).toUpperCase() + child.gender.slice(1);
  return { name: child.name || 'Not recorded', dateOfBirthAndAge: dob + years, ethnicity: child.ethnicity || 'Not recorded', gender };
}
