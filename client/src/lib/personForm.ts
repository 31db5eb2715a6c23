import { formatUkDate, parseUkDate } from '../../../shared/dates.js';
import { MAX_LABEL_CHARS, MAX_TEXT_CHARS } from '../../../shared/limits.js';
import { PersonSchema, type Gender, type Person } from '../../../shared/people.js';

/** The person form as typed: lists are one entry per line and dates are DD/MM/YYYY text. */
export type PersonFormValues = {
  name: string;
  aliases: string;
  relationship: string;
  dateOfBirth: string;
  dateOfDeath: string;
  gender: Gender;
  ethnicity: string;
  addresses: string;
  nhsNumber: string;
  notes: string;
  isSubject: boolean;
  reportLabel: string;
};

/** A field of the person form. */
export type PersonFormField = keyof PersonFormValues;

/** The order fields appear in, so that the error summary lists problems top to bottom. */
export const PERSON_FIELD_ORDER: readonly PersonFormField[] = [
  'name',
  'aliases',
  'relationship',
  'isSubject',
  'dateOfBirth',
  'dateOfDeath',
  'gender',
  'ethnicity',
  'addresses',
  'nhsNumber',
  'reportLabel',
  'notes',
];

/** Human labels for genders, as the form offers them. */
export const GENDER_LABELS: Record<Gender, string> = {
  female: 'Female',
  male: 'Male',
  other: 'Other',
  unknown: 'Not known',
};

/** Fills the form from a stored person. */
export function personToForm(p: Person): PersonFormValues {
  return {
    name: p.name,
    aliases: p.aliases.join('\n'),
    relationship: p.relationship,
    dateOfBirth: p.dateOfBirth ? formatUkDate(p.dateOfBirth) : '',
    dateOfDeath: p.dateOfDeath ? formatUkDate(p.dateOfDeath) : '',
    gender: p.gender,
    ethnicity: p.ethnicity,
    addresses: p.addresses.join('\n'),
    nhsNumber: p.nhsNumber,
    notes: p.notes,
    isSubject: p.isSubject,
    reportLabel: p.reportLabel,
  };
}

function lines(s: string): string[] {
  return s
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}

/**
 * Checks the person form and builds the Person to write. A blank report label is left blank here; the
 * caller fills it from suggestReportLabel, which needs the whole register.
 */
export function formToPerson(
  id: string,
  v: PersonFormValues,
): {
  errors: Partial<Record<PersonFormField, string>>;
  person: Person | null;
} {
  const errors: Partial<Record<PersonFormField, string>> = {};
  const label = (field: PersonFormField, value: string, what: string) => {
    if (value.trim().length > MAX_LABEL_CHARS) errors[field] = `${what} must be ${MAX_LABEL_CHARS} characters or fewer`;
  };
  const name = v.name.trim();
  if (!name) errors.name = "Enter the person's name, or 'Not known'";
  label('name', name, 'Name');
  const aliases = lines(v.aliases);
  if (aliases.length > 20) errors.aliases = 'Enter 20 other names or fewer';
  else if (aliases.some((a) => a.length > MAX_LABEL_CHARS)) errors.aliases = `Each other name must be ${MAX_LABEL_CHARS} characters or fewer`;
  label('relationship', v.relationship, 'Relationship to the child');
  const dob = v.dateOfBirth.trim() ? parseUkDate(v.dateOfBirth) : null;
  if (v.dateOfBirth.trim() && !dob) errors.dateOfBirth = 'Date of birth must be a real date, written as DD/MM/YYYY';
  const dod = v.dateOfDeath.trim() ? parseUkDate(v.dateOfDeath) : null;
  if (v.dateOfDeath.trim() && !dod) errors.dateOfDeath = 'Date of death must be a real date, written as DD/MM/YYYY';
  else if (dob && dod && dod < dob) errors.dateOfDeath = 'Date of death must be the same as or after the date of birth';
  label('ethnicity', v.ethnicity, 'Ethnicity');
  const addresses = lines(v.addresses);
  if (addresses.length > 20) errors.addresses = 'Enter 20 addresses or fewer';
  else if (addresses.some((a) => a.length > MAX_LABEL_CHARS)) errors.addresses = `Each address must be ${MAX_LABEL_CHARS} characters or fewer`;
  const nhs = v.nhsNumber.trim();
  if (nhs && !/^\d{3} ?\d{3} ?\d{4}$/.test(nhs)) errors.nhsNumber = 'NHS number must be 10 digits, for example 485 777 3456';
  if (v.notes.length > MAX_TEXT_CHARS) errors.notes = `Notes must be ${MAX_TEXT_CHARS} characters or fewer`;
  label('reportLabel', v.reportLabel, 'Report label');
  if (Object.keys(errors).length > 0) return { errors, person: null };

  const parsed = PersonSchema.safeParse({
    id,
    name,
    aliases,
    relationship: v.relationship.trim(),
    dateOfBirth: dob,
    dateOfDeath: dod,
    gender: v.gender,
    ethnicity: v.ethnicity.trim(),
    addresses,
    nhsNumber: nhs,
    notes: v.notes,
    isSubject: v.isSubject,
    reportLabel: v.reportLabel.trim(),
  });
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const field = (first?.path[0] as PersonFormField | undefined) ?? 'name';
    return { errors: { [field]: first?.message ?? 'Check this answer' }, person: null };
  }
  return { errors, person: parsed.data };
}

/**
 * Applies one person's edit on top of the register as it is now. Only fields this editor changed
 * (compared with what they opened) are taken from the edit; every other field keeps the current value,
 * so a colleague's concurrent change to another field is not overwritten.
 */
export function mergePersonEdit(opened: Person, edited: Person, current: Person | null): Person {
  if (!current) return edited;
  const out: Record<string, unknown> = { ...current };
  for (const key of Object.keys(edited) as (keyof Person)[]) {
    if (JSON.stringify(edited[key]) !== JSON.stringify(opened[key])) out[key] = edited[key];
  }
  return out as Person;
}
