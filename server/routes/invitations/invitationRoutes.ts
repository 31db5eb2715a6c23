import { Router } from 'express';
import { mayManageInvitations } from '../../../shared/membership.js';
import { canManageReview } from '../../../shared/roles.js';
import { AcceptInvitationBodySchema, CreateInvitationBodySchema, EmptyBodySchema } from '../../../shared/schemas/api.js';
import type { AppDeps } from '../../app.js';
import { createInvitation } from '../../commands/invitationCreator.js';
import { acceptInvitation } from '../../commands/invitationAccepter.js';
import { findLiveInvitation } from '../../commands/invitationFinder.js';
import { listInvitations, revokeInvitation } from '../../commands/invitationRevoker.js';
import { HttpError } from '../../http/errors.js';
import { signInError } from '../../auth/signInError.js';
import { parseInput } from '../../http/validate.js';
import { authOf, idParam, membershipFor, requireAuth } from '../context.js';

/** Tokens are 43 url-safe characters; anything else is refused before any lookup. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

function tokenParam(raw: unknown): string {
  if (typeof raw !== 'string' || !TOKEN.test(raw)) {
    throw new HttpError(404, 'invitation-not-found', 'This invitation link is not valid. Ask the lead reviewer for a new one.');
  }
  return raw;
}

/** Creating, listing and revoking invitations (lead reviewer) and opening/accepting them by link (no sign-in). */
export function invitationRoutes(deps: AppDeps): Router {
  const r = Router();

  r.post('/reviews/:id/invitations', requireAuth(deps), async (req, res) => {
    const m = await membershipFor(deps, req, res, canManageReview);
    const body = parseInput(CreateInvitationBodySchema, req.body);
    const { id, token } = await createInvitation(deps, authOf(res).userId, m.reviewId, body);
    // Never the request's Host header: a forged one would hand the lead reviewer a link to another site.
    // The id ties the link shown once to its row in the sent list, so revoking the row takes the link away.
    res.status(201).json({ id, inviteUrl: `${deps.publicUrl()}/invite/${token}`, token });
  });

  r.get('/reviews/:id/invitations', requireAuth(deps), async (req, res) => {
    const m = await membershipFor(deps, req, res, mayManageInvitations);
    res.json({ invitations: await listInvitations(deps, m.reviewId, new Date()) });
  });

  r.post('/reviews/:id/invitations/:invitationId/revoke', requireAuth(deps), async (req, res) => {
    const m = await membershipFor(deps, req, res, mayManageInvitations);
    const invitationId = idParam(req, 'invitationId', 'That invitation');
    parseInput(EmptyBodySchema, req.body ?? {});
    res.json(await revokeInvitation(deps, authOf(res).userId, m.reviewId, invitationId));
  });

  r.get('/invitations/:token', async (req, res) => {
    const inv = await findLiveInvitation(deps.records, tokenParam(req.params.token), new Date());
    const review = await deps.records.get('reviews', inv.reviewId);
    res.json({ reviewTitle: review?.title ?? 'A review', role: inv.role, email: inv.email });
  });

  r.post('/invitations/:token/accept', async (req, res) => {
    const token = tokenParam(req.params.token);
    const body = parseInput(AcceptInvitationBodySchema, req.body);
    // The client address throttles password checks for existing accounts exactly as sign-in does; never logged.
    const accepted = await acceptInvitation(deps, token, body, req.ip ?? 'unknown');
    if (!accepted.ok) throw signInError(res, accepted.failure);
    const { reviewId } = accepted;
    res.json({ ok: true, reviewId });
  });

  return r;
}
