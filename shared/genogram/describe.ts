import type { Gender } from '../people.js';
import { ageOn } from '../pseudonymise/identifiers.js';
import type { FamilyPerson } from './family.js';
import { BIRTH_STATUS_LABELS } from './model.js';

/** Words for what the drawing shows of a person, so that screen readers and the list view hear the same facts. */

/** A person's age today, or at death; null without a date of birth (or for a pregnancy or loss). */
export function ageOf(p: Pick<FamilyPerson, 'dateOfBirth' | 'dateOfDeath'> & { birthStatus?: FamilyPerson['birthStatus'] }, todayIso: string): number | null {
  if (!p.dateOfBirth || (p.birthStatus && p.birthStatus !== 'born')) return null;
  const end = p.dateOfDeath ?? todayIso;
  if (end < p.dateOfBirth) return null;
  return ageOn(p.dateOfBirth, end);
}

/** The year a person died, if recorded. */
export function yearOfDeath(p: Pick<FamilyPerson, 'dateOfDeath'>): number | null {
  return p.dateOfDeath ? Number(p.dateOfDeath.slice(0, 4)) : null;
}

/** How a gender is said, and which symbol draws it. */
export const GENDER_WORDS: Record<Gender, { word: string; symbol: string }> = {
  male: { word: 'male', symbol: 'square' },
  female: { word: 'female', symbol: 'circle' },
  unknown: { word: 'gender not known', symbol: 'diamond' },
  other: { word: 'other gender', symbol: 'diamond' },
};

/**
 * One sentence describing a person as drawn: name (or label), relationship, gender, age, subject
 * child, death, and birth status. Used as the node's accessible name and in the list view.
 */
export function describePerson(p: FamilyPerson, todayIso: string, name: string): string {
  const parts = [name || 'Unnamed person'];
  if (p.relationship) parts.push(p.relationship.toLowerCase() === name.toLowerCase() ? '' : p.relationship);
  parts.push(GENDER_WORDS[p.gender].word);
  if (p.birthStatus !== 'born') parts.push(BIRTH_STATUS_LABELS[p.birthStatus].toLowerCase());
  const age = ageOf(p, todayIso);
  if (age !== null) parts.push(p.dateOfDeath ? `aged ${age} at death` : `aged ${age}`);
  if (p.isSubject) parts.push('subject child');
  const died = yearOfDeath(p);
  if (died !== null) parts.push(`died ${died}`);
  if (p.placeholder) parts.push('identity not known');
  return parts.filter(Boolean).join(', ');
}
