import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../utils/testServer.js';
import { api } from '../../utils/api.js';

let plain: Awaited<ReturnType<typeof startTestServer>>;
let proxied: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  plain = await startTestServer();
  proxied = await startTestServer({ env: { TRUST_PROXY: 'true', PUBLIC_URL: 'https://reviews.example.gov.uk', PUBLIC_ORIGINS: 'https://alt.example.gov.uk' } });
});
afterAll(async () => {
  await plain.close();
  await proxied.close();
});

/** The CSP's directives by name. */
function csp(header: string | null): Map<string, string[]> {
  return new Map(
    (header ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((p) => p[0])
      .map(([k, ...v]) => [k!, v]),
  );
}

describe('security headers', () => {
  it('lets the page connect only to its own origin: no bare ws: or wss: host', async () => {
    const r = await api(plain.url, 'GET', '/api/health');
    const d = csp(r.headers.get('content-security-policy'));
    expect(d.get('connect-src')).toEqual(["'self'"]);
    expect(d.get('frame-ancestors')).toEqual(["'none'"]);
    expect(d.get('script-src')).toEqual(["'self'"]);
    expect(r.headers.get('x-frame-options')).toBe('DENY');
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('referrer-policy')).toBe('no-referrer');
    // Over plain HTTP (a local trial) there is no HSTS.
    expect(r.headers.get('strict-transport-security')).toBeNull();
  });

  it('behind an HTTPS proxy sends HSTS and names the configured origins, with their WebSocket forms, in connect-src', async () => {
    const r = await api(proxied.url, 'GET', '/api/health');
    expect(r.headers.get('strict-transport-security')).toBe('max-age=31536000');
    const connect = csp(r.headers.get('content-security-policy')).get('connect-src')!;
    expect(connect.sort()).toEqual(["'self'", 'https://alt.example.gov.uk', 'https://reviews.example.gov.uk', 'wss://alt.example.gov.uk', 'wss://reviews.example.gov.uk'].sort());
    for (const src of connect) expect(src === 'ws:' || src === 'wss:' || src.includes('*')).toBe(false);
  });
});
