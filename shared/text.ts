import { z } from 'zod';

/**
 * Characters refused in any text field: C0 controls other than tab, line feed and carriage return,
 * DEL and the C1 controls, and UTF-16 surrogates without their pair. A NUL or an escape sequence in a
 * title can truncate or corrupt it in exports and terminals, and a lone surrogate cannot be encoded
 * as UTF-8 in a .docx, .xlsx or .csv.
 */
const UNSAFE_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The message a refused text field gets; it names the problem, never the value. */
export const UNSAFE_TEXT_MESSAGE = 'must not contain control characters or broken Unicode';

/** True when a string holds no control character (other than tab and line breaks) and no lone surrogate. */
export function isSafeText(s: string): boolean {
  return !UNSAFE_TEXT.test(s);
}

/** A string schema that refuses unsafe characters; every free-text field in shared/ is built on it. */
export function safeString(): z.ZodString {
  return z.string().refine(isSafeText, UNSAFE_TEXT_MESSAGE);
}

/**
 * The dotted path of the first string at any depth (keys included) holding unsafe text, or null.
 * Used on every REST body as well as the per-field refinement, so a field a schema builds from a plain
 * `z.string()` is still covered. Depth is bounded by the caller's forbidden-key check.
 */
export function findUnsafeText(value: unknown, path: string[] = [], depth = 0): string | null {
  if (typeof value === 'string') return isSafeText(value) ? null : path.join('.') || '(body)';
  if (depth > 64 || !value || typeof value !== 'object') return null;
  for (const [k, v] of Object.entries(value)) {
    if (!isSafeText(k)) return [...path, '(key)'].join('.');
    const found = findUnsafeText(v, [...path, k], depth + 1);
    if (found) return found;
  }
  return null;
}
