import { notFound } from '../http/errors.js';
import type { AuthService } from '../auth/AuthService.js';
import type { CommandDeps } from './types.js';

/** Disables a user: they can no longer sign in, and their sessions and open sockets end at once. */
export async function disableUser(deps: CommandDeps & { auth: AuthService }, actorId: string | null, userId: string): Promise<void> {
  const user = await deps.records.get('users', userId);
  if (!user) throw notFound('That user');
  await deps.records.commit([{ op: 'put', collection: 'users', record: { ...user, disabled: true } }], { audit: [{ type: 'user.disabled', actorId, targetId: userId }] });
  await deps.auth.endUserSessions(userId);
}
