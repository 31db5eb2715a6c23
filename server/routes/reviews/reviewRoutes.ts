import { Router } from 'express';
import { CreateReviewBodySchema } from '../../../shared/schemas/api.js';
import type { Agency, Review } from '../../../shared/schemas/records.js';
import type { AppDeps } from '../../app.js';
import { createReview } from '../../commands/reviewCreator.js';
import { forbidden } from '../../http/errors.js';
import { parseInput } from '../../http/validate.js';
import { authOf, membershipFor, requireAuth } from '../context.js';

/** The public shape of an agency. */
export const agencyView = (a: Agency) => ({ id: a.id, name: a.name, shortCode: a.shortCode, partnerType: a.partnerType, colour: a.colour });

/** The public shape of a review. */
export const reviewView = (r: Review) => ({
  id: r.id,
  kind: r.kind,
  title: r.title,
  childPseudonym: r.childPseudonym,
  referralDate: r.referralDate,
  periodStart: r.periodStart,
  periodEnd: r.periodEnd,
  fictional: r.fictional,
  createdAt: r.createdAt,
});

/** Listing, creating and opening reviews. */
export function reviewRoutes(deps: AppDeps): Router {
  const r = Router();
  r.use('/reviews', requireAuth(deps));

  r.get('/reviews', async (_req, res) => {
    const ctx = authOf(res);
    const reviews = (
      await Promise.all(
        (
          await deps.records.find('memberships', { userId: ctx.userId })
        ).map(async (m) => {
          const review = await deps.records.get('reviews', m.reviewId);
          if (!review) return [];
          const agencies = (await deps.records.find('agencies', { reviewId: review.id })).map(agencyView);
          return [{ ...reviewView(review), role: m.role, agencyId: m.agencyId, agencies }];
        }),
      )
    ).flat();
    reviews.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    res.json({ reviews });
  });

  r.post('/reviews', async (req, res) => {
    const ctx = authOf(res);
    const body = parseInput(CreateReviewBodySchema, req.body);
    // Admins and people who already lead a review may open new ones; agency authors and observers may not.
    const leadsOne = (await deps.records.find('memberships', { userId: ctx.userId, role: 'lead-reviewer' })).length > 0;
    if (!ctx.isAdmin && !leadsOne) throw forbidden('Only a partnership admin or a lead reviewer can create a review.');
    const review = await createReview(deps, ctx.userId, body);
    res.status(201).json({ id: review.id });
  });

  r.get('/reviews/:id', async (req, res) => {
    const m = await membershipFor(deps, req, res);
    const review = (await deps.records.get('reviews', m.reviewId))!;
    const agencies = (await deps.records.find('agencies', { reviewId: review.id })).map(agencyView);
    res.json({ review: reviewView(review), agencies, membership: { id: m.id, role: m.role, agencyId: m.agencyId } });
  });

  return r;
}
