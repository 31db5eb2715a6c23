import type { Person } from '../people.js';
import { nameTerms } from './nameTerms.js';
import { findTerms } from './matcher.js';
import { registerIdentifiers } from './identifiers.js';

/** One identifying item found where it must not be. The value itself is not repeated. */
export type Leak = {
  /** Where it was found, e.g. "word/document.xml paragraph 12" or "chronology row 3". */
  place: string;
  kind: 'full-name' | 'alias' | 'first-name' | 'surname' | 'initials' | 'address' | 'date-of-birth' | 'nhs-number';
  personId: string;
};

/** A piece of outgoing text and where it sits. */
export type OutgoingText = { place: string; text: string };

/**
 * Scans outgoing text for every real name, alias, date of birth, address and NHS number in the
 * register. It is independent of the pseudonymiser's output path on purpose: it re-derives the terms
 * from the register, so a bug in building or assembling the export is still caught before download.
 */
export function findLeaks(parts: readonly OutgoingText[], people: readonly Person[]): Leak[] {
  const terms = nameTerms(people);
  const ids = registerIdentifiers(people).map((i) => ({ ...i, re: new RegExp(i.pattern, 'giu') }));
  const leaks: Leak[] = [];
  for (const { place, text } of parts) {
    for (const h of findTerms(text, terms)) for (const personId of h.term.personIds) leaks.push({ place, kind: h.term.kind, personId });
    for (const id of ids) if (id.re.test(text.normalize('NFC'))) leaks.push({ place, kind: id.kind, personId: id.personId });
  }
  return leaks;
}
