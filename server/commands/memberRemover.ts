import { removalRefusal } from '../../shared/membership.js';
import { HttpError, notFound } from '../http/errors.js';
import type { ConnectionRegistry } from '../realtime/ConnectionRegistry.js';
import type { CommandDeps } from './types.js';

/**
 * Removes a member from a review. A review always keeps at least one lead reviewer. The membership
 * and its audit line are one commit; then every socket the member holds for this review (Yjs
 * documents of the review, and their staff Socket.IO sockets, which are not bound to one review)
 * closes at once, so they stop receiving the review's edits now rather than at their next reconnect,
 * which is refused because they are no longer a member.
 */
export async function removeMember(deps: CommandDeps & { registry: ConnectionRegistry }, actorId: string, reviewId: string, membershipId: string): Promise<void> {
  // Read and delete in one transaction, so two lead reviewers removing each other cannot leave none.
  const userId = await deps.records.transaction(async (tx) => {
    const m = await tx.get('memberships', membershipId);
    if (!m || m.reviewId !== reviewId) throw notFound('That member');
    const leads = await tx.find('memberships', { reviewId, role: 'lead-reviewer' });
    if (removalRefusal(m, leads.length) === 'last-lead') {
      throw new HttpError(409, 'last-lead', 'A review needs at least one lead reviewer. Make someone else lead reviewer before removing this one.');
    }
    tx.delete('memberships', m.id);
    tx.audit({ type: 'membership.removed', actorId, reviewId, targetId: m.id });
    return m.userId;
  });
  deps.registry.closeMember(userId, reviewId, 'member-removed');
}
