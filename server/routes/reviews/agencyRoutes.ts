import { Router } from 'express';
import { CreateAgencyBodySchema } from '../../../shared/schemas/api.js';
import type { AppDeps } from '../../app.js';
import { addAgency } from '../../commands/agencyAdder.js';
import { parseInput } from '../../http/validate.js';
import { authOf, membershipFor, requireAuth } from '../context.js';
import { agencyView } from './reviewRoutes.js';

/** A review's agencies: every member reads them, the lead reviewer adds them. */
export function agencyRoutes(deps: AppDeps): Router {
  const r = Router();
  r.use('/reviews/:id/agencies', requireAuth(deps));

  r.get('/reviews/:id/agencies', async (req, res) => {
    const m = await membershipFor(deps, req, res);
    res.json({ agencies: (await deps.records.find('agencies', { reviewId: m.reviewId })).map(agencyView) });
  });

  r.post('/reviews/:id/agencies', async (req, res) => {
    const m = await membershipFor(deps, req, res, ['lead-reviewer']);
    const body = parseInput(CreateAgencyBodySchema, req.body);
    const agency = await addAgency(deps, authOf(res).userId, m.reviewId, body);
    res.status(201).json({ id: agency.id, colour: agency.colour, shortCode: agency.shortCode });
  });

  return r;
}
