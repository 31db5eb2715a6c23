import { Router } from 'express';
import { EmptyBodySchema, LoginBodySchema } from '../../../shared/schemas/api.js';
import type { AppDeps } from '../../app.js';
import { clearedCookieHeader, sessionCookieHeader } from '../../auth/sessionCookie.js';
import { signInError } from '../../auth/signInError.js';
import { parseInput } from '../../http/validate.js';
import { authOf, requireAuth } from '../context.js';

/** Sign-in, sign-out and "who am I". */
export function authRoutes(deps: AppDeps): Router {
  const r = Router();
  const secure = deps.config.trustProxy;

  r.post('/auth/login', async (req, res) => {
    const body = parseInput(LoginBodySchema, req.body);
    // The throttle keys on the client address, which is never logged, and stored only as an HMAC (docs/security.md).
    const result = await deps.auth.login(body.email, body.password, req.ip ?? 'unknown');
    if (!result.ok) throw signInError(res, result);
    res.setHeader('Set-Cookie', sessionCookieHeader(result.token, { secure, maxAgeSeconds: deps.auth.cookieMaxAgeSeconds }));
    res.json({ user: { id: result.ctx.userId, name: result.ctx.name, email: result.ctx.email, isAdmin: result.ctx.isAdmin } });
  });

  r.post('/auth/logout', async (req, res) => {
    parseInput(EmptyBodySchema, req.body ?? {});
    const ctx = await deps.auth.fromRequest(req);
    if (ctx) await deps.auth.logout(ctx);
    res.setHeader('Set-Cookie', clearedCookieHeader(secure));
    res.json({ ok: true });
  });

  r.get('/me', requireAuth(deps), async (_req, res) => {
    const ctx = authOf(res);
    const memberships = (await deps.records.find('memberships', { userId: ctx.userId })).map((m) => ({ id: m.id, reviewId: m.reviewId, role: m.role, agencyId: m.agencyId }));
    // The idle timeout lets the page warn before the session ends (and keep typing from ending it).
    res.json({
      user: { id: ctx.userId, name: ctx.name, email: ctx.email, isAdmin: ctx.isAdmin },
      memberships,
      session: { idleSeconds: Math.round(deps.config.sessionIdleMs / 1000) },
    });
  });

  return r;
}
