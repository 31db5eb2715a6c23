import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TEST_ADMIN } from '../../utils/testServer.js';
import { api, login } from '../../utils/api.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

describe('auth API', () => {
  it('reports health', async () => {
    const r = await api(server.url, 'GET', '/api/health');
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ status: 'ok' });
  });

  it('signs in with an httpOnly SameSite cookie and answers /api/me', async () => {
    const r = await api(server.url, 'POST', '/api/auth/login', { body: { email: TEST_ADMIN.email.toUpperCase(), password: TEST_ADMIN.password } });
    expect(r.status).toBe(200);
    const cookie = r.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).not.toMatch(/Secure/);
    const me = await api(server.url, 'GET', '/api/me', { cookie: cookie.split(';')[0] });
    expect(me.status).toBe(200);
    expect(me.body.user.email).toBe(TEST_ADMIN.email);
    expect(me.body.user.isAdmin).toBe(true);
  });

  it('gives a wrong password and an unknown user the same 401', async () => {
    const wrong = await api(server.url, 'POST', '/api/auth/login', { body: { email: TEST_ADMIN.email, password: 'not the password' } });
    const unknown = await api(server.url, 'POST', '/api/auth/login', { body: { email: 'nobody@test.invalid', password: 'not the password' } });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.error.code).toBe('bad-credentials');
  });

  it('refuses /api/me without a session, and after logout', async () => {
    expect((await api(server.url, 'GET', '/api/me')).status).toBe(401);
    const cookie = await login(server.url);
    expect((await api(server.url, 'GET', '/api/me', { cookie })).status).toBe(200);
    const out = await api(server.url, 'POST', '/api/auth/logout', { cookie, body: {} });
    expect(out.status).toBe(200);
    const after = await api(server.url, 'GET', '/api/me', { cookie });
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('unauthenticated');
  });

  it('throttles repeated failures for one email with 429', async () => {
    const email = 'throttle-me@test.invalid';
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      statuses.push((await api(server.url, 'POST', '/api/auth/login', { body: { email, password: `guess ${i}` } })).status);
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses[5]).toBe(429);
  });
});

describe('session timeouts', () => {
  it('ends a session after the idle timeout', async () => {
    const s = await startTestServer({ config: { sessionIdleMs: 1 } });
    try {
      const cookie = await login(s.url);
      await new Promise((r) => setTimeout(r, 20));
      expect((await api(s.url, 'GET', '/api/me', { cookie })).status).toBe(401);
    } finally {
      await s.close();
    }
  });
});
