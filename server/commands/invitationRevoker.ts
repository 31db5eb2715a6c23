import { invitationSentAt, invitationState, mayRevokeInvitation, type InvitationState } from '../../shared/membership.js';
import type { Role } from '../../shared/roles.js';
import { HttpError, notFound } from '../http/errors.js';
import { VersionConflictError } from '../storage/errors.js';
import type { CommandDeps } from './types.js';

/** One sent invitation as the lead reviewer's list shows it: never the token or its hash. */
export type InvitationListItem = {
  id: string;
  email: string;
  role: Role;
  agencyId: string | null;
  sentAt: string;
  expiresAt: string;
  state: InvitationState;
};

/** The review's invitations, newest first, each with its state at `now`. */
export async function listInvitations(deps: CommandDeps, reviewId: string, now: Date): Promise<InvitationListItem[]> {
  const all = await deps.records.find('invitations', { reviewId });
  return all
    .map((inv) => ({
      id: inv.id,
      email: inv.email,
      role: inv.role,
      agencyId: inv.agencyId,
      sentAt: invitationSentAt(inv),
      expiresAt: inv.expiresAt,
      state: invitationState(inv, now),
    }))
    .sort((a, b) => b.sentAt.localeCompare(a.sentAt) || a.id.localeCompare(b.id));
}

/**
 * Revokes a pending invitation: its link then fails with a message saying so. The write is
 * conditional on the link being still unused, so a revoke and an accept that race cannot both win.
 */
export async function revokeInvitation(deps: CommandDeps, actorId: string, reviewId: string, invitationId: string): Promise<InvitationListItem> {
  const now = deps.now?.() ?? new Date();
  const inv = await deps.records.get('invitations', invitationId);
  if (!inv || inv.reviewId !== reviewId) throw notFound('That invitation');
  if (!mayRevokeInvitation(inv, now)) {
    const state = invitationState(inv, now);
    throw new HttpError(
      409,
      'not-pending',
      `This invitation cannot be revoked because it has ${state === 'accepted' ? 'been accepted' : state === 'expired' ? 'expired' : 'already been revoked'}.`,
    );
  }
  const revoked = { ...inv, revokedAt: now.toISOString() };
  try {
    await deps.records.commit([{ op: 'put', collection: 'invitations', record: revoked, ifMatch: { acceptedAt: null } }], {
      audit: [{ type: 'invitation.revoked', actorId, reviewId, targetId: inv.id }],
    });
  } catch (err) {
    if (err instanceof VersionConflictError) throw new HttpError(409, 'not-pending', 'This invitation cannot be revoked because it has been accepted.');
    throw err;
  }
  return {
    id: revoked.id,
    email: revoked.email,
    role: revoked.role,
    agencyId: revoked.agencyId,
    sentAt: invitationSentAt(revoked),
    expiresAt: revoked.expiresAt,
    state: invitationState(revoked, now),
  };
}
