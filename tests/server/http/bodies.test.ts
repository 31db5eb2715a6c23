import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../utils/testServer.js';
import { api, login } from '../../utils/api.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
let cookie: string;
beforeAll(async () => {
  server = await startTestServer();
  cookie = await login(server.url);
});
afterAll(async () => {
  await server.close();
});

const reviewBody = (title: string) => ({ title, kind: 'rapid-review', childPseudonym: 'Child B', referralDate: '02/11/2026' });

/** A raw POST with a chosen Host header, which fetch does not let a caller set. */
function postWithHost(path: string, host: string, body: unknown): Promise<{ status: number; body: any }> {
  const url = new URL(server.url);
  const data = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { hostname: url.hostname, port: url.port, path, method: 'POST', headers: { host, cookie, 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) } },
      (res) => {
        let text = '';
        res.on('data', (c) => {
          text += c;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

describe('strict bodies', () => {
  it('logout takes exactly {}: prototype keys, arrays and extra keys are refused and the session stays', async () => {
    const mine = await login(server.url);
    for (const body of ['{"__proto__":{"admin":true}}', JSON.stringify(Array.from({ length: 10_000 }, (_, i) => i)), '{"all":true}', '"x"']) {
      const r = await api(server.url, 'POST', '/api/auth/logout', { cookie: mine, body });
      expect(r.status).toBe(400);
      expect((await api(server.url, 'GET', '/api/me', { cookie: mine })).status).toBe(200);
    }
    expect((await api(server.url, 'POST', '/api/auth/logout', { cookie: mine, body: {} })).status).toBe(200);
    expect((await api(server.url, 'GET', '/api/me', { cookie: mine })).status).toBe(401);
  });

  it('disabling a user takes exactly {}', async () => {
    const me = await api(server.url, 'GET', '/api/me', { cookie });
    const r = await api(server.url, 'POST', `/api/admin/users/${me.body.user.id}/disable`, { cookie, body: { reason: 'x' } });
    expect(r.status).toBe(400);
    expect((await api(server.url, 'GET', '/api/me', { cookie })).status).toBe(200);
  });

  it('refuses NUL, other controls and lone surrogates in text fields and stores nothing', async () => {
    const before = (await api(server.url, 'GET', '/api/reviews', { cookie })).body.reviews.length;
    for (const raw of [
      JSON.stringify(reviewBody('Title\u0000with NUL')),
      JSON.stringify(reviewBody('Escape \u001b[2J')),
      JSON.stringify(reviewBody('C1 \u0085 next line')),
      '{"title":"Broken \\ud800 half","kind":"rapid-review","childPseudonym":"Child B","referralDate":"02/11/2026"}',
    ]) {
      const r = await api(server.url, 'POST', '/api/reviews', { cookie, body: raw });
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe('invalid');
      expect(r.body.error.message).toContain('control characters');
    }
    expect((await api(server.url, 'GET', '/api/reviews', { cookie })).body.reviews.length).toBe(before);
    const ok = await api(server.url, 'POST', '/api/reviews', { cookie, body: reviewBody('Tabbed\ttitle 👶') });
    expect(ok.status).toBe(201);
  });

  it('builds invitation links from the server’s own origin, never the Host header', async () => {
    const review = await api(server.url, 'POST', '/api/reviews', { cookie, body: reviewBody('Invite review') });
    const r = await postWithHost(`/api/reviews/${review.body.id}/invitations`, 'evil.example', { email: 'x@test.invalid', role: 'observer' });
    expect(r.status).toBe(201);
    expect(r.body.inviteUrl.startsWith(`${server.url}/invite/`)).toBe(true);
  });

  it('uses PUBLIC_URL for invitation links when it is set', async () => {
    const other = await startTestServer({ env: { PUBLIC_URL: 'https://reviews.example.gov.uk' } });
    try {
      const c = await login(other.url);
      const review = await api(other.url, 'POST', '/api/reviews', { cookie: c, body: reviewBody('Configured') });
      const r = await api(other.url, 'POST', `/api/reviews/${review.body.id}/invitations`, { cookie: c, body: { email: 'y@test.invalid', role: 'observer' } });
      expect(r.body.inviteUrl.startsWith('https://reviews.example.gov.uk/invite/')).toBe(true);
    } finally {
      await other.close();
    }
  });
});
