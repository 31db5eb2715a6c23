import type { z } from 'zod';
import { UNSAFE_TEXT_MESSAGE, findUnsafeText } from '../../shared/text.js';
import { HttpError } from './errors.js';

/** Keys that could pollute prototypes if a body were ever merged into an object. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** True when any object key at any depth is a forbidden key. */
export function hasForbiddenKey(value: unknown, depth = 0): boolean {
  if (depth > 64) return true;
  if (Array.isArray(value)) return value.some((v) => hasForbiddenKey(v, depth + 1));
  if (value && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) return true;
      if (hasForbiddenKey((value as Record<string, unknown>)[key], depth + 1)) return true;
    }
  }
  return false;
}

/**
 * Validates untrusted input with a shared zod schema, or throws a 400 listing each problem by field.
 * The messages name fields, never echo the values, so errors cannot reflect case content.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what = 'request body'): z.output<S> {
  if (hasForbiddenKey(input)) throw new HttpError(400, 'forbidden-key', `The ${what} uses a reserved key.`);
  // Every string in a body is checked, not only the fields whose schema uses safeString().
  const unsafe = findUnsafeText(input);
  if (unsafe !== null) {
    const fields = [{ path: unsafe, message: UNSAFE_TEXT_MESSAGE }];
    throw new HttpError(400, 'invalid', `The ${what} is not valid: ${unsafe} ${UNSAFE_TEXT_MESSAGE}.`, { fields });
  }
  const result = schema.safeParse(input);
  if (!result.success) {
    const fields = result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    const summary = fields.map((f) => (f.path ? `${f.path} ${f.message}` : f.message)).join('; ');
    throw new HttpError(400, 'invalid', `The ${what} is not valid: ${summary}.`, { fields });
  }
  return result.data;
}
