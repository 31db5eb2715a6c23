import { Router } from 'express';
import { toMarkdown } from '../../../shared/report/index.js';
import type { AppDeps } from '../../app.js';
import { buildReportModel, exportReport, type TermsOfReferenceSource } from '../../commands/reportExporter.js';
import { sendFile } from '../../http/sendFile.js';
import { readReportDraft } from '../../commands/reportDraftReader.js';
import { authOf, membershipFor, requireAuth } from '../context.js';
import { redactionReviewRoutes } from './redactionReviewRoutes.js';

/**
 * The report draft (read here by the lead reviewer and the review team; written only through its
 * shared document, review.<id>.report), its preview, and the exports (lead reviewer only).
 */
export function reportRoutes(deps: AppDeps, termsOfReference: TermsOfReferenceSource = async () => null): Router {
  const r = Router();
  r.use('/reviews/:id/report', requireAuth(deps));
  r.use('/reviews/:id/export', requireAuth(deps));
  r.use(redactionReviewRoutes(deps, termsOfReference));

  r.get('/reviews/:id/report/draft', async (req, res) => {
    const m = await membershipFor(deps, req, res, ['lead-reviewer', 'review-team']);
    res.json({ draft: await readReportDraft(deps, m.reviewId) });
  });

  r.get('/reviews/:id/report/preview', async (req, res) => {
    const m = await membershipFor(deps, req, res, ['lead-reviewer', 'review-team']);
    const { model, skipped } = await buildReportModel(deps, m.reviewId, termsOfReference);
    res.json({ markdown: toMarkdown(model), model, skipped });
  });

  for (const format of ['docx', 'md'] as const) {
    r.get(`/reviews/:id/export/report.${format}`, async (req, res) => {
      const m = await membershipFor(deps, req, res, ['lead-reviewer']);
      const out = await exportReport(deps, { reviewId: m.reviewId, actorId: authOf(res).userId, format, termsOfReference });
      sendFile(res, out);
    });
  }
  return r;
}
