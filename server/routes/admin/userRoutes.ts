import { Router } from 'express';
import type { AppDeps } from '../../app.js';
import { disableUser } from '../../commands/userDisabler.js';
import { forbidden } from '../../http/errors.js';
import { authOf, idParam, requireAuth } from '../context.js';

/** Partnership admin: list accounts and disable one. Admins see accounts, never review content. */
export function userRoutes(deps: AppDeps): Router {
  const r = Router();
  r.use('/admin', requireAuth(deps), (_req, res, next) => next(authOf(res).isAdmin ? undefined : forbidden('Only a partnership admin can do that.')));

  r.get('/admin/users', async (_req, res) => {
    const users = (await deps.records.find('users')).map((u) => ({ id: u.id, name: u.name, email: u.email, isAdmin: u.isAdmin, disabled: u.disabled }));
    res.json({ users });
  });

  r.post('/admin/users/:userId/disable', async (req, res) => {
    const userId = idParam(req, 'userId', 'That user');
    await disableUser(deps, authOf(res).userId, userId);
    res.json({ ok: true });
  });

  return r;
}
