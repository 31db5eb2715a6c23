import { newId } from '../../shared/ids.js';
import type { User } from '../../shared/schemas/records.js';
import { HttpError } from '../http/errors.js';
import { hashPassword } from '../auth/passwords.js';
import { findLiveInvitation } from './invitationFinder.js';
import { VersionConflictError } from '../storage/errors.js';
import type { CommandDeps } from './types.js';
import type { AuthService, CredentialFailure } from '../auth/AuthService.js';

/**
 * Accepts an invitation. A new email creates the account with the chosen name and password; an email
 * that already has an account joins the review only if the password given is that account's, so a
 * leaked link cannot take over an account. That password is checked by the sign-in check itself
 * (throttle, audit and answer), so the link is no side door for guessing. The user, the membership
 * and the used invitation are one atomic commit, which also makes the link single-use.
 */
export async function acceptInvitation(
  deps: CommandDeps & { auth: Pick<AuthService, 'checkCredentials'> },
  token: string,
  body: { name: string; password: string },
  clientKey: string,
): Promise<{ ok: true; userId: string; reviewId: string } | { ok: false; failure: CredentialFailure }> {
  const now = deps.now?.() ?? new Date();
  const inv = await findLiveInvitation(deps.records, token, now);
  const existing = (await deps.records.find('users', { email: inv.email }))[0];
  let user: User;
  if (existing) {
    const checked = await deps.auth.checkCredentials(existing.email, body.password, clientKey);
    if (!checked.ok) return { ok: false, failure: checked };
    user = existing;
  } else {
    user = {
      id: newId(),
      email: inv.email,
      name: body.name,
      passwordHash: await hashPassword(body.password),
      isAdmin: false,
      disabled: false,
      createdAt: now.toISOString(),
    };
  }
  // Re-check after the slow hash: a concurrent accept of the same link must not create two members.
  const again = await deps.records.get('invitations', inv.id);
  if (!again || again.acceptedAt !== null) throw new HttpError(404, 'invitation-not-found', 'This invitation link has already been used.');
  if (again.revokedAt)
    throw new HttpError(404, 'invitation-revoked', 'This invitation has been withdrawn by the lead reviewer. If you still need to join the review, ask them for a new link.');
  await usedOnce(
    deps.records.commit(
      [
        ...(existing ? [] : [{ op: 'put' as const, collection: 'users' as const, record: user }]),
        { op: 'put', collection: 'memberships', record: { id: newId(), reviewId: inv.reviewId, userId: user.id, role: inv.role, agencyId: inv.agencyId } },
        // Conditional: of two concurrent accepts of one link, only the first to be written succeeds.
        { op: 'put', collection: 'invitations', record: { ...inv, acceptedAt: now.toISOString() }, ifMatch: { acceptedAt: null, revokedAt: again.revokedAt } },
      ],
      {
        audit: [
          ...(existing ? [] : [{ type: 'user.created' as const, actorId: user.id, targetId: user.id }]),
          { type: 'invitation.accepted', actorId: user.id, reviewId: inv.reviewId, targetId: inv.id },
        ],
      },
    ),
  );
  return { ok: true, userId: user.id, reviewId: inv.reviewId };
}

/** Maps the store's refusal of a second use of one link to the same 404 as a used link. */
async function usedOnce(commit: Promise<void>): Promise<void> {
  try {
    await commit;
  } catch (err) {
    if (err instanceof VersionConflictError) throw new HttpError(404, 'invitation-not-found', 'This invitation link has already been used.');
    throw err;
  }
}
