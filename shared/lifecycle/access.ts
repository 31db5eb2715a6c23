import type { Role } from '../roles.js';

/**
 * Who may do what with a review's lifecycle records. The server enforces these on every request; the
 * client uses them only to hide controls. Agency authors see their own agency's scoping and nothing
 * else of the Rapid Review, because the record and the terms of reference discuss every agency's
 * practice before the partners have agreed them.
 */

/** The parts of a membership these rules read. */
export type LifecycleMember = { role: Role; agencyId: string | null };

/** Reads the Rapid Review record and the terms of reference: everyone but agency authors. */
export function mayReadRapidReview(m: LifecycleMember): boolean {
  return m.role !== 'agency-author';
}

/** Edits the Rapid Review record, the terms of reference and the review's milestone dates. */
export function mayEditRapidReview(m: LifecycleMember): boolean {
  return m.role === 'lead-reviewer' || m.role === 'review-team';
}

/** Downloads the Word exports (they carry real names and go to the Panel and agencies). */
export function mayExportLifecycle(m: LifecycleMember): boolean {
  return m.role === 'lead-reviewer' || m.role === 'review-team';
}

/** Reads one agency's scoping status and form: the review's staff and observers, or that agency's own authors. */
export function mayReadScoping(m: LifecycleMember, agencyId: string): boolean {
  return m.role !== 'agency-author' || m.agencyId === agencyId;
}

/** Edits one agency's scoping form: the lead reviewer and review team always, that agency's authors while it is open. */
export function mayEditScopingForm(m: LifecycleMember, agencyId: string, status: ScopingStatusLike): boolean {
  if (m.role === 'lead-reviewer' || m.role === 'review-team') return true;
  return m.role === 'agency-author' && m.agencyId === agencyId && isScopingOpen(status);
}

/** A scoping status, as access rules read it (scoping.ts defines the schema). */
export type ScopingStatusLike = 'not-requested' | 'requested' | 'returned' | 'not-known';

/** True while an agency has not yet answered, so its author may still write the form. */
export function isScopingOpen(status: ScopingStatusLike): boolean {
  return status === 'not-requested' || status === 'requested';
}

/**
 * Changes an agency's scoping status. The lead reviewer and review team may set any status (a form
 * sent by email is recorded on the agency's behalf; "requested" reopens a return). An agency author
 * may only answer for their own agency, once: returned, or not known to the agency.
 */
export function mayChangeScopingStatus(m: LifecycleMember, agencyId: string, from: ScopingStatusLike, to: ScopingStatusLike): boolean {
  if (m.role === 'lead-reviewer' || m.role === 'review-team') return true;
  return m.role === 'agency-author' && m.agencyId === agencyId && isScopingOpen(from) && (to === 'returned' || to === 'not-known');
}
