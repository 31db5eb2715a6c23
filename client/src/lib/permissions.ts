import type { Role } from '../../../shared/roles.js';

/**
 * Mirrors of the server's rules, used only to hide controls a person cannot use. The server checks
 * every request itself; these never grant anything.
 */

/** The parts of GET /api/me these rules read. */
export type MeFacts = { user: { isAdmin: boolean }; memberships: readonly { role: Role }[] };

/** True when POST /api/reviews would accept this person: a partnership admin, or someone who leads a review. */
export function canCreateReview(me: MeFacts): boolean {
  return me.user.isAdmin || me.memberships.some((m) => m.role === 'lead-reviewer');
}
