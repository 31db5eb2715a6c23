import type { IncomingMessage } from 'node:http';
import type { Config } from '../config.js';
import type { RecordStore, SessionStore } from '../storage/types.js';
import type { AuditLog } from '../audit/AuditLog.js';
import type { ConnectionRegistry } from '../realtime/ConnectionRegistry.js';
import type { AuthContext } from './types.js';
import { verifyPassword } from './passwords.js';
import { LoginThrottle } from './LoginThrottle.js';
import { SESSION_COOKIE, hashToken, newToken, readCookie } from './sessionCookie.js';

/** Persist a refreshed idle timer at most this often, so ordinary browsing does not rewrite the file. */
const TOUCH_PERSIST_MS = 60_000;

/** Why a sign-in failed; the HTTP layer maps every reason but 'throttled' to the same 401. */
export type LoginResult =
  | { ok: true; token: string; ctx: AuthContext }
  | { ok: false; reason: 'bad-credentials' }
  | { ok: false; reason: 'throttled'; retryAfter: number };

/** Sign-in, sign-out and session look-up. */
export type AuthService = {
  /** Checks credentials (with throttling) and opens a session. */
  login(email: string, password: string, clientKey: string): Promise<LoginResult>;
  /** Ends a session and closes its sockets. */
  logout(ctx: AuthContext): Promise<void>;
  /** Ends every session of a user and closes their sockets (disable, password reset). */
  endUserSessions(userId: string): Promise<void>;
  /** Resolves a request's cookie to a live session, refreshing its idle timer. */
  fromRequest(req: IncomingMessage): Promise<AuthContext | null>;
  /** Seconds a fresh session cookie should live. */
  readonly cookieMaxAgeSeconds: number;
};

/** Builds the auth service over the stores. */
export function createAuthService(deps: {
  config: Config;
  records: RecordStore;
  sessions: SessionStore;
  audit: AuditLog;
  registry: ConnectionRegistry;
  now?: () => number;
}): AuthService {
  const { config, records, sessions, audit, registry } = deps;
  const now = deps.now ?? Date.now;
  const throttle = new LoginThrottle(now);

  const contextFor = async (userId: string, sessionHash: string): Promise<AuthContext | null> => {
    const user = await records.get('users', userId);
    if (!user || user.disabled) return null;
    return { userId, sessionHash, name: user.name, email: user.email, isAdmin: user.isAdmin };
  };

  return {
    cookieMaxAgeSeconds: Math.floor(config.sessionMaxMs / 1000),

    async login(email, password, clientKey) {
      const keys = [`email:${email}`, `client:${clientKey}`];
      const retryAfter = throttle.retryAfter(keys);
      if (retryAfter > 0) {
        await audit.record({ type: 'login.failure', reason: 'throttled' });
        return { ok: false, reason: 'throttled', retryAfter };
      }
      const user = (await records.find('users', { email }))[0];
      // Verify even for unknown or disabled users so that timing does not reveal which emails exist.
      const good = await verifyPassword(user && !user.disabled ? user.passwordHash : null, password);
      if (!user || !good) {
        throttle.fail(keys);
        await audit.record({ type: 'login.failure', actorId: user?.id ?? null, reason: user ? 'bad-password' : 'unknown-user' });
        return { ok: false, reason: 'bad-credentials' };
      }
      throttle.succeed(keys[0]!);
      const token = newToken();
      const idHash = hashToken(token);
      const t = now();
      await sessions.put({ idHash, userId: user.id, createdAt: t, lastSeenAt: t });
      await audit.record({ type: 'login.success', actorId: user.id });
      return { ok: true, token, ctx: (await contextFor(user.id, idHash))! };
    },

    async logout(ctx) {
      await sessions.delete(ctx.sessionHash);
      registry.closeSession(ctx.sessionHash, 'logged-out');
      await audit.record({ type: 'logout', actorId: ctx.userId });
    },

    async endUserSessions(userId) {
      await sessions.deleteForUser(userId);
      registry.closeUser(userId, 'sessions-ended');
    },

    async fromRequest(req) {
      const token = readCookie(req, SESSION_COOKIE);
      if (!token) return null;
      const idHash = hashToken(token);
      const session = await sessions.get(idHash);
      if (!session) return null;
      const t = now();
      if (t - session.lastSeenAt > config.sessionIdleMs || t - session.createdAt > config.sessionMaxMs) {
        void sessions.delete(idHash).catch(() => undefined);
        registry.closeSession(idHash, 'session-expired');
        return null;
      }
      const ctx = await contextFor(session.userId, idHash);
      if (!ctx) return null;
      if (t - session.lastSeenAt > TOUCH_PERSIST_MS) void sessions.touch(idHash, t).catch(() => undefined);
      return ctx;
    },
  };
}
