import type { RequestHandler } from 'express';
import type { Logger } from './logger.js';

/**
 * Logs each API request by method, matched route pattern (e.g. /reviews/:id), status and duration.
 * It never logs the URL (which may hold a token), the query, the body, the IP address or the user
 * agent; workshop routes therefore leave nothing that could link a response to a device.
 */
export function requestLog(log: Logger): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const route = req.route?.path;
      log.info('http', {
        method: req.method,
        route: typeof route === 'string' ? `${req.baseUrl}${route}` : 'unmatched',
        status: res.statusCode,
        ms: Number((process.hrtime.bigint() - started) / 1_000_000n),
      });
    });
    next();
  };
}
