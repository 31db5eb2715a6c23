import type { z } from 'zod';
import { ApiErrorSchema } from '../../../shared/schemas/api.js';
import { ApiRequestError } from './ApiRequestError.js';

/** Called when any request comes back 401, so the session context can show the sign-in page. */
let onUnauthorised: (() => void) | null = null;

/** Registers the handler for 401 responses (the session context does this once). */
export function setUnauthorisedHandler(handler: (() => void) | null): void {
  onUnauthorised = handler;
}

/**
 * Calls the REST API. State-changing requests always send a JSON body and `content-type:
 * application/json`, which the server's CSRF guard requires. A JSON error envelope becomes an
 * ApiRequestError with the server's message; a response that does not match `schema` is an error too,
 * so a page never renders data it does not understand.
 */
export async function apiRequest<T>(
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  path: string,
  opts: { body?: unknown; schema?: z.ZodType<T>; skipUnauthorisedHandler?: boolean } = {},
): Promise<T> {
  const init: RequestInit = { method, credentials: 'same-origin', headers: { accept: 'application/json' } };
  if (method !== 'GET') {
    init.headers = { ...init.headers, 'content-type': 'application/json' };
    init.body = JSON.stringify(opts.body ?? {});
  }
  let res: Response;
  try {
    res = await fetch(path, init);
  } catch {
    throw new ApiRequestError(0, 'network', 'Could not reach the server. Check your connection and try again.');
  }
  const text = await res.text();
  let json: unknown = null;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
  }
  if (!res.ok) {
    if (res.status === 401 && !opts.skipUnauthorisedHandler) onUnauthorised?.();
    const parsed = ApiErrorSchema.safeParse(json);
    if (parsed.success) {
      const { code, message, details } = parsed.data.error;
      throw new ApiRequestError(res.status, code, message, details);
    }
    throw new ApiRequestError(res.status, 'http', `The server answered ${res.status}. Please try again.`);
  }
  if (!opts.schema) return json as T;
  const parsed = opts.schema.safeParse(json);
  if (!parsed.success) {
    throw new ApiRequestError(res.status, 'bad-response', 'The server sent a response this page does not understand.');
  }
  return parsed.data;
}

/** A readable message for any error thrown by apiRequest or elsewhere. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiRequestError) return err.message;
  if (err instanceof Error) return err.message;
  return 'Something went wrong. Please try again.';
}
