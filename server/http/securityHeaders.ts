import type { RequestHandler } from 'express';
import helmet from 'helmet';

/** HSTS lifetime behind HTTPS: one year, the usual minimum for preload lists and for ASVS 3.4.1. */
const HSTS_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

/**
 * The origins the browser may open connections to besides 'self': each configured public origin and
 * its WebSocket form. 'self' already covers ws: and wss: to the page's own origin (CSP Level 3), so
 * no other WebSocket host is allowed; `ws:` or `wss:` on their own would allow any.
 */
export function connectSources(origins: readonly string[]): string[] {
  const out = new Set<string>(["'self'"]);
  for (const o of origins) {
    out.add(o);
    out.add(o.replace(/^http/, 'ws'));
  }
  return [...out];
}

/**
 * Security headers for every response, from helmet. The CSP allows only our own scripts and styles (the
 * built client has no inline script), connections to our own origins, and no framing, so a review cannot
 * be shown inside another site. HSTS is sent only behind an HTTPS proxy (TRUST_PROXY), because over
 * plain HTTP on a local trial it would be ignored at best and lock a host name to HTTPS at worst.
 */
export function securityHeaders(opts: { trustProxy: boolean; origins: readonly string[] }): RequestHandler {
  const headers = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: connectSources(opts.origins),
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        ...(opts.trustProxy ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: opts.trustProxy ? { maxAge: HSTS_MAX_AGE_SECONDS, includeSubDomains: false } : false,
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginOpenerPolicy: { policy: 'same-origin' },
  });
  return (req, res, next) => {
    // Not covered by helmet: the app never needs these device features.
    res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
    headers(req, res, next);
  };
}

/** API answers hold personal data: never cache them. */
export const noStore: RequestHandler = (_req, res, next) => {
  res.setHeader('Cache-Control', 'no-store');
  next();
};
