import { Router } from 'express';
import { RapidReviewBodySchema, childBackground, familyTable, mayEditRapidReview } from '../../../shared/lifecycle/index.js';
import type { AppDeps } from '../../app.js';
import { assembleRapidReview } from '../../commands/rapidReviewAssembler.js';
import { saveRapidReviewRecord } from '../../commands/rapidReviewRecordSaver.js';
import { parseInput } from '../../http/validate.js';
import { authOf, membershipFor } from '../context.js';
import { lifecycleAgencyView } from './lifecycleContext.js';

/**
 * The Rapid Review record: the lead reviewer and review team edit it, observers read it, agency
 * authors do not see it (it discusses every agency's practice). The response carries what the record
 * draws on: the family table from the people register, the quorum, and the returned scoping forms.
 */
export function rapidReviewRoutes(deps: AppDeps): Router {
  const r = Router();
  const path = '/reviews/:id/lifecycle/rapid-review';

  const view = async (reviewId: string, mayEdit: boolean) => {
    const a = await assembleRapidReview(deps, reviewId);
    return {
      version: a.version,
      updatedAt: a.updatedAt || null,
      content: a.content,
      review: { title: a.review.title, childPseudonym: a.review.childPseudonym, referralDate: a.review.referralDate },
      agencies: a.agencies.map(lifecycleAgencyView),
      family: familyTable(a.people),
      child: childBackground(a.people, a.content.background.incidentDate),
      quorum: a.quorum,
      scoping: a.scoping,
      mayEdit,
      // People register records that did not validate: left out of `family` and `child`, still stored.
      skipped: a.skippedPeople,
    };
  };

  r.get(path, async (req, res) => {
    const m = await membershipFor(deps, req, res, ['lead-reviewer', 'review-team', 'observer']);
    res.json(await view(m.reviewId, mayEditRapidReview(m)));
  });

  r.put(path, async (req, res) => {
    const m = await membershipFor(deps, req, res, ['lead-reviewer', 'review-team']);
    const body = parseInput(RapidReviewBodySchema, req.body);
    await saveRapidReviewRecord(deps, authOf(res).userId, m.reviewId, body);
    res.json(await view(m.reviewId, true));
  });

  return r;
}
