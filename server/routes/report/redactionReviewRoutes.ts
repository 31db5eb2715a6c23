import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { canReviewRedactions, RedactionDecisionsBodySchema, RedactionOutputSchema } from '../../../shared/pseudonymise/index.js';
import type { Membership } from '../../../shared/schemas/records.js';
import type { AppDeps } from '../../app.js';
import { saveRedactionDecisions } from '../../commands/redactionDecisionsSaver.js';
import { reviewRedactions } from '../../commands/redactionReviewer.js';
import type { TermsOfReferenceSource } from '../../commands/reportExporter.js';
import { forbidden } from '../../http/errors.js';
import { parseInput } from '../../http/validate.js';
import { authOf, membershipFor } from '../context.js';

const QuerySchema = z.strictObject({ output: RedactionOutputSchema });

/** The redaction review: what each pseudonymised output replaces and flags, and the lead reviewer's decisions. */
export function redactionReviewRoutes(deps: AppDeps, termsOfReference: TermsOfReferenceSource): Router {
  const r = Router();
  const lead = async (req: Request, res: Response): Promise<Membership> => {
    const m = await membershipFor(deps, req, res);
    if (!canReviewRedactions(m.role)) {
      await deps.audit.record({ type: 'access.denied', actorId: authOf(res).userId, reviewId: m.reviewId, reason: 'role' });
      throw forbidden();
    }
    return m;
  };

  r.get('/reviews/:id/export/redaction-review', async (req, res) => {
    const m = await lead(req, res);
    const { output } = parseInput(QuerySchema, req.query, 'query');
    res.json(await reviewRedactions(deps, { reviewId: m.reviewId, output, termsOfReference }));
  });

  r.post('/reviews/:id/export/redaction-review/decisions', async (req, res) => {
    const m = await lead(req, res);
    const body = parseInput(RedactionDecisionsBodySchema, req.body);
    const saved = await saveRedactionDecisions(deps, { reviewId: m.reviewId, actorId: authOf(res).userId, decisions: body.decisions, termsOfReference });
    res.json({ decided: saved.decisions.length, allowlist: saved.allowlist });
  });
  return r;
}
