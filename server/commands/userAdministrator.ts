import { newId } from '../../shared/ids.js';
import { EmailSchema } from '../../shared/schemas/records.js';
import { NewPasswordSchema } from '../../shared/schemas/api.js';
import { HttpError } from '../http/errors.js';
import { hashPassword } from '../auth/passwords.js';
import type { CommandDeps } from './types.js';

/** Ends a user's sessions and closes their sockets; the running server's AuthService, or nothing offline. */
export type SessionEnder = { endUserSessions(userId: string): Promise<void> };

/**
 * Creates a partnership admin, or makes an existing user one (and sets their password). Audited as
 * `user.created` or `user.password-reset`, the same events as the API's.
 */
export async function createAdmin(deps: CommandDeps & { auth: SessionEnder }, actorId: string | null, input: { email: string; password: string }): Promise<'created' | 'updated'> {
  const email = EmailSchema.parse(input.email);
  NewPasswordSchema.parse(input.password);
  const existing = (await deps.records.find('users', { email }))[0];
  const passwordHash = await hashPassword(input.password);
  if (existing) {
    await deps.records.commit([{ op: 'put', collection: 'users', record: { ...existing, passwordHash, isAdmin: true, disabled: false } }], {
      audit: [{ type: 'user.password-reset', actorId, targetId: existing.id, reason: 'made-admin' }],
    });
    await deps.auth.endUserSessions(existing.id);
    return 'updated';
  }
  const id = newId();
  const record = { id, email, name: 'Partnership admin', passwordHash, isAdmin: true, disabled: false, createdAt: new Date().toISOString() };
  await deps.records.commit([{ op: 'put', collection: 'users', record }], { audit: [{ type: 'user.created', actorId, targetId: id, reason: 'admin' }] });
  return 'created';
}

/**
 * Sets a new password, re-enables the account and ends every session it had, so whoever knew the old
 * password is signed out everywhere. Audited as `user.password-reset`.
 */
export async function resetPassword(deps: CommandDeps & { auth: SessionEnder }, actorId: string | null, input: { email: string; password: string }): Promise<void> {
  const email = EmailSchema.parse(input.email);
  NewPasswordSchema.parse(input.password);
  const user = (await deps.records.find('users', { email }))[0];
  if (!user) throw new HttpError(404, 'not-found', 'No such user.');
  await deps.records.commit([{ op: 'put', collection: 'users', record: { ...user, passwordHash: await hashPassword(input.password), disabled: false } }], {
    audit: [{ type: 'user.password-reset', actorId, targetId: user.id }],
  });
  await deps.auth.endUserSessions(user.id);
}
