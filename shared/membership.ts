import { INVITATION_TTL_MS } from './limits.js';
import { canManageReview, type Role } from './roles.js';

/** Who may remove a member from a review: those who manage its members (the lead reviewer). */
export function mayRemoveMember(role: Role): boolean {
  return canManageReview(role);
}

/** Who may list and revoke a review's invitations: those who send them (the lead reviewer). */
export function mayManageInvitations(role: Role): boolean {
  return canManageReview(role);
}

/** Why a member may not be removed, or null when they may: a review always keeps a lead reviewer. */
export function removalRefusal(target: { role: Role }, leadCount: number): 'last-lead' | null {
  return target.role === 'lead-reviewer' && leadCount <= 1 ? 'last-lead' : null;
}

/** Where an invitation stands, as the lead reviewer's list shows it. */
export type InvitationState = 'pending' | 'accepted' | 'expired' | 'revoked';

/** The fields of an invitation its state is read from (older records have no revokedAt or createdAt). */
export type InvitationDates = { acceptedAt: string | null; expiresAt: string; revokedAt?: string | null; createdAt?: string };

/**
 * An invitation's state at `now`. Accepted wins over everything (the person joined), revoked over
 * expired (the lead reviewer acted before it lapsed), and a link is expired from its expiry instant on.
 */
export function invitationState(inv: InvitationDates, now: Date): InvitationState {
  if (inv.acceptedAt) return 'accepted';
  if (inv.revokedAt) return 'revoked';
  return new Date(inv.expiresAt).getTime() <= now.getTime() ? 'expired' : 'pending';
}

/** Only a pending invitation can be revoked: an accepted one is a membership, an expired one is dead. */
export function mayRevokeInvitation(inv: InvitationDates, now: Date): boolean {
  return invitationState(inv, now) === 'pending';
}

/** When an invitation was sent (ISO instant); records from before createdAt was kept derive it from the expiry. */
export function invitationSentAt(inv: InvitationDates): string {
  return inv.createdAt ?? new Date(new Date(inv.expiresAt).getTime() - INVITATION_TTL_MS).toISOString();
}
