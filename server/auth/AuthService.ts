import type { IncomingMessage } from 'node:http';
import type { Config } from '../config.js';
import type { RecordStore, SessionStore, ThrottleStore } from '../storage/types.js';
import type { AuditLog } from '../audit/AuditLog.js';
import type { ConnectionRegistry } from '../realtime/ConnectionRegistry.js';
import type { AuthContext } from './types.js';
import type { Session, User } from '../../shared/schemas/records.js';
import { verifyPassword } from './passwords.js';
import { LoginThrottle } from './LoginThrottle.js';
import { SESSION_COOKIE, hashToken, newToken, readCookie } from './sessionCookie.js';

/**
 * Persist a refreshed idle timer at most this often, so ordinary browsing does not rewrite the file.
 * It is also capped at a quarter of the idle timeout (below), or a short idle timeout would expire
 * between two persisted refreshes however active the user is.
 */
const TOUCH_PERSIST_MS = 60_000;

/** How often open sockets are checked against their session's idle and absolute timeouts. */
const DEFAULT_SWEEP_MS = 5_000;

/** Why a credential check failed; signInError maps them to the same HTTP answers everywhere. */
export type CredentialFailure = { ok: false; reason: 'bad-credentials' } | { ok: false; reason: 'throttled'; retryAfter: number };

/** The outcome of checking an email and password, without opening a session. */
export type CredentialResult = { ok: true; user: User } | CredentialFailure;

/** The outcome of a sign-in. */
export type LoginResult = { ok: true; token: string; ctx: AuthContext } | CredentialFailure;

/** Sign-in, sign-out and session look-up. */
export type AuthService = {
  /** Checks credentials (with throttling) and opens a session. */
  login(email: string, password: string, clientKey: string): Promise<LoginResult>;
  /**
   * Checks an email and password with the sign-in throttle and audit, without opening a session: the
   * one way any route (sign-in, accepting an invitation to an existing account) tests a password.
   */
  checkCredentials(email: string, password: string, clientKey: string): Promise<CredentialResult>;
  /** Ends a session and closes its sockets. */
  logout(ctx: AuthContext): Promise<void>;
  /** Ends every session of a user and closes their sockets (disable, password reset). */
  endUserSessions(userId: string): Promise<void>;
  /** Resolves a request's cookie to a live session, refreshing its idle timer. */
  fromRequest(req: IncomingMessage): Promise<AuthContext | null>;
  /** Counts socket activity (a document edit, a Socket.IO event) towards the session's idle timer. */
  touch(sessionHash: string): Promise<void>;
  /** Closes the sockets of every session past its idle or absolute timeout; the timer calls it. */
  sweep(): Promise<number>;
  /** Stops the expiry timer. */
  close(): void;
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
  /** Where sign-in throttle counters live (shared by every node on PostgreSQL); in memory when absent. */
  throttleStore?: ThrottleStore;
  now?: () => number;
}): AuthService {
  const { config, records, sessions, audit, registry } = deps;
  const now = deps.now ?? config.clock ?? Date.now;
  const throttle = new LoginThrottle(now, deps.throttleStore);
  const touchEveryMs = Math.min(TOUCH_PERSIST_MS, Math.floor(config.sessionIdleMs / 4));

  const expired = (s: Session, t: number): boolean => t - s.lastSeenAt > config.sessionIdleMs || t - s.createdAt > config.sessionMaxMs;

  /** Deletes an expired or orphaned session and closes its sockets at once. */
  const expire = (idHash: string): void => {
    void sessions.delete(idHash).catch(() => undefined);
    registry.closeSession(idHash, 'session-expired');
  };

  /**
   * Slides the idle timer, persisting only when the last refresh is older than touchEveryMs. It is
   * awaited (at most one durable write per session per touchEveryMs), so the refresh is stored before
   * the request that caused it is answered; a failed write only loses that refresh.
   */
  const refresh = async (s: Session, t: number): Promise<void> => {
    if (t - s.lastSeenAt > touchEveryMs) await sessions.touch(s.idHash, t).catch(() => undefined);
  };

  const contextFor = async (userId: string, sessionHash: string): Promise<AuthContext | null> => {
    const user = await records.get('users', userId);
    if (!user || user.disabled) return null;
    return { userId, sessionHash, name: user.name, email: user.email, isAdmin: user.isAdmin };
  };

  // Sessions end on a timer, not only when their cookie is next presented: a socket opened before the
  // timeout must not go on receiving and writing after it.
  const sweeper = setInterval(() => {
    void service.sweep().catch(() => undefined);
  }, config.sessionSweepMs ?? DEFAULT_SWEEP_MS);
  sweeper.unref();

  const service: AuthService = {
    cookieMaxAgeSeconds: Math.floor(config.sessionMaxMs / 1000),

    async checkCredentials(email, password, clientKey) {
      const attempt = { email, client: clientKey };
      const retryAfter = await throttle.retryAfter(attempt);
      if (retryAfter > 0) {
        await audit.record({ type: 'login.failure', reason: 'throttled' });
        return { ok: false, reason: 'throttled', retryAfter };
      }
      const user = (await records.find('users', { email }))[0];
      // Verify even for unknown or disabled users so that timing does not reveal which emails exist.
      const good = await verifyPassword(user && !user.disabled ? user.passwordHash : null, password);
      if (!user || user.disabled || !good) {
        await throttle.fail(attempt);
        await audit.record({ type: 'login.failure', actorId: user?.id ?? null, reason: user ? 'bad-password' : 'unknown-user' });
        return { ok: false, reason: 'bad-credentials' };
      }
      await throttle.succeed(attempt);
      return { ok: true, user };
    },

    async login(email, password, clientKey) {
      const checked = await service.checkCredentials(email, password, clientKey);
      if (!checked.ok) return checked;
      const user = checked.user;
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
      if (expired(session, t)) {
        expire(idHash);
        return null;
      }
      const ctx = await contextFor(session.userId, idHash);
      if (!ctx) return null;
      await refresh(session, t);
      return ctx;
    },

    async touch(sessionHash) {
      const session = await sessions.get(sessionHash);
      if (!session) return;
      const t = now();
      if (expired(session, t)) expire(sessionHash);
      else await refresh(session, t);
    },

    async sweep() {
      const t = now();
      let ended = 0;
      for (const idHash of registry.sessionHashes()) {
        const session = await sessions.get(idHash);
        if (session && !expired(session, t) && (await contextFor(session.userId, idHash))) continue;
        expire(idHash);
        ended++;
      }
      return ended;
    },

    close() {
      clearInterval(sweeper);
    },
  };
  return service;
}
