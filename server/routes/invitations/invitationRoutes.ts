import { Router } from 'express';
import { AcceptInvitationBodySchema, CreateInvitationBodySchema } from '../../../shared/schemas/api.js';
import type { AppDeps } from '../../app.js';
import { createInvitation } from '../../commands/invitationCreator.js';
import { acceptInvitation } from '../../commands/invitationAccepter.js';
import { findLiveInvitation } from '../../commands/invitationFinder.js';
import { HttpError } from '../../http/errors.js';
import { parseInput } from '../../http/validate.js';
import { authOf, membershipFor, requireAuth } from '../context.js';

/** Tokens are 43 url-safe characters; anything else is refused before any lookup. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

function tokenParam(raw: unknown): string {
  if (typeof raw !== 'string' || !TOKEN.test(raw)) {
    throw new HttpError(404, 'invitation-not-found', 'This invitation link is not valid. Ask the lead reviewer for a new one.');
  }
  return raw;
}

/** Creating invitations (lead reviewer) and opening/accepting them by link (no sign-in). */
export function invitationRoutes(deps: AppDeps): Router {
  const r = Router();

  r.post('/reviews/:id/invitations', requireAuth(deps), async (req, res) => {
    const m = await membershipFor(deps, req, res, ['lead-reviewer']);
    const body = parseInput(CreateInvitationBodySchema, req.body);
    const { token } = await createInvitation(deps, authOf(res).userId, m.reviewId, body);
    // The configured public origin wins (behind a proxy the request may say http://); otherwise the
    // request's own origin, so a local trial works on any host name.
    const origin = deps.config.publicOrigins[0] ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`;
    res.status(201).json({ inviteUrl: `${origin}/invite/${token}`, token });
  });

  r.get('/invitations/:token', async (req, res) => {
    const inv = await findLiveInvitation(deps.records, tokenParam(req.params.token), new Date());
    const review = await deps.records.get('reviews', inv.reviewId);
    res.json({ reviewTitle: review?.title ?? 'A review', role: inv.role, email: inv.email });
  });

  r.post('/invitations/:token/accept', async (req, res) => {
    const token = tokenParam(req.params.token);
    const body = parseInput(AcceptInvitationBodySchema, req.body);
    const { reviewId } = await acceptInvitation(deps, token, body);
    res.json({ ok: true, reviewId });
  });

  return r;
}
