import { Router, type Response } from 'express';
import { mayExportAgencyEvidence, mayExportEvidencePack, type RequestLetter } from '../../../shared/evidence/index.js';
import type { AppDeps } from '../../app.js';
import { AGENCY_EVIDENCE_DOCS, exportAgencyEvidence, exportEvidencePack, exportRequestLetter, type EvidenceExport } from '../../commands/evidenceDocxExporter.js';
import { forbidden } from '../../http/errors.js';
import { authOf, idParam, membershipFor } from '../context.js';

const send = (res: Response, out: EvidenceExport) => {
  res.setHeader('Content-Type', out.contentType);
  res.setHeader('Content-Disposition', `attachment; filename="${out.filename}"`);
  res.end(Buffer.from(out.bytes));
};

/** The URL names of the two request letters. */
const LETTERS: Record<string, RequestLetter> = { 'chronology-request': 'chronology', 'analysis-request': 'analysis' };

/**
 * Evidence downloads (docs/api.md, "Evidence exports"): request letters and the pack for the lead
 * reviewer and review team; an agency's template or report also for that agency's own authors.
 */
export function exportRoutes(deps: AppDeps): Router {
  const r = Router();
  const base = '/reviews/:id/evidence/exports';

  const refuse = async (res: Response, reviewId: string, message: string) => {
    await deps.audit.record({ type: 'access.denied', actorId: authOf(res).userId, reviewId, reason: 'evidence-export' });
    return forbidden(message);
  };

  for (const [slug, letter] of Object.entries(LETTERS)) {
    r.get(`${base}/:agencyId/${slug}.docx`, async (req, res) => {
      const m = await membershipFor(deps, req, res);
      const agencyId = idParam(req, 'agencyId', 'That agency');
      if (!mayExportEvidencePack(m)) throw await refuse(res, m.reviewId, 'Only the lead reviewer and review team can download request letters.');
      send(res, await exportRequestLetter(deps, { reviewId: m.reviewId, agencyId, letter, actorId: authOf(res).userId }));
    });
  }

  for (const kind of AGENCY_EVIDENCE_DOCS) {
    r.get(`${base}/:agencyId/${kind}.docx`, async (req, res) => {
      const m = await membershipFor(deps, req, res);
      const agencyId = idParam(req, 'agencyId', 'That agency');
      if (!mayExportAgencyEvidence(m, agencyId)) throw await refuse(res, m.reviewId, 'You can only download your own agency’s evidence.');
      send(res, await exportAgencyEvidence(deps, { reviewId: m.reviewId, agencyId, kind, actorId: authOf(res).userId }));
    });
  }

  r.get(`${base}/evidence-pack.zip`, async (req, res) => {
    const m = await membershipFor(deps, req, res);
    if (!mayExportEvidencePack(m)) throw await refuse(res, m.reviewId, 'Only the lead reviewer and review team can download the evidence pack.');
    send(res, await exportEvidencePack(deps, { reviewId: m.reviewId, actorId: authOf(res).userId }));
  });

  return r;
}
