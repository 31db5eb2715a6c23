import {
  ChronologyEntrySchema,
  MAX_FAMILY_CONTACTS,
  MAX_SEQUENCE,
  TeamFieldsSchema,
  formatChronologyDate,
  validateEntryDate,
  type ChildContact,
  type ChronologyCategory,
  type ChronologyDate,
  type ChronologyEntry,
  type TeamFields,
} from '../../../shared/chronology/index.js';
import type { IsoDate } from '../../../shared/dates.js';
import { MAX_LABEL_CHARS, MAX_TEXT_CHARS } from '../../../shared/limits.js';

/**
 * The chronology row form: values as typed, turning them into an entry with the shared validation
 * (validateEntryDate and ChronologyEntrySchema), and merging an edit into a row a colleague may have
 * changed meanwhile. The review team's fields have their own small form, because they are written to
 * another document by other people.
 */

/** The row form's values, as typed. */
export type EntryFormValues = {
  date: string;
  time: string;
  sequence: string;
  source: string;
  category: ChronologyCategory;
  childContact: ChildContact;
  childContactBy: string;
  familyContactIds: string[];
  familyContactBy: string;
  keyEvent: string;
  comment: string;
  /** Other information (an imported file's extra columns), editable like the rest. */
  otherInfo: string;
};

/** A field of the row form. */
export type EntryFormField = keyof EntryFormValues;

/** The order fields appear in, so the error summary lists problems top to bottom. */
export const ENTRY_FIELD_ORDER: readonly EntryFormField[] = [
  'date',
  'time',
  'sequence',
  'category',
  'source',
  'childContact',
  'childContactBy',
  'familyContactIds',
  'familyContactBy',
  'keyEvent',
  'comment',
  'otherInfo',
];

/** The review team's form: key practice learning event, workshop phase ('' for none) and note. */
export type TeamFormValues = { keyLearning: boolean; phaseId: string; note: string };

/** Fills the form from a stored row. The date is written as it is shown, which the parser reads back. */
export function entryToForm(e: ChronologyEntry): EntryFormValues {
  return {
    date: formatChronologyDate(e.date),
    time: e.time ?? '',
    sequence: String(e.sequence),
    source: e.source,
    category: e.category,
    childContact: e.childContact,
    childContactBy: e.childContactBy,
    familyContactIds: [...e.familyContactIds],
    familyContactBy: e.familyContactBy,
    keyEvent: e.keyEvent,
    comment: e.comment,
    otherInfo: e.otherInfo ?? '',
  };
}

/** A blank form for a new row. */
export function blankEntryForm(): EntryFormValues {
  return {
    date: '',
    time: '',
    sequence: '',
    source: '',
    category: 'other',
    childContact: 'none',
    childContactBy: '',
    familyContactIds: [],
    familyContactBy: '',
    keyEvent: '',
    comment: '',
    otherInfo: '',
  };
}

/** What checking the row form found. `entry` is null while any error remains. */
export type EntryFormResult = {
  errors: Partial<Record<EntryFormField, string>>;
  /** A future date: allowed once the author confirms it. */
  warning: string | null;
  /** The date falls wholly before the child's birth: allowed, and said so. */
  beforeBirth: boolean;
  entry: ChronologyEntry | null;
};

/** Reads "9:05", "09:05" or "09.05" as "09:05"; null when blank; undefined when unreadable. */
export function normaliseTime(text: string): string | null | undefined {
  const t = text.trim();
  if (!t) return null;
  const m = /^(\d{1,2})[:.](\d{2})$/.exec(t);
  if (!m) return undefined;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 23 || min > 59) return undefined;
  return `${String(h).padStart(2, '0')}:${m[2]}`;
}

/**
 * Checks the row form and builds the entry. The date must parse; a future date gives a warning, not
 * an error; a date before the child's birth is allowed. A blank order within the day takes
 * `defaultSequence` (the next free number for that day).
 */
export function formToEntry(
  id: string,
  agencyId: string,
  v: EntryFormValues,
  ctx: { todayIso: IsoDate; childDateOfBirth: IsoDate | null; defaultSequence(date: ChronologyDate): number },
): EntryFormResult {
  const errors: Partial<Record<EntryFormField, string>> = {};
  const check = validateEntryDate(v.date, ctx.todayIso, ctx.childDateOfBirth);
  if (check.error) errors.date = check.error;
  const time = normaliseTime(v.time);
  if (time === undefined) errors.time = 'Enter the time as HH:MM on the 24-hour clock, for example 14:30, or leave it blank';
  let sequence = 0;
  if (v.sequence.trim()) {
    if (!/^\d{1,4}$/.test(v.sequence.trim()) || Number(v.sequence) > MAX_SEQUENCE) {
      errors.sequence = `Enter the order within the day as a whole number from 0 to ${MAX_SEQUENCE}, or leave it blank`;
    } else sequence = Number(v.sequence);
  } else if (check.date) sequence = ctx.defaultSequence(check.date);
  const label = (field: EntryFormField, value: string, what: string) => {
    if (value.trim().length > MAX_LABEL_CHARS) errors[field] = `${what} must be ${MAX_LABEL_CHARS} characters or fewer`;
  };
  label('source', v.source, 'Source of information');
  label('childContactBy', v.childContactBy, 'Who had contact with the child');
  label('familyContactBy', v.familyContactBy, 'Who had contact with the family');
  if (v.familyContactIds.length > MAX_FAMILY_CONTACTS) errors.familyContactIds = `Choose ${MAX_FAMILY_CONTACTS} family members or fewer`;
  if (!v.keyEvent.trim()) errors.keyEvent = 'Enter the key event or action undertaken';
  else if (v.keyEvent.length > MAX_TEXT_CHARS) errors.keyEvent = `The key event must be ${MAX_TEXT_CHARS.toLocaleString('en-GB')} characters or fewer`;
  if (v.otherInfo.length > MAX_TEXT_CHARS) errors.otherInfo = `Other information must be ${MAX_TEXT_CHARS.toLocaleString('en-GB')} characters or fewer`;
  if (v.comment.length > MAX_TEXT_CHARS) errors.comment = `The comment must be ${MAX_TEXT_CHARS.toLocaleString('en-GB')} characters or fewer`;
  const base = { errors, warning: check.warning, beforeBirth: check.beforeBirth };
  if (Object.keys(errors).length > 0 || !check.date) return { ...base, entry: null };

  const parsed = ChronologyEntrySchema.safeParse({
    id,
    agencyId,
    date: check.date,
    time,
    sequence,
    source: v.source.trim(),
    childContact: v.childContact,
    childContactBy: v.childContactBy.trim(),
    familyContactIds: [...new Set(v.familyContactIds)],
    familyContactBy: v.familyContactBy.trim(),
    keyEvent: v.keyEvent.trim(),
    comment: v.comment.trim(),
    category: v.category,
    otherInfo: v.otherInfo.trim(),
  });
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const field = (first?.path[0] as EntryFormField | undefined) ?? 'keyEvent';
    return { ...base, errors: { [ENTRY_FIELD_ORDER.includes(field) ? field : 'keyEvent']: first?.message ?? 'Check this answer' }, entry: null };
  }
  return { ...base, entry: parsed.data };
}

/** True when two dates name the same day, month or year at the same precision (the uncertainty mark aside). */
export function sameDatePosition(a: ChronologyDate, b: ChronologyDate): boolean {
  return a.precision === b.precision && a.year === b.year && a.month === b.month && a.day === b.day;
}

/** The next order number for a new row on `date` in an agency's rows: one more than the highest, or 0. */
export function nextSequence(entries: Iterable<Pick<ChronologyEntry, 'date' | 'sequence'>>, date: ChronologyDate): number {
  let max = -1;
  for (const e of entries) if (sameDatePosition(e.date, date) && e.sequence > max) max = e.sequence;
  return Math.min(MAX_SEQUENCE, max + 1);
}

/**
 * Applies one person's edit on top of the record as it is now. Only fields this editor changed
 * (compared with what they opened) are taken from the edit; every other field keeps its current
 * value, so a colleague's concurrent change to another field is not overwritten. A record removed
 * meanwhile is written again as edited.
 */
export function mergeEdit<T extends object>(opened: T, edited: T, current: T | null): T {
  if (!current) return edited;
  const out: Record<string, unknown> = { ...(current as Record<string, unknown>) };
  for (const key of Object.keys(edited) as (keyof T & string)[]) {
    if (JSON.stringify(edited[key]) !== JSON.stringify(opened[key])) out[key] = edited[key];
  }
  return out as T;
}

/** Fills the review team's form from stored fields. */
export function teamToForm(t: TeamFields): TeamFormValues {
  return { keyLearning: t.keyLearning, phaseId: t.phaseId ?? '', note: t.note };
}

/** Checks the review team's form and builds the fields to write. */
export function formToTeam(v: TeamFormValues): { error: string | null; fields: TeamFields | null } {
  if (v.note.length > MAX_TEXT_CHARS) return { error: `The review team note must be ${MAX_TEXT_CHARS.toLocaleString('en-GB')} characters or fewer`, fields: null };
  const parsed = TeamFieldsSchema.safeParse({ keyLearning: v.keyLearning, phaseId: v.phaseId || null, note: v.note.trim() });
  if (!parsed.success) return { error: 'Choose a workshop phase from the list', fields: null };
  return { error: null, fields: parsed.data };
}
