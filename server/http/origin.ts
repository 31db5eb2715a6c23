import type { IncomingMessage } from 'node:http';

/**
 * Cross-site WebSocket hijacking and CSRF both rely on a browser sending our cookie from another
 * site's page. Browsers always send Origin on WebSocket upgrades and on cross-origin POSTs, so a request
 * whose Origin is present and is neither our own host nor a configured public origin is refused.
 * A request with no Origin is not from a browser page and carries no ambient authority risk.
 */
export function isAllowedOrigin(req: IncomingMessage, publicOrigins: readonly string[]): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  if (publicOrigins.includes(origin)) return true;
  const host = req.headers.host;
  if (!host) return false;
  try {
    const u = new URL(origin);
    return u.host === host && (u.protocol === 'http:' || u.protocol === 'https:');
  } catch {
    return false;
  }
}
