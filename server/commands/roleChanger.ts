import type { Membership } from '../../shared/schemas/records.js';
import type { Role } from '../../shared/roles.js';
import { HttpError, notFound } from '../http/errors.js';
import type { ConnectionRegistry } from '../realtime/ConnectionRegistry.js';
import type { CommandDeps } from './types.js';

/**
 * Changes a member's role. A review always keeps at least one lead reviewer, and an agency author is
 * always bound to an agency of the review. The member's open sockets are closed at once, so their old
 * access ends now rather than at their next reconnect (which is re-authorised with the new role).
 */
export async function changeRole(
  deps: CommandDeps & { registry: ConnectionRegistry },
  actorId: string,
  reviewId: string,
  membershipId: string,
  change: { role: Role; agencyId?: string | null },
): Promise<Membership> {
  const m = await deps.records.get('memberships', membershipId);
  if (!m || m.reviewId !== reviewId) throw notFound('That member');
  const agencyId = change.role === 'agency-author' ? (change.agencyId ?? m.agencyId) : null;
  if (change.role === 'agency-author') {
    const agency = agencyId ? await deps.records.get('agencies', agencyId) : undefined;
    if (!agency || agency.reviewId !== reviewId) throw new HttpError(400, 'invalid', 'The request body is not valid: an agency author needs an agencyId of this review.');
  }
  if (m.role === 'lead-reviewer' && change.role !== 'lead-reviewer') {
    const leads = await deps.records.find('memberships', { reviewId, role: 'lead-reviewer' });
    if (leads.length <= 1) throw new HttpError(409, 'last-lead', 'A review needs at least one lead reviewer. Make someone else lead reviewer first.');
  }
  const updated: Membership = { ...m, role: change.role, agencyId };
  await deps.records.commit([{ op: 'put', collection: 'memberships', record: updated }], { audit: [{ type: 'membership.role-changed', actorId, reviewId, targetId: m.id }] });
  deps.registry.closeUser(m.userId, 'role-changed');
  return updated;
}
