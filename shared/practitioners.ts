import { z } from 'zod';
import { IdSchema } from './ids.js';
import { MAX_LABEL_CHARS } from './limits.js';
import { blankPerson, type Person } from './people.js';

/**
 * Practitioners an agency's chronology may name ("seen by Jane Brown"). Reviews are about systems, not
 * individuals, and the report is published, so a practitioner's name never leaves the review: every
 * export replaces it with their role and agency. Each agency keeps its own list in its chronology doc,
 * so the same server rule that guards the agency's rows guards its staff names.
 */

/** One practitioner: the name as written in the agency's records and the role that replaces it. */
export const PractitionerSchema = z.object({
  id: IdSchema,
  agencyId: IdSchema,
  name: z.string().trim().min(1, 'Enter the practitioner\u2019s name').max(MAX_LABEL_CHARS),
  role: z.string().trim().min(1, 'Enter the practitioner\u2019s role, for example Social Worker').max(MAX_LABEL_CHARS),
});

/** A practitioner named by an agency. */
export type Practitioner = z.infer<typeof PractitionerSchema>;

/** The words that replace a practitioner's name in an export, e.g. "Social Worker (CSC)". */
export function practitionerLabel(p: Pick<Practitioner, 'role'>, agencyCode?: string): string {
  return agencyCode ? `${p.role} (${agencyCode})` : p.role;
}

/**
 * Practitioners as register entries, so the pseudonymiser and the leak check treat their names exactly
 * like family names (full name, first name or surname alone, possessives, initials, any case) and
 * replace them with their role. Ids are prefixed so they never collide with a family member's.
 */
export function practitionersAsPeople(practitioners: readonly Practitioner[], agencyCodes: ReadonlyMap<string, string>): Person[] {
  return practitioners.map((p) => ({
    ...blankPerson(`practitioner:${p.id}`),
    name: p.name,
    reportLabel: practitionerLabel(p, agencyCodes.get(p.agencyId)),
  }));
}
