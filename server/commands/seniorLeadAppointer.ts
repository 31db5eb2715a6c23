import { mayAppointSeniorLead, type Role } from '../../shared/roles.js';
import type { Membership } from '../../shared/schemas/records.js';
import { HttpError, forbidden, notFound } from '../http/errors.js';
import { membershipIn } from './evidenceRecords.js';
import { withEvidenceLock } from './evidenceLock.js';
import { saveVersioned } from './lifecycleVersionChecker.js';
import type { CommandDeps } from './types.js';

/**
 * Names an agency author as their agency's senior lead, with their designation, or removes the
 * designation (null). The senior lead signs in with their own account, so an endorsement always
 * says who gave it. Only those who manage the review's members may do this.
 */
export async function appointSeniorLead(
  deps: CommandDeps,
  actor: { userId: string; role: Role },
  reviewId: string,
  membershipId: string,
  designation: string | null,
): Promise<Membership> {
  if (!mayAppointSeniorLead(actor.role)) {
    await deps.audit.record({ type: 'access.denied', actorId: actor.userId, reviewId, targetId: membershipId, reason: 'senior-lead' });
    throw forbidden('Only the lead reviewer can name an agency’s senior lead.');
  }
  return withEvidenceLock(reviewId, async () => {
    const m = await membershipIn(deps.records, reviewId, membershipId);
    if (!m) throw notFound('That member');
    if (m.role !== 'agency-author' || !m.agencyId) {
      throw new HttpError(409, 'not-agency-author', 'Only an agency author can be an agency’s senior lead: change their role first.');
    }
    const saved: Membership = { ...m, seniorLead: designation === null ? null : { designation } };
    // Only if the membership is as read (same role and agency): a role change in between must not be overwritten.
    await saveVersioned(
      'this member',
      deps.records.commit([{ op: 'put', collection: 'memberships', record: saved, ifMatch: { role: m.role, agencyId: m.agencyId } }], {
        audit: [{ type: 'evidence.senior-lead-set', actorId: actor.userId, reviewId, targetId: membershipId, reason: designation === null ? 'removed' : 'named' }],
      }),
    );
    return saved;
  });
}
