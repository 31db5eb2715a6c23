import { OrgChangeSchema, formatChronologyDate, validateEntryDate, type OrgChange } from '../../../shared/chronology/index.js';
import type { IsoDate } from '../../../shared/dates.js';
import { MAX_TEXT_CHARS } from '../../../shared/limits.js';

/**
 * The organisational change form: values as typed, and turning them into a change with the same
 * date rules as key events (validateEntryDate: DD/MM/YYYY, MM/YYYY or YYYY, "?" or "c.", a future
 * date warned about rather than refused) and the shared OrgChangeSchema.
 */

/** The form's values, as typed. */
export type OrgChangeFormValues = { date: string; change: string; impact: string };

/** A field of the form. */
export type OrgChangeFormField = keyof OrgChangeFormValues;

/** The order fields appear in, so the error summary lists problems top to bottom. */
export const ORG_CHANGE_FIELD_ORDER: readonly OrgChangeFormField[] = ['date', 'change', 'impact'];

/** A blank form for a new change. */
export const BLANK_ORG_CHANGE_FORM: OrgChangeFormValues = { date: '', change: '', impact: '' };

/** Fills the form from a stored change; the date is written as it is shown, which the parser reads back. */
export function orgChangeToForm(c: OrgChange): OrgChangeFormValues {
  return { date: formatChronologyDate(c.date), change: c.change, impact: c.impact };
}

/** What checking the form found. `change` is null while any error remains. */
export type OrgChangeFormResult = {
  errors: Partial<Record<OrgChangeFormField, string>>;
  /** A future date: allowed once the author confirms it (a restructure already announced, say). */
  warning: string | null;
  change: OrgChange | null;
};

/**
 * Checks the form and builds the change. The date must parse and the change must be described; its
 * impact on frontline practice may be left for later, because an agency often knows a change
 * happened before it has judged what it did.
 */
export function formToOrgChange(id: string, agencyId: string, v: OrgChangeFormValues, todayIso: IsoDate): OrgChangeFormResult {
  const errors: Partial<Record<OrgChangeFormField, string>> = {};
  const check = validateEntryDate(v.date, todayIso);
  if (check.error) errors.date = check.error;
  const change = v.change.trim();
  const impact = v.impact.trim();
  if (!change) errors.change = 'Describe the organisational change';
  else if (change.length > MAX_TEXT_CHARS) errors.change = `The organisational change must be ${MAX_TEXT_CHARS.toLocaleString('en-GB')} characters or fewer`;
  if (impact.length > MAX_TEXT_CHARS) errors.impact = `The impact on frontline practice must be ${MAX_TEXT_CHARS.toLocaleString('en-GB')} characters or fewer`;
  if (Object.keys(errors).length > 0 || !check.date) return { errors, warning: check.warning, change: null };
  const parsed = OrgChangeSchema.safeParse({ id, agencyId, date: check.date, change, impact });
  if (!parsed.success) return { errors: { change: 'This change cannot be saved. Check each answer and try again.' }, warning: null, change: null };
  return { errors: {}, warning: check.warning, change: parsed.data };
}
