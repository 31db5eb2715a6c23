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

const reviewCount = async () => (await api(server.url, 'GET', '/api/reviews', { cookie })).body.reviews.length as number;

describe('bad input', () => {
  it('answers malformed JSON with a 400 envelope and no stack trace', async () => {
    const r = await api(server.url, 'POST', '/api/reviews', { cookie, body: '{"title": ' });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('bad-json');
    expect(JSON.stringify(r.body)).not.toMatch(/at .*\.ts|node_modules/);
  });

  it('refuses unknown keys, wrong types and impossible dates, and writes nothing', async () => {
    const before = await reviewCount();
    for (const body of [
      { title: 'x', kind: 'rapid-review', childPseudonym: 'Child A', extra: 1 },
      { title: 'x', kind: 'serious', childPseudonym: 'Child A' },
      { title: 'x', kind: 'lcspr', childPseudonym: 'Child A', referralDate: '31/02/2026' },
      { title: '', kind: 'lcspr', childPseudonym: 'Child A' },
      [],
    ]) {
      const r = await api(server.url, 'POST', '/api/reviews', { cookie, body });
      expect(r.status).toBe(400);
      expect(r.body.error.message).toMatch(/not valid/);
    }
    expect(await reviewCount()).toBe(before);
  });

  it('refuses __proto__, constructor and prototype keys', async () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const raw = `{"title":"t","kind":"lcspr","childPseudonym":"Child A","${key}":{"isAdmin":true}}`;
      const r = await api(server.url, 'POST', '/api/reviews', { cookie, body: raw });
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe('forbidden-key');
    }
  });

  it('refuses a state change from a foreign Origin and a non-JSON body', async () => {
    const foreign = await api(server.url, 'POST', '/api/reviews', {
      cookie,
      body: { title: 't', kind: 'lcspr', childPseudonym: 'Child A' },
      headers: { origin: 'https://evil.example' },
    });
    expect(foreign.status).toBe(403);
    const form = await fetch(`${server.url}/api/reviews`, { method: 'POST', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: 'title=t' });
    expect(form.status).toBe(415);
  });

  it('answers unknown API routes and bad ids with 404 JSON', async () => {
    const r = await api(server.url, 'GET', '/api/nope', { cookie });
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('not-found');
    const bad = await api(server.url, 'GET', '/api/reviews/..%2F..%2Fetc', { cookie });
    expect(bad.status).toBe(404);
  });

  it('sets security headers and no-store on API answers', async () => {
    const r = await api(server.url, 'GET', '/api/health');
    expect(r.headers.get('cache-control')).toBe('no-store');
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
  });
});
