import { Router } from 'express';
import type { AppDeps } from '../../app.js';
import { mayReadScoping } from '../../../shared/lifecycle/index.js';
import { LIFECYCLE_EXPORTS, exportLifecycleDocx, exportScopingDocx } from '../../commands/lifecycleDocxExporter.js';
import { forbidden } from '../../http/errors.js';
import { sendFile } from '../../http/sendFile.js';
import { authOf, membershipFor } from '../context.js';
import { agencyParam } from './lifecycleContext.js';

/**
 * The Word exports: the Rapid Review template, the letter to the National Panel and the terms of
 * reference (lead reviewer and review team), and an agency's scoping letter and form (lead reviewer,
 * review team, and that agency's own authors).
 */
export function exportRoutes(deps: AppDeps): Router {
  const r = Router();
  for (const kind of LIFECYCLE_EXPORTS) {
    r.get(`/reviews/:id/lifecycle/${kind}.docx`, async (req, res) => {
      const m = await membershipFor(deps, req, res, ['lead-reviewer', 'review-team']);
      const out = await exportLifecycleDocx(deps, { reviewId: m.reviewId, actorId: authOf(res).userId, kind });
      sendFile(res, out);
    });
  }

  r.get('/reviews/:id/lifecycle/scoping/:agencyId/letter-and-form.docx', async (req, res) => {
    const m = await membershipFor(deps, req, res, ['lead-reviewer', 'review-team', 'agency-author']);
    const agency = await agencyParam(deps, req, m.reviewId);
    if (!mayReadScoping(m, agency.id)) {
      await deps.audit.record({ type: 'access.denied', actorId: authOf(res).userId, reviewId: m.reviewId, targetId: agency.id, reason: 'other-agency' });
      throw forbidden('You can only download your own agency’s scoping form.');
    }
    const out = await exportScopingDocx(deps, { reviewId: m.reviewId, agencyId: agency.id, actorId: authOf(res).userId });
    sendFile(res, out);
  });
  return r;
}
