import type { Person } from '../people.js';
import { suggestReportLabel } from '../people.js';

/** What replaces a name shared by several people (a family surname on its own). */
export const AMBIGUOUS_NAME = '[name removed]';

/** Replacements for removed identifiers, by kind. */
export const REMOVED = {
  email: '[email removed]',
  handle: '[handle removed]',
  link: '[link removed]',
  userName: '[user name removed]',
  phone: '[phone number removed]',
  nhs: '[NHS number removed]',
  postcode: '[postcode removed]',
  address: '[address removed]',
  dateOfBirth: '[date of birth removed]',
  redacted: '[redacted]',
} as const;

/** Each person's report label: as set in the register, else suggested from the relationship. */
export function reportLabels(people: readonly Person[], childPseudonym: string): Map<string, string> {
  const labels = new Map<string, string>();
  people.forEach((p, i) => {
    const label = p.reportLabel.trim() || suggestReportLabel(p, people, childPseudonym) || `Person ${i + 1}`;
    labels.set(p.id, label);
  });
  return labels;
}
