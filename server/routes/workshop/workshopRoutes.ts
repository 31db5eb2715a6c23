import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { IsoDateSchema } from '../../../shared/dates.js';
import { releaseResponses } from '../../../shared/workshop/anonymity.js';
import { allPrompts } from '../../../shared/workshop/prompts.js';
import { ControlSchema, checkSetupChange } from '../../../shared/workshop/transitions.js';
import { OutcomeSaveSchema, storedOutcome } from '../../../shared/workshop/outcome.js';
import { AttendanceSchema, WorkshopSetupSchema, type Workshop } from '../../../shared/workshop/workshop.js';
import type { AppDeps } from '../../app.js';
import { createWorkshop } from '../../commands/workshopCreator.js';
import { controlWorkshop } from '../../commands/workshopController.js';
import { saveWorkshopOutcome } from '../../commands/workshopOutcomeSaver.js';
import { writeCsv } from '../../formats/csvWriter.js';
import { responsesDocx } from '../../report/responsesDocx.js';
import { HttpError, notFound } from '../../http/errors.js';
import { parseInput } from '../../http/validate.js';
import { authOf, idParam, membershipFor, requireAuth } from '../context.js';

const CreateSchema = z.strictObject({ date: IsoDateSchema });
const HideSchema = z.strictObject({ hidden: z.boolean() });

/** Workshop set-up, control and anonymous results: lead reviewer manages, the review team may watch. */
export function workshopRoutes(deps: AppDeps): Router {
  const r = Router();
  r.use('/reviews/:id/workshops', requireAuth(deps));

  const load = async (req: Request, res: Response, roles: readonly ('lead-reviewer' | 'review-team')[]): Promise<Workshop> => {
    const m = await membershipFor(deps, req, res, roles);
    const w = await deps.records.get('workshops', idParam(req, 'workshopId', 'That workshop'));
    if (!w || w.reviewId !== m.reviewId) throw notFound('That workshop');
    return w;
  };
  const view = (w: Workshop) => {
    const { outcome, version } = storedOutcome(w);
    return { id: w.id, setup: w.setup, state: w.state, joinCode: w.joinCode, responsesExist: w.responsesExist, attendance: w.attendance ?? [], outcome, outcomeVersion: version };
  };
  // Writes use records.update, which starts from the record as stored at write time, so none undoes another.

  r.get('/reviews/:id/workshops', async (req, res) => {
    const m = await membershipFor(deps, req, res, ['lead-reviewer', 'review-team']);
    res.json({ workshops: (await deps.records.find('workshops', { reviewId: m.reviewId })).map(view) });
  });

  r.post('/reviews/:id/workshops', async (req, res) => {
    const m = await membershipFor(deps, req, res, ['lead-reviewer']);
    const body = parseInput(CreateSchema, req.body);
    const w = await createWorkshop(deps, m.reviewId, authOf(res).userId, body.date);
    res.status(201).json({ id: w.id, joinCode: w.joinCode });
  });

  r.get('/reviews/:id/workshops/:workshopId', async (req, res) => {
    res.json(view(await load(req, res, ['lead-reviewer', 'review-team'])));
  });

  r.put('/reviews/:id/workshops/:workshopId/setup', async (req, res) => {
    const w = await load(req, res, ['lead-reviewer']);
    const setup = parseInput(WorkshopSetupSchema, req.body);
    const updated = await deps.records.update('workshops', w.id, (current) => {
      const problem = checkSetupChange(current.setup, setup, current.responsesExist);
      if (problem) throw new HttpError(409, 'anonymity-locked', problem);
      return { ...current, setup };
    });
    if (!updated) throw notFound('That workshop');
    await deps.hub.broadcast(updated);
    res.json(view(updated));
  });

  // The attendance register (for the report) is edited as a whole list.
  r.put('/reviews/:id/workshops/:workshopId/attendance', async (req, res) => {
    const w = await load(req, res, ['lead-reviewer']);
    const attendance = parseInput(AttendanceSchema, req.body);
    const updated = await deps.records.update('workshops', w.id, (current) => ({ ...current, attendance }));
    if (!updated) throw notFound('That workshop');
    res.json(view(updated));
  });

  // The outcome: the facilitator (lead reviewer) captures it, as they run and moderate the workshop;
  // the review team may read it, as they may read the results.
  r.get('/reviews/:id/workshops/:workshopId/outcome', async (req, res) => {
    res.json(storedOutcome(await load(req, res, ['lead-reviewer', 'review-team'])));
  });

  r.put('/reviews/:id/workshops/:workshopId/outcome', async (req, res) => {
    const w = await load(req, res, ['lead-reviewer']);
    const body = parseInput(OutcomeSaveSchema, req.body);
    res.json(await saveWorkshopOutcome(deps, authOf(res).userId, w.id, body));
  });

  r.post('/reviews/:id/workshops/:workshopId/control', async (req, res) => {
    const w = await load(req, res, ['lead-reviewer']);
    const control = parseInput(ControlSchema, req.body);
    res.json(view(await controlWorkshop(deps, w, control)));
  });

  r.get('/reviews/:id/workshops/:workshopId/responses', async (req, res) => {
    const w = await load(req, res, ['lead-reviewer', 'review-team']);
    const prompts = [];
    for (const p of allPrompts(w.setup)) {
      const all = await deps.responses.list(w.id, p.id);
      prompts.push({ ...p, ...releaseResponses(all, w.setup.k, Math.random) });
    }
    res.json({ k: w.setup.k, prompts });
  });

  r.post('/reviews/:id/workshops/:workshopId/responses/:promptId/:slot/hidden', async (req, res) => {
    const w = await load(req, res, ['lead-reviewer']);
    const body = parseInput(HideSchema, req.body);
    const promptId = String(req.params.promptId);
    const slot = String(req.params.slot);
    if (!/^[a-f0-9]{24}$/.test(slot) || !(await deps.responses.setHidden(w.id, promptId, slot, body.hidden))) throw notFound('That response');
    res.json({ ok: true });
  });

  r.get('/reviews/:id/workshops/:workshopId/private-requests', async (req, res) => {
    const w = await load(req, res, ['lead-reviewer']);
    res.json({ requests: await deps.responses.privateRequests(w.id) });
  });

  r.get('/reviews/:id/workshops/:workshopId/responses.csv', async (req, res) => {
    const w = await load(req, res, ['lead-reviewer']);
    const rows: string[][] = [['Prompt', 'Question', 'Response']];
    for (const p of allPrompts(w.setup)) {
      const released = releaseResponses((await deps.responses.list(w.id, p.id)).filter((x) => !x.hidden), w.setup.k, Math.random);
      for (const x of released.responses) rows.push([p.label, p.text, x.text]);
    }
    await deps.audit.record({ type: 'export.downloaded', actorId: authOf(res).userId, reviewId: w.reviewId, reason: 'workshop-csv' });
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', 'attachment; filename="workshop-responses.csv"');
    res.end(writeCsv(rows));
  });

  r.get('/reviews/:id/workshops/:workshopId/responses.docx', async (req, res) => {
    const w = await load(req, res, ['lead-reviewer']);
    const prompts = [];
    for (const p of allPrompts(w.setup)) {
      const released = releaseResponses((await deps.responses.list(w.id, p.id)).filter((x) => !x.hidden), w.setup.k, Math.random);
      prompts.push({ label: p.label, text: p.text, released: released.released, count: released.count, responses: released.responses.map((x) => x.text) });
    }
    const review = (await deps.records.get('reviews', w.reviewId))!;
    const bytes = await responsesDocx(`Reflective Learning Workshop responses: ${review.childPseudonym}`, (await deps.records.find('partnerships'))[0]?.name ?? '', prompts);
    await deps.audit.record({ type: 'export.downloaded', actorId: authOf(res).userId, reviewId: w.reviewId, reason: 'workshop-docx' });
    res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    res.setHeader('Content-Disposition', 'attachment; filename="workshop-responses.docx"');
    res.end(Buffer.from(bytes));
  });

  return r;
}
