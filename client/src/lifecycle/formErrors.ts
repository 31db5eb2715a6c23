import { ApiRequestError } from '../api/ApiRequestError.js';
import type { FormError } from '../components/ErrorSummary.js';

/**
 * Turns a server refusal into error summary entries for the lifecycle forms, whose field ids are built
 * from the field's path (`idPrefix` + the path with dots as dashes). Each problem is labelled with the
 * field's visible label when the page has it, so the summary reads "Name: is required", not a path.
 */
export function lifecycleFormErrors(err: unknown, idPrefix: string, stripPrefix = ''): FormError[] {
  const message = err instanceof Error ? err.message : 'Something went wrong. Please try again.';
  if (!(err instanceof ApiRequestError)) return [{ fieldId: null, message }];
  const details = err.details as { fields?: { path?: unknown; message?: unknown }[] } | undefined;
  const out: FormError[] = [];
  for (const f of details?.fields ?? []) {
    if (typeof f.path !== 'string' || typeof f.message !== 'string') continue;
    const path = stripPrefix && f.path.startsWith(stripPrefix) ? f.path.slice(stripPrefix.length) : f.path;
    const id = fieldId(idPrefix, path);
    const el = typeof document === 'undefined' ? null : document.getElementById(id);
    const label = el ? document.querySelector(`label[for="${CSS.escape(id)}"]`)?.textContent?.trim() : undefined;
    out.push({ fieldId: el ? id : null, message: label ? `${label}: ${f.message}` : `${message}` });
  }
  return out.length > 0 ? dedupe(out) : [{ fieldId: null, message }];
}

/** A field's element id from its path: ('rr', 'participants.0.name') -> 'rr-participants-0-name'. */
export function fieldId(idPrefix: string, path: string): string {
  return `${idPrefix}-${path.replace(/\./g, '-')}`;
}

function dedupe(list: FormError[]): FormError[] {
  const seen = new Set<string>();
  return list.filter((e) => {
    const k = `${e.fieldId}|${e.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
