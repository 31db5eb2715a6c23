import { ApiRequestError } from '../api/ApiRequestError.js';
import type { FormError } from '../components/ErrorSummary.js';

/**
 * Turns a server error into error-summary entries. When the server names the offending fields (zod
 * issues in `details`, each with a path and message) and the form has those fields, each problem links
 * to its field; otherwise the server's message is shown once, linked to `fallbackFieldId`.
 */
export function formErrorsFromApi(
  err: unknown,
  fieldIds: Readonly<Record<string, string>>,
  fieldLabels: Readonly<Record<string, string>> = {},
  fallbackFieldId: string | null = null,
): FormError[] {
  const message = err instanceof Error ? err.message : 'Something went wrong. Please try again.';
  if (!(err instanceof ApiRequestError)) return [{ fieldId: fallbackFieldId, message }];
  const issues = issuesOf(err.details);
  const mapped: FormError[] = [];
  for (const issue of issues) {
    const id = fieldIds[issue.field];
    if (!id) continue;
    const label = fieldLabels[issue.field];
    mapped.push({ fieldId: id, message: label ? `${label} ${issue.message}` : issue.message });
  }
  return mapped.length > 0 ? mapped : [{ fieldId: fallbackFieldId, message }];
}

function issuesOf(details: unknown): { field: string; message: string }[] {
  const list = Array.isArray(details)
    ? details
    : details && typeof details === 'object' && Array.isArray((details as { issues?: unknown }).issues)
      ? (details as { issues: unknown[] }).issues
      : [];
  const out: { field: string; message: string }[] = [];
  for (const item of list) {
    if (!item || typeof item !== 'object') continue;
    const { path, message } = item as { path?: unknown; message?: unknown };
    const field = Array.isArray(path) ? String(path[0] ?? '') : typeof path === 'string' ? path.split('.')[0]! : '';
    if (field && typeof message === 'string') out.push({ field, message });
  }
  return out;
}
