import { canManageReview, type Role } from '../../../shared/roles.js';

/**
 * What an empty list says, by who is looking: each says what to do first (or who does it), so a new
 * review is never a dead end.
 */

/** The Agencies page with no agencies yet. */
export function agenciesEmptyText(role: Role): string {
  return canManageReview(role)
    ? 'No agencies have been added yet. Add each agency taking part with the form below; then invite its authors on the Members page, and each agency writes its own rows in the chronology.'
    : 'No agencies have been added yet. The lead reviewer adds them; each agency then writes its own rows in the chronology.';
}

/** The evidence requests table with nothing requested yet; `mayRequest` from the shared evidence policy. */
export function evidenceEmptyText(opts: { role: Role; mayRequest: boolean; agencyCount: number }): string {
  if (opts.agencyCount === 0) {
    return 'No evidence has been requested yet. Add the agencies taking part on the Agencies page first; then evidence can be requested from them here.';
  }
  if (opts.mayRequest) return 'No evidence has been requested yet. Use Request evidence below to ask the agencies for their chronologies and analyses.';
  if (opts.role === 'agency-author') return 'No evidence has been requested from your agency yet. When the review team asks, the request appears here with its due date.';
  return 'No evidence has been requested yet. The lead reviewer and the review team send the requests.';
}

/** The organisational changes section of a review with no agencies yet. */
export const ORG_CHANGES_NO_AGENCIES = 'No agencies have been added to this review yet. Add them on the Agencies page first; each agency then records its own changes here.';
