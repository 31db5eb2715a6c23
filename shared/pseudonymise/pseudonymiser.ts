import type { Person } from '../people.js';
import { suggestReportLabel } from '../people.js';
import { nameTerms, type NameTerm } from './nameTerms.js';
import { findTerms } from './matcher.js';
import { EMAIL_RE, NHS_RE, PHONE_RE, POSTCODE_RE, ageOn, registerIdentifiers } from './identifiers.js';

/** What replaces a name shared by several people (a family surname on its own). */
export const AMBIGUOUS_NAME = '[name removed]';

/** Replacements for removed identifiers. */
export const REMOVED = {
  email: '[email removed]',
  phone: '[phone number removed]',
  nhs: '[NHS number removed]',
  postcode: '[postcode removed]',
  address: '[address removed]',
  dateOfBirth: '[date of birth removed]',
} as const;

/** Turns text from a review into text that may leave it. */
export type Pseudonymiser = {
  /** Pseudonymises free text. */
  text(input: string): string;
  /** A person's report label. */
  label(personId: string): string;
  /** The identifying terms it replaces (for the leak check). */
  readonly terms: readonly NameTerm[];
};

/** Each person's report label: as set in the register, else suggested from the relationship. */
export function reportLabels(people: readonly Person[], childPseudonym: string): Map<string, string> {
  const labels = new Map<string, string>();
  people.forEach((p, i) => {
    const label = p.reportLabel.trim() || suggestReportLabel(p, people, childPseudonym) || `Person ${i + 1}`;
    labels.set(p.id, label);
  });
  return labels;
}

/**
 * Builds the pseudonymiser for a register. The order matters: emails go first because they often
 * contain names, then phone numbers before NHS numbers (both are digit runs, and a phone starts with 0
 * or +44), then the register's own addresses and dates of birth, then postcodes, and names last,
 * longest first. Every replacement is a label or a bracketed marker that no later step can match.
 */
export function createPseudonymiser(people: readonly Person[], childPseudonym: string, opts: { agesOn?: string } = {}): Pseudonymiser {
  const dobOf = new Map(people.map((p) => [p.id, p.dateOfBirth]));
  // A date of birth becomes the person's age on the reference date (e.g. the incident or referral),
  // which keeps the fact a reader needs without the identifier.
  const dobReplacement = (personId: string) => {
    const dob = dobOf.get(personId);
    if (!opts.agesOn || !dob || opts.agesOn < dob) return REMOVED.dateOfBirth;
    const age = ageOn(dob, opts.agesOn);
    return `[aged ${age === 0 ? 'under 1' : age} on ${opts.agesOn.split('-').reverse().join('/')}]`;
  };
  const labels = reportLabels(people, childPseudonym);
  const terms = nameTerms(people);
  const identifiers = registerIdentifiers(people).map((i) => ({ ...i, re: new RegExp(i.pattern, 'giu') }));
  const replacementFor = (t: NameTerm) => (t.personIds.length === 1 ? labels.get(t.personIds[0]!)! : AMBIGUOUS_NAME);

  return {
    terms,
    label: (id) => labels.get(id) ?? AMBIGUOUS_NAME,
    text(input) {
      let s = input.normalize('NFC');
      s = s.replace(EMAIL_RE, REMOVED.email);
      s = s.replace(PHONE_RE, (m) => (m.replace(/\D/g, '').length >= 10 ? REMOVED.phone : m));
      for (const id of identifiers) {
        s = s.replace(id.re, id.kind === 'address' ? REMOVED.address : id.kind === 'nhs-number' ? REMOVED.nhs : dobReplacement(id.personId));
      }
      s = s.replace(NHS_RE, REMOVED.nhs);
      s = s.replace(POSTCODE_RE, REMOVED.postcode);
      const hits = findTerms(s, terms);
      let out = '';
      let at = 0;
      for (const h of hits) {
        out += s.slice(at, h.start) + replacementFor(h.term);
        at = h.end;
      }
      return out + s.slice(at);
    },
  };
}
