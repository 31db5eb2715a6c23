import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from './logger.js';
import { FormatError } from '../formats/FormatError.js';

/** An error with an HTTP status and a stable code, sent as the JSON error envelope. */
export class HttpError extends Error {
  /** Creates an error the client may see. */
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** 404 for a review or record the caller may not know exists (same answer as a missing one). */
export const notFound = (what = 'That review'): HttpError => new HttpError(404, 'not-found', `${what} was not found.`);

/** 403 for a member whose role does not allow the action. */
export const forbidden = (message = 'Your role in this review does not allow that.'): HttpError => new HttpError(403, 'forbidden', message);

/** The 404 for unknown API paths. */
export const unknownRoute: RequestHandler = (_req, _res, next) => next(new HttpError(404, 'not-found', 'There is no such API route.'));

/**
 * Turns every error into the JSON envelope `{"error":{"code","message"}}`. Body-parser errors become
 * 400/413; anything unexpected is a 500 with a generic message, and only its class name is logged,
 * because an error message could quote case content.
 */
export function errorHandler(log: Logger): ErrorRequestHandler {
  return (err, _req, res, _next) => {
    let e: HttpError;
    if (err instanceof HttpError) e = err;
    // A refused upload keeps the reader's own reason (its message never quotes the file's content).
    else if (err instanceof FormatError) e = new HttpError(err.status, err.code, err.message);
    else if (err && typeof err === 'object' && 'type' in err && err.type === 'entity.too.large') {
      e = new HttpError(413, 'too-large', 'The request body is too large.');
    } else if (err && typeof err === 'object' && 'type' in err && err.type === 'entity.parse.failed') {
      e = new HttpError(400, 'bad-json', 'The request body is not valid JSON.');
    } else if (err && typeof err === 'object' && 'status' in err && typeof err.status === 'number' && err.status >= 400 && err.status < 500) {
      e = new HttpError(err.status, 'bad-request', 'The request could not be read.');
    } else {
      log.error('http.unhandled', { kind: err instanceof Error ? err.constructor.name : typeof err });
      e = new HttpError(500, 'internal', 'Something went wrong on the server. Nothing was changed.');
    }
    if (res.headersSent) return;
    res.status(e.status).json({ error: { code: e.code, message: e.message, ...(e.details === undefined ? {} : { details: e.details }) } });
  };
}
