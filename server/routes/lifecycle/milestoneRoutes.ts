import { Router } from 'express';
import { MilestonePlanBodySchema, mayEditRapidReview } from '../../../shared/lifecycle/index.js';
import type { AppDeps } from '../../app.js';
import { readRapidReviewConfig } from '../../commands/lifecycleSettingsSaver.js';
import { calculateReviewMilestones } from '../../commands/milestonesCalculator.js';
import { saveMilestonePlan } from '../../commands/milestonePlanSaver.js';
import { parseInput } from '../../http/validate.js';
import { authOf, membershipFor } from '../context.js';
import { todayInEngland } from './lifecycleContext.js';

/** A review's milestones (every member reads them: dates only) and its milestone plan (lead reviewer and review team). */
export function milestoneRoutes(deps: AppDeps): Router {
  const r = Router();

  const view = async (reviewId: string, role: Parameters<typeof mayEditRapidReview>[0]) => {
    const review = (await deps.records.get('reviews', reviewId))!;
    const plan = await deps.records.get('milestonePlans', reviewId);
    const { raw: _raw, ...computed } = await calculateReviewMilestones(deps.records, reviewId, todayInEngland());
    return {
      review: { kind: review.kind, referralDate: review.referralDate },
      plan: {
        decisionDate: plan?.decisionDate ?? null,
        publicationDate: plan?.publicationDate ?? null,
        completed: plan?.completed ?? {},
        version: plan?.version ?? 0,
      },
      config: await readRapidReviewConfig(deps.records),
      mayEdit: mayEditRapidReview(role),
      ...computed,
    };
  };

  r.get('/reviews/:id/lifecycle/milestones', async (req, res) => {
    const m = await membershipFor(deps, req, res);
    res.json(await view(m.reviewId, m));
  });

  r.put('/reviews/:id/lifecycle/milestones', async (req, res) => {
    const m = await membershipFor(deps, req, res, ['lead-reviewer', 'review-team']);
    const body = parseInput(MilestonePlanBodySchema, req.body);
    await saveMilestonePlan(deps, authOf(res).userId, m.reviewId, body);
    res.json(await view(m.reviewId, m));
  });

  return r;
}
