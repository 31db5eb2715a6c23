import type { RequestHandler } from 'express';
import type { Logger } from './logger.js';

/** A request taking longer than this is logged even when ordinary requests are not. */
export const SLOW_REQUEST_MS = 1_000;

/**
 * Logs API requests by method, matched route pattern (e.g. /reviews/:id), status and duration: by
 * default only refusals, failures and slow requests, so the terminal stays readable; every request
 * with `everyRequest` (LOG_LEVEL=debug).
 * It never logs the URL (which may hold a token), the query, the body, the IP address or the user
 * agent; workshop routes therefore leave nothing that could link a response to a device.
 */
export function requestLog(log: Logger, everyRequest = false): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const route = req.route?.path;
      const ms = Number((process.hrtime.bigint() - started) / 1_000_000n);
      if (!everyRequest && res.statusCode < 400 && ms < SLOW_REQUEST_MS) return;
      log.info('http', {
        method: req.method,
        route: typeof route === 'string' ? `${req.baseUrl}${route}` : 'unmatched',
        status: res.statusCode,
        ms,
      });
    });
    next();
  };
}
