import { Router } from 'express';
import { mayRemoveMember } from '../../../shared/membership.js';
import { canManageReview } from '../../../shared/roles.js';
import { ChangeRoleBodySchema, EmptyBodySchema } from '../../../shared/schemas/api.js';
import type { AppDeps } from '../../app.js';
import { changeRole } from '../../commands/roleChanger.js';
import { removeMember } from '../../commands/memberRemover.js';
import { parseInput } from '../../http/validate.js';
import { authOf, idParam, membershipFor, requireAuth } from '../context.js';

/** A review's members: every member sees who is in the review; the lead reviewer changes roles and removes members. */
export function memberRoutes(deps: AppDeps): Router {
  const r = Router();
  r.use('/reviews/:id/members', requireAuth(deps));

  r.get('/reviews/:id/members', async (req, res) => {
    const m = await membershipFor(deps, req, res);
    const members = await Promise.all(
      (await deps.records.find('memberships', { reviewId: m.reviewId })).map(async (x) => {
        const user = await deps.records.get('users', x.userId);
        return { id: x.id, userId: x.userId, name: user?.name ?? 'Unknown', email: user?.email ?? '', role: x.role, agencyId: x.agencyId, disabled: user?.disabled ?? true };
      }),
    );
    res.json({ members });
  });

  r.patch('/reviews/:id/members/:membershipId', async (req, res) => {
    const m = await membershipFor(deps, req, res, canManageReview);
    const membershipId = idParam(req, 'membershipId', 'That member');
    const body = parseInput(ChangeRoleBodySchema, req.body);
    const updated = await changeRole(deps, authOf(res).userId, m.reviewId, membershipId, body);
    res.json({ id: updated.id, role: updated.role, agencyId: updated.agencyId });
  });

  r.delete('/reviews/:id/members/:membershipId', async (req, res) => {
    const m = await membershipFor(deps, req, res, mayRemoveMember);
    const membershipId = idParam(req, 'membershipId', 'That member');
    parseInput(EmptyBodySchema, req.body ?? {});
    await removeMember(deps, authOf(res).userId, m.reviewId, membershipId);
    res.status(204).end();
  });

  return r;
}
