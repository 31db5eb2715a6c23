import { Router } from 'express';
import { z } from 'zod';
import { IsoDateSchema } from '../../../shared/dates.js';
import { MAX_LABEL_CHARS } from '../../../shared/limits.js';
import { ControlSchema, checkSetupChange } from '../../../shared/workshop/transitions.js';
import { OutcomeSaveSchema, storedOutcome } from '../../../shared/workshop/outcome.js';
import { AttendanceSchema, WorkshopSetupSchema } from '../../../shared/workshop/workshop.js';
import type { AppDeps } from '../../app.js';
import { createWorkshop } from '../../commands/workshopCreator.js';
import { controlWorkshop } from '../../commands/workshopController.js';
import { createWorkshopInvitations } from '../../commands/workshopInvitationsCreator.js';
import { saveWorkshopOutcome } from '../../commands/workshopOutcomeSaver.js';
import { HttpError, notFound } from '../../http/errors.js';
import { parseInput } from '../../http/validate.js';
import { authOf, membershipFor, requireAuth } from '../context.js';
import { answersRoutes } from './answersRoutes.js';
import { loadWorkshop, workshopView as view } from './loadWorkshop.js';

const CreateSchema = z.strictObject({ date: IsoDateSchema });
const InvitationsSchema = z.strictObject({ labels: z.array(z.string().trim().min(1).max(MAX_LABEL_CHARS)).min(1).max(100) });
const CodeJoiningSchema = z.strictObject({ on: z.boolean() });

/** Workshop set-up, control, invitations and the outcome: lead reviewer manages, the review team may watch. */
export function workshopRoutes(deps: AppDeps): Router {
  const r = Router();
  r.use('/reviews/:id/workshops', requireAuth(deps));
  const load = (req: Parameters<typeof loadWorkshop>[1], res: Parameters<typeof loadWorkshop>[2], roles: Parameters<typeof loadWorkshop>[3]) => loadWorkshop(deps, req, res, roles);

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
    // The check and the write are one step (records.update) on the record as stored at write time,
    // and an answer's "responses exist" flag is written before the answer: once one exists, k can
    // never go down, whatever the timing.
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

  // Personal invitation links: the secrets are answered once, here, for the lead reviewer to send.
  r.post('/reviews/:id/workshops/:workshopId/invitations', async (req, res) => {
    const w = await load(req, res, ['lead-reviewer']);
    const body = parseInput(InvitationsSchema, req.body);
    res.status(201).json({ invitations: await createWorkshopInvitations(deps, authOf(res).userId, w.id, body) });
  });

  r.post('/reviews/:id/workshops/:workshopId/invitations/:invitationId/link', async (req, res) => {
    const w = await load(req, res, ['lead-reviewer']);
    const id = String(req.params.invitationId);
    if (!/^[a-z0-9-]{1,40}$/.test(id)) throw new HttpError(404, 'not-found', 'That invitation was not found.');
    res.status(201).json({ invitations: await createWorkshopInvitations(deps, authOf(res).userId, w.id, { renew: id }) });
  });

  // The lower-assurance mode: joining with the code alone, off unless the lead reviewer turns it on.
  r.put('/reviews/:id/workshops/:workshopId/code-joining', async (req, res) => {
    const w = await load(req, res, ['lead-reviewer']);
    const body = parseInput(CodeJoiningSchema, req.body);
    const updated = await deps.records.update('workshops', w.id, (current) => {
      if (current.state.stage === 'closed') throw new HttpError(409, 'closed', 'The workshop has closed.');
      return { ...current, codeJoining: body.on };
    });
    if (!updated) throw notFound('That workshop');
    await deps.audit.record({ type: 'workshop.code-joining-changed', actorId: authOf(res).userId, reviewId: w.reviewId, targetId: w.id, reason: body.on ? 'on' : 'off' });
    deps.hub.counts.changed(w.id);
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

  r.use(answersRoutes(deps));
  return r;
}
