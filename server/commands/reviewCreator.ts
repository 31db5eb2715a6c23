import { newId } from '../../shared/ids.js';
import type { CreateReviewBody } from '../../shared/schemas/api.js';
import type { Review } from '../../shared/schemas/records.js';
import type { CommandDeps } from './types.js';

/**
 * Creates a review and makes its creator the lead reviewer, in one atomic commit, so there is never a
 * review that nobody can open.
 */
export async function createReview(deps: CommandDeps, actorId: string, body: CreateReviewBody, opts: { fictional?: boolean } = {}): Promise<Review> {
  const review: Review = {
    id: newId(),
    kind: body.kind,
    title: body.title,
    childPseudonym: body.childPseudonym,
    referralDate: body.referralDate ?? null,
    periodStart: body.periodStart ?? null,
    periodEnd: body.periodEnd ?? null,
    fictional: opts.fictional ?? false,
    createdAt: (deps.now?.() ?? new Date()).toISOString(),
    createdBy: actorId,
  };
  await deps.records.commit(
    [
      { op: 'put', collection: 'reviews', record: review },
      { op: 'put', collection: 'memberships', record: { id: newId(), reviewId: review.id, userId: actorId, role: 'lead-reviewer', agencyId: null } },
    ],
    { audit: [{ type: 'review.created', actorId, reviewId: review.id, targetId: review.id }] },
  );
  return review;
}
