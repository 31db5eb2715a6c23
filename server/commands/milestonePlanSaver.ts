import { isoDateInLondon } from '../../shared/dates.js';
import type { MilestonePlan, MilestonePlanBody } from '../../shared/lifecycle/index.js';
import { HttpError } from '../http/errors.js';
import { checkBaseVersion, saveVersioned } from './lifecycleVersionChecker.js';
import type { CommandDeps } from './types.js';

/**
 * Saves a review's milestone plan and its referral date together, in one atomic commit: the referral
 * date lives on the review (where the reviews list and overview read it), the rest on the plan.
 */
export async function saveMilestonePlan(deps: CommandDeps, actorId: string, reviewId: string, body: MilestonePlanBody): Promise<MilestonePlan> {
  const review = (await deps.records.get('reviews', reviewId))!;
  // A milestone cannot have been done on a day that has not come yet.
  const today = isoDateInLondon(deps.now?.() ?? new Date());
  const future = Object.entries(body.completed)
    .filter(([, d]) => d > today)
    .map(([k]) => ({ path: `completed.${k}`, message: 'cannot be in the future' }));
  if (future.length > 0) {
    throw new HttpError(400, 'invalid', `The request body is not valid: ${future.map((f) => `${f.path} ${f.message}`).join('; ')}.`, { fields: future });
  }
  const current = await deps.records.get('milestonePlans', reviewId);
  checkBaseVersion(current?.version ?? 0, body.baseVersion, 'the milestone dates');
  const plan: MilestonePlan = {
    id: reviewId,
    reviewId,
    decisionDate: body.decisionDate,
    publicationDate: body.publicationDate,
    completed: body.completed,
    version: (current?.version ?? 0) + 1,
    updatedAt: (deps.now?.() ?? new Date()).toISOString(),
    updatedBy: actorId,
  };
  await saveVersioned(
    'the milestone dates',
    deps.records.commit(
      [
        { op: 'put', collection: 'milestonePlans', record: plan, ifVersion: body.baseVersion },
        { op: 'put', collection: 'reviews', record: { ...review, referralDate: body.referralDate } },
      ],
      { audit: [{ type: 'milestones.saved', actorId, reviewId, targetId: reviewId }] },
    ),
  );
  return plan;
}
