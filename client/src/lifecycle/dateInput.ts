import { formatUkDate, parseUkDate } from '../../../shared/dates.js';

/**
 * Dates are typed as DD/MM/YYYY in every lifecycle form and sent to the server as ISO. A form keeps
 * what the person typed until they save, so a half-typed date is never rewritten under their cursor.
 */

/** An ISO date (or null) as the text a date field starts with. */
export function isoToInput(iso: string | null | undefined): string {
  return iso ? formatUkDate(iso) : '';
}

/** Reads a typed date: null when blank, the ISO date when real, or 'invalid'. */
export function inputToIso(text: string): string | null | 'invalid' {
  if (!text.trim()) return null;
  return parseUkDate(text) ?? 'invalid';
}

/** Collects date problems while a form is converted for saving. */
export class DateCollector {
  /** Problems found, each with the field's element id. */
  readonly errors: { fieldId: string; message: string }[] = [];

  /** Converts one typed date; records a problem (and returns null) when it is not a real day. */
  take(text: string, fieldId: string, label: string): string | null {
    const iso = inputToIso(text);
    if (iso === 'invalid') {
      this.errors.push({ fieldId, message: `${label} must be a real date as DD/MM/YYYY, for example 27/03/2026` });
      return null;
    }
    return iso;
  }
}
