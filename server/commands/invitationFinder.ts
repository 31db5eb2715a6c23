import type { Invitation } from '../../shared/schemas/records.js';
import { hashToken } from '../auth/sessionCookie.js';
import { HttpError } from '../http/errors.js';
import type { RecordStore } from '../storage/types.js';

/** Finds a live invitation by its token; used, expired and unknown tokens all get the same 404, a revoked one says so. */
export async function findLiveInvitation(records: RecordStore, token: string, now: Date): Promise<Invitation> {
  const hash = hashToken(token);
  const inv = (await records.find('invitations', { tokenHash: hash }))[0];
  if (inv?.revokedAt && inv.acceptedAt === null) {
    throw new HttpError(404, 'invitation-revoked', 'This invitation has been withdrawn by the lead reviewer. If you still need to join the review, ask them for a new link.');
  }
  if (!inv || inv.acceptedAt !== null || new Date(inv.expiresAt) <= now) {
    throw new HttpError(404, 'invitation-not-found', 'This invitation link is not valid. It may have been used or have expired; ask the lead reviewer for a new one.');
  }
  return inv;
}
