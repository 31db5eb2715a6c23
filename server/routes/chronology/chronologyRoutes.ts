import { Router } from 'express';
import { z } from 'zod';
import { docAccess } from '../../../shared/docAccess.js';
import type { AppDeps } from '../../app.js';
import { assembleChronology, chronologyPhases } from '../../commands/chronologyAssembler.js';
import type { TermsOfReferenceSource } from '../../commands/reportExporter.js';
import { importChronology } from '../../commands/chronologyImporter.js';
import { exportChronology } from '../../commands/chronologyExporter.js';
import { forbidden, notFound } from '../../http/errors.js';
import { readSingleFile } from '../../http/multipart.js';
import { parseInput } from '../../http/validate.js';
import { sendFile } from '../../http/sendFile.js';
import { MAX_UPLOAD_BYTES } from '../../formats/limits.js';
import { authOf, idParam, membershipFor, requireAuth } from '../context.js';

const ImportQuerySchema = z.strictObject({ dryRun: z.enum(['true', 'false']).optional() });
const ExportQuerySchema = z.strictObject({ pseudonymise: z.enum(['true', 'false']) });

/** The integrated chronology: read as JSON (with the organisational changes), import an agency's spreadsheet, export .xlsx/.csv. */
export function chronologyRoutes(deps: AppDeps, termsOfReference: TermsOfReferenceSource = async () => null): Router {
  const r = Router();
  r.use('/reviews/:id/chronology', requireAuth(deps));

  r.get('/reviews/:id/chronology', async (req, res) => {
    const m = await membershipFor(deps, req, res);
    const { agencies, rows, orgChanges, phases, skipped } = await assembleChronology(deps, m.reviewId);
    // The terms of reference scope the chronology: its period and key lines of enquiry are shown with it.
    res.json({ agencies, rows, orgChanges, phases, scope: await termsOfReference(m.reviewId), skipped });
  });

  // What frames the chronology (terms-of-reference scope, workshop phases) without its rows: the page
  // and the timeline need these while the rows arrive over Yjs, and assembling 5,000 rows for them
  // would slow the first render.
  r.get('/reviews/:id/chronology/context', async (req, res) => {
    const m = await membershipFor(deps, req, res);
    res.json({ phases: await chronologyPhases(deps.records, m.reviewId), scope: await termsOfReference(m.reviewId) });
  });

  r.post('/reviews/:id/agencies/:agencyId/chronology/import', requireAuth(deps), async (req, res) => {
    const m = await membershipFor(deps, req, res);
    const agencyId = idParam(req, 'agencyId', 'That agency');
    const agency = await deps.records.get('agencies', agencyId);
    if (!agency || agency.reviewId !== m.reviewId) throw notFound('That agency');
    // The same rule as the live document: only that agency's authors and the lead reviewer write it.
    if (docAccess({ reviewId: m.reviewId, kind: 'chronology', agencyId }, m) !== 'write') {
      await deps.audit.record({ type: 'access.denied', actorId: authOf(res).userId, reviewId: m.reviewId, reason: 'not-agency-author' });
      throw forbidden('Only this agency\u2019s authors or the lead reviewer can import its chronology.');
    }
    const query = parseInput(ImportQuerySchema, req.query, 'query');
    const file = await readSingleFile(req, 'file', MAX_UPLOAD_BYTES);
    const report = await importChronology(deps, {
      reviewId: m.reviewId,
      agencyId,
      agencyCode: agency.shortCode,
      actorId: authOf(res).userId,
      bytes: file.bytes,
      filename: file.filename,
      dryRun: query.dryRun === 'true',
      pivotYear: new Date().getUTCFullYear(),
    });
    res.json(report);
  });

  for (const format of ['xlsx', 'csv'] as const) {
    r.get(`/reviews/:id/chronology/export.${format}`, async (req, res) => {
      const m = await membershipFor(deps, req, res, ['lead-reviewer', 'review-team']);
      const query = parseInput(ExportQuerySchema, req.query, 'query');
      const out = await exportChronology(deps, { reviewId: m.reviewId, actorId: authOf(res).userId, format, pseudonymise: query.pseudonymise === 'true' });
      sendFile(res, out);
    });
  }
  return r;
}
