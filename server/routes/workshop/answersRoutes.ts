import { Router } from 'express';
import { z } from 'zod';
import { coarseCount } from '../../../shared/workshop/anonymity.js';
import { allPrompts } from '../../../shared/workshop/prompts.js';
import type { AppDeps } from '../../app.js';
import { releaseAnswers } from '../../commands/workshopAnswersReleaser.js';
import { exportWorkshopResponses } from '../../commands/workshopResponsesExporter.js';
import { HttpError, notFound } from '../../http/errors.js';
import { parseInput } from '../../http/validate.js';
import { authOf } from '../context.js';
import { loadWorkshop } from './loadWorkshop.js';
import { presenterView } from '../../workshop/presenterView.js';
import { releasedAnswers } from '../../workshop/releasedAnswers.js';

const HideSchema = z.strictObject({ hidden: z.boolean() });

/**
 * Answers as staff see them: only in releases (a snapshot per prompt, in a fresh random order under
 * fresh ids), with coarse live counts beside them; moderation, release, private requests (only once
 * the workshop has closed) and the exports.
 */
export function answersRoutes(deps: AppDeps): Router {
  const r = Router();

  r.get('/reviews/:id/workshops/:workshopId/responses', async (req, res) => {
    const w = await loadWorkshop(deps, req, res, ['lead-reviewer', 'review-team']);
    const counts = await deps.hub.counts.snapshot(w.id);
    const prompts = (await releasedAnswers(deps, w)).map((p) => ({ ...p, count: counts[p.id]?.counted ?? coarseCount(0, w.setup.k) }));
    res.json({ k: w.setup.k, codeJoining: w.codeJoining, prompts });
  });

  // The presenter screen (a second screen the room sees): pseudonymised, released answers only.
  r.get('/reviews/:id/workshops/:workshopId/presenter', async (req, res) => {
    const w = await loadWorkshop(deps, req, res, ['lead-reviewer', 'review-team']);
    res.json(await presenterView({ ...deps, counts: deps.hub.counts }, w));
  });

  r.post('/reviews/:id/workshops/:workshopId/responses/:promptId/release', async (req, res) => {
    const w = await loadWorkshop(deps, req, res, ['lead-reviewer']);
    const promptId = String(req.params.promptId);
    if (!allPrompts(w.setup).some((p) => p.id === promptId)) throw notFound('That question');
    if (w.state.stage === 'closed') throw new HttpError(409, 'closed', 'The workshop has closed; its answers were released when it closed.');
    const { released } = await releaseAnswers(deps, w.id, [promptId]);
    if (released.length === 0) throw new HttpError(409, 'below-k', `Fewer than ${w.setup.k} people have answered this question, so its answers cannot be released yet.`);
    await deps.audit.record({ type: 'workshop.answers-released', actorId: authOf(res).userId, reviewId: w.reviewId, targetId: w.id });
    res.json({ ok: true });
  });

  r.post('/reviews/:id/workshops/:workshopId/responses/:promptId/:slot/hidden', async (req, res) => {
    const w = await loadWorkshop(deps, req, res, ['lead-reviewer']);
    const body = parseInput(HideSchema, req.body);
    const promptId = String(req.params.promptId);
    const slot = String(req.params.slot);
    if (!/^[a-f0-9]{24}$/.test(slot) || !(await deps.responses.setHidden(w.id, promptId, slot, body.hidden))) throw notFound('That response');
    deps.hub.moderated(w.id);
    res.json({ ok: true });
  });

  // Requests to speak privately are shown only once the workshop has closed, so no request can be
  // matched to an answer by when it appeared; they come in a fresh random order and carry no time.
  r.get('/reviews/:id/workshops/:workshopId/private-requests', async (req, res) => {
    const w = await loadWorkshop(deps, req, res, ['lead-reviewer']);
    if (w.state.stage !== 'closed') throw new HttpError(409, 'not-yet', 'Requests to speak privately are shown once the workshop has closed.');
    res.json({ requests: await deps.responses.privateRequests(w.id) });
  });

  for (const format of ['csv', 'docx'] as const) {
    r.get(`/reviews/:id/workshops/:workshopId/responses.${format}`, async (req, res) => {
      const w = await loadWorkshop(deps, req, res, ['lead-reviewer']);
      const out = await exportWorkshopResponses(deps, w, { actorId: authOf(res).userId, format });
      res.setHeader('Content-Type', out.contentType);
      res.setHeader('Content-Disposition', `attachment; filename="${out.filename}"`);
      res.end(Buffer.from(out.bytes));
    });
  }

  return r;
}
