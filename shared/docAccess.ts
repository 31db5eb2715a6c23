import type { DocRef } from './docNames.js';
import type { Agency, Membership } from './schemas/records.js';
import { reportDraftAccess } from './report/access.js';

/** What one connection may do with one shared document. */
export type Access = 'none' | 'read' | 'write';

/**
 * Decides a member's access to a shared document from their role in that review. This is the single
 * rule the sync server enforces per connection; the client only mirrors it to hide controls.
 *
 * - Not a member of the review (including a partnership admin): none. Admin rights manage accounts,
 *   they do not open case files.
 * - Observers read everything and write nothing.
 * - The people register and genogram are written by the lead reviewer, the review team and agency
 *   authors, because agencies add the family members they know of.
 * - An agency's chronology is written by that agency's authors, and by the lead reviewer who may
 *   import on an agency's behalf; everyone else in the review reads it.
 * - An agency's learning template and information report are written by that agency's authors only,
 *   read by the review's staff and observers, and not opened at all to other agencies' authors:
 *   agency authors see only their own agency's evidence (shared/evidence/access.ts).
 * - The review-team fields (key learning flag, workshop phase, team note) are written by the lead
 *   reviewer and review team only.
 * - The report draft follows reportDraftAccess: the lead reviewer writes, the review team reads, and
 *   nobody else opens it (observers included).
 */
export function docAccess(ref: DocRef, membership: Pick<Membership, 'reviewId' | 'role' | 'agencyId'> | null): Access {
  if (!membership || membership.reviewId !== ref.reviewId) return 'none';
  const { role } = membership;
  if (ref.kind === 'report') return reportDraftAccess(role);
  if (role === 'observer') return 'read';
  switch (ref.kind) {
    case 'people':
    case 'genogram':
      return 'write';
    case 'chronology':
      if (role === 'lead-reviewer') return 'write';
      if (role === 'agency-author' && membership.agencyId === ref.agencyId) return 'write';
      return 'read';
    case 'chronology-team':
      return role === 'lead-reviewer' || role === 'review-team' ? 'write' : 'read';
    case 'learning-template':
    case 'information-report':
      if (role === 'agency-author') return membership.agencyId === ref.agencyId ? 'write' : 'none';
      return 'read';
  }
}

/**
 * Whether a shared document may exist at all: every kind is fixed by the name grammar, and an agency's
 * chronology only for an agency of that review (`agency` is the record the name's agency id finds, if
 * any). The server opens nothing (no room, directory or file) for a document that may not exist, and
 * answers as it does for a review that is not the user's.
 */
export function docExists(ref: DocRef, agency: Pick<Agency, 'reviewId'> | null | undefined): boolean {
  // Every agency-owned kind (chronology, learning template, information report) names a real agency of this review.
  if (!('agencyId' in ref)) return true;
  return !!agency && agency.reviewId === ref.reviewId;
}
