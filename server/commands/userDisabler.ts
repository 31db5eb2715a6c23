import { notFound } from '../http/errors.js';
import type { AuthService } from '../auth/AuthService.js';
import type { CommandDeps } from './types.js';

/** Disables a user: they can no longer sign in, and their sessions and open sockets end at once. */
export async function disableUser(deps: CommandDeps & { auth: Pick<AuthService, 'endUserSessions'> }, actorId: string | null, userId: string): Promise<void> {
  const user = deps.records.get('users', userId);
  if (!user) throw notFound('That user');
  await deps.records.put('users', { ...user, disabled: true });
  await deps.auth.endUserSessions(userId);
  await deps.audit.record({ type: 'user.disabled', actorId, targetId: userId });
}
