import type { Request, Response } from 'express';
import { storedOutcome } from '../../../shared/workshop/outcome.js';
import type { Workshop } from '../../../shared/workshop/workshop.js';
import type { AppDeps } from '../../app.js';
import { notFound } from '../../http/errors.js';
import { idParam, membershipFor } from '../context.js';

/** The workshop of the route, after checking the caller's role in its review (404 when it is not that review's). */
export async function loadWorkshop(deps: AppDeps, req: Request, res: Response, roles: readonly ('lead-reviewer' | 'review-team')[]): Promise<Workshop> {
  const m = await membershipFor(deps, req, res, roles);
  const w = await deps.records.get('workshops', idParam(req, 'workshopId', 'That workshop'));
  if (!w || w.reviewId !== m.reviewId) throw notFound('That workshop');
  return w;
}

/** A workshop as staff screens get it: never an invitation's secret hash. */
export function workshopView(w: Workshop) {
  const { outcome, version } = storedOutcome(w);
  return {
    id: w.id,
    setup: w.setup,
    state: w.state,
    joinCode: w.joinCode,
    responsesExist: w.responsesExist,
    attendance: w.attendance ?? [],
    outcome,
    outcomeVersion: version,
    codeJoining: w.codeJoining,
    invitations: w.invitations.map((i) => ({ id: i.id, label: i.label, used: i.used })),
  };
}
