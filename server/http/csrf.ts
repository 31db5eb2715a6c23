import type { RequestHandler } from 'express';
import { HttpError } from './errors.js';
import { isAllowedOrigin } from './origin.js';

/**
 * CSRF defence in depth on top of SameSite=Strict cookies: a state-changing request must come from an
 * allowed Origin and carry a JSON content type. A cross-site HTML form cannot send
 * `application/json` without a CORS preflight, which this server never grants. Uploads are the one
 * exception: multipart is accepted only with our own Origin present.
 */
export function csrfGuard(publicOrigins: readonly string[]): RequestHandler {
  return (req, _res, next) => {
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return next();
    if (!isAllowedOrigin(req, publicOrigins)) return next(new HttpError(403, 'forbidden-origin', 'Requests from another site are not allowed.'));
    if (req.is('application/json')) return next();
    // File uploads are multipart, which a cross-site form can also send; so they must carry an Origin
    // header (every browser sends one on a POST) and it must be ours, checked above.
    if (req.is('multipart/form-data') && req.headers.origin !== undefined) return next();
    next(new HttpError(415, 'json-required', 'Send the request body as application/json.'));
  };
}
