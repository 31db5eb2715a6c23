import type { Request, RequestHandler, Response } from 'express';
import type { Membership } from '../../shared/schemas/records.js';
import { IdSchema } from '../../shared/ids.js';
import type { Role } from '../../shared/roles.js';
import type { AuthContext } from '../auth/types.js';
import type { AppDeps } from '../app.js';
import { HttpError, forbidden, notFound } from '../http/errors.js';

/** Rejects requests without a live session with 401 and stores the AuthContext for handlers. */
export function requireAuth(deps: Pick<AppDeps, 'auth'>): RequestHandler {
  return async (req, res, next) => {
    const ctx = await deps.auth.fromRequest(req);
    if (!ctx) return next(new HttpError(401, 'unauthenticated', 'Please sign in.'));
    res.locals.auth = ctx;
    next();
  };
}

/** The caller's AuthContext (requireAuth must have run). */
export function authOf(res: Response): AuthContext {
  return res.locals.auth as AuthContext;
}

/** A path parameter that must be a record id; anything else is a 404 rather than a lookup. */
export function idParam(req: Request, name: string, what = 'That review'): string {
  const parsed = IdSchema.safeParse(req.params[name]);
  if (!parsed.success) throw notFound(what);
  return parsed.data;
}

/**
 * The caller's membership of the review in `:id`, optionally requiring one of `roles` or a shared
 * policy function of the role (preferred: the rule then lives in shared/, not in the route). A non-member
 * gets 404, exactly as for a review that does not exist, so review ids cannot be probed. Every refusal
 * is audited (ids and a reason code only).
 */
export async function membershipFor(
  deps: Pick<AppDeps, 'records' | 'audit'>,
  req: Request,
  res: Response,
  roles?: readonly Role[] | ((role: Role) => boolean),
): Promise<Membership> {
  const ctx = authOf(res);
  const reviewId = idParam(req, 'id');
  const m = (await deps.records.find('memberships', { reviewId, userId: ctx.userId }))[0];
  if (!m || !(await deps.records.get('reviews', reviewId))) {
    await deps.audit.record({ type: 'access.denied', actorId: ctx.userId, reviewId, reason: 'not-member' });
    throw notFound();
  }
  const allowed = roles === undefined || (typeof roles === 'function' ? roles(m.role) : roles.includes(m.role));
  if (!allowed) {
    await deps.audit.record({ type: 'access.denied', actorId: ctx.userId, reviewId, reason: 'role' });
    throw forbidden();
  }
  return m;
}
