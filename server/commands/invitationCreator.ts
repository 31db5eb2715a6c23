import { newId } from '../../shared/ids.js';
import { INVITATION_TTL_MS } from '../../shared/limits.js';
import type { CreateInvitationBody } from '../../shared/schemas/api.js';
import { HttpError } from '../http/errors.js';
import { hashToken, newToken } from '../auth/sessionCookie.js';
import type { CommandDeps } from './types.js';

/**
 * Creates a single-use, expiring invitation and returns its token once. Only the token's hash is
 * stored, so the link cannot be recovered from the data directory. An agency author must be bound to
 * an agency of this same review.
 */
export async function createInvitation(deps: CommandDeps, actorId: string, reviewId: string, body: CreateInvitationBody): Promise<{ id: string; token: string }> {
  if (body.agencyId !== undefined) {
    const agency = await deps.records.get('agencies', body.agencyId);
    if (!agency || agency.reviewId !== reviewId) throw new HttpError(400, 'invalid', 'The request body is not valid: agencyId must be an agency of this review.');
  }
  let alreadyMember = false;
  for (const u of await deps.records.find('users', { email: body.email })) {
    if ((await deps.records.find('memberships', { userId: u.id, reviewId })).length > 0) alreadyMember = true;
  }
  if (alreadyMember) throw new HttpError(409, 'already-member', 'That person is already a member of this review.');
  const token = newToken();
  const id = newId();
  const now = deps.now?.() ?? new Date();
  await deps.records.commit(
    [
      {
        op: 'put',
        collection: 'invitations',
        record: {
          id,
          reviewId,
          email: body.email,
          role: body.role,
          agencyId: body.agencyId ?? null,
          tokenHash: hashToken(token),
          expiresAt: new Date(now.getTime() + INVITATION_TTL_MS).toISOString(),
          acceptedAt: null,
          createdBy: actorId,
          createdAt: now.toISOString(),
          revokedAt: null,
        },
      },
    ],
    { audit: [{ type: 'invitation.created', actorId, reviewId, targetId: id }] },
  );
  return { id, token };
}
