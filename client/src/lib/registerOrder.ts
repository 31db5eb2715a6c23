import type { Person } from '../../../shared/people.js';

/**
 * The order the register is shown and numbered in: the subject child first, then by date of birth
 * (eldest first, so "Sibling 1" is the eldest), people without one after, then by name and id. Every
 * client sorts the same way, so suggested labels agree whoever suggests them.
 */
export function sortRegister(people: readonly Person[]): Person[] {
  return [...people].sort((a, b) => {
    if (a.isSubject !== b.isSubject) return a.isSubject ? -1 : 1;
    if (a.dateOfBirth !== b.dateOfBirth) {
      if (!a.dateOfBirth) return 1;
      if (!b.dateOfBirth) return -1;
      return a.dateOfBirth < b.dateOfBirth ? -1 : 1;
    }
    return a.name.localeCompare(b.name, 'en-GB') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  });
}

/** The register with one person added or replaced, in register order, for label suggestions. */
export function withPerson(people: readonly Person[], person: Person): Person[] {
  return sortRegister([...people.filter((p) => p.id !== person.id), person]);
}
