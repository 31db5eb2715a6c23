import { Router } from 'express';
import { TermsOfReferenceBodySchema, mayEditRapidReview, termsOfReferenceSummary } from '../../../shared/lifecycle/index.js';
import type { AppDeps } from '../../app.js';
import { rapidReviewOf } from '../../commands/rapidReviewRecordSaver.js';
import { saveTermsOfReference, termsOfReferenceOf } from '../../commands/termsOfReferenceSaver.js';
import { parseInput } from '../../http/validate.js';
import { authOf, membershipFor } from '../context.js';

/**
 * The terms of reference (Document 7): the lead reviewer and review team edit them, observers read
 * them. The response also carries the Rapid Review's proposed key lines of enquiry, to start from.
 */
export function termsOfReferenceRoutes(deps: AppDeps): Router {
  const r = Router();
  const path = '/reviews/:id/lifecycle/terms-of-reference';

  const view = async (reviewId: string, mayEdit: boolean) => {
    const review = (await deps.records.get('reviews', reviewId))!;
    const t = await termsOfReferenceOf(deps, reviewId);
    return {
      version: t.version,
      updatedAt: t.updatedAt || null,
      content: t.content,
      review: { title: review.title, periodStart: review.periodStart, periodEnd: review.periodEnd },
      summary: termsOfReferenceSummary(review, t.content),
      proposedKloes: (await rapidReviewOf(deps, reviewId)).content.proposedKloes,
      mayEdit,
    };
  };

  r.get(path, async (req, res) => {
    const m = await membershipFor(deps, req, res, ['lead-reviewer', 'review-team', 'observer']);
    res.json(await view(m.reviewId, mayEditRapidReview(m)));
  });

  r.put(path, async (req, res) => {
    const m = await membershipFor(deps, req, res, ['lead-reviewer', 'review-team']);
    const body = parseInput(TermsOfReferenceBodySchema, req.body);
    await saveTermsOfReference(deps, authOf(res).userId, m.reviewId, body);
    res.json(await view(m.reviewId, true));
  });

  return r;
}
