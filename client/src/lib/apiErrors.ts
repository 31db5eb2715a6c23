import { ApiRequestError } from '../api/ApiRequestError.js';
import type { FormError } from '../components/ErrorSummary.js';

/**
 * Turns a server error into error-summary entries.
 * - A validation error (400 `invalid`) names the offending fields in `details.fields: [{path, message}]`
 *   (docs/api.md); each problem the form has a field for links to that field.
 * - An error code the form knows (for example `duplicate-short-code`) links the server's message to the
 *   field in `codeFields`.
 * - Anything else shows the server's message once, linked to `fallbackFieldId`.
 */
export function formErrorsFromApi(
  err: unknown,
  fieldIds: Readonly<Record<string, string>>,
  fieldLabels: Readonly<Record<string, string>> = {},
  fallbackFieldId: string | null = null,
  codeFields: Readonly<Record<string, string>> = {},
): FormError[] {
  const message = err instanceof Error ? err.message : 'Something went wrong. Please try again.';
  if (!(err instanceof ApiRequestError)) return [{ fieldId: fallbackFieldId, message }];
  const byCode = codeFields[err.code];
  if (byCode && fieldIds[byCode]) return [{ fieldId: fieldIds[byCode]!, message }];
  const mapped: FormError[] = [];
  for (const issue of issuesOf(err.details)) {
    const id = fieldIds[issue.field];
    if (!id) continue;
    const label = fieldLabels[issue.field];
    mapped.push({ fieldId: id, message: label ? `${label}: ${issue.message}` : issue.message });
  }
  return mapped.length > 0 ? mapped : [{ fieldId: fallbackFieldId, message }];
}

/**
 * The field problems in an error's details. The server sends `{fields: [{path: "a.b", message}]}`; a bare
 * array or zod's `{issues: [{path: ["a"], message}]}` are read too, so a change of envelope degrades to
 * the plain message rather than breaking the form.
 */
export function issuesOf(details: unknown): { field: string; message: string }[] {
  const listIn = (key: string): unknown[] | null => {
    if (!details || typeof details !== 'object' || Array.isArray(details)) return null;
    const v = (details as Record<string, unknown>)[key];
    return Array.isArray(v) ? v : null;
  };
  const list = Array.isArray(details) ? details : (listIn('fields') ?? listIn('issues') ?? []);
  const out: { field: string; message: string }[] = [];
  for (const item of list) {
    if (!item || typeof item !== 'object') continue;
    const { path, message } = item as { path?: unknown; message?: unknown };
    const field = Array.isArray(path) ? String(path[0] ?? '') : typeof path === 'string' ? path.split('.')[0]! : '';
    if (field && typeof message === 'string') out.push({ field, message });
  }
  return out;
}
