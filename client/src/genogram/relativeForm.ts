import { parseUkDate } from '../../../shared/dates.js';
import { MAX_LABEL_CHARS } from '../../../shared/limits.js';
import type { Gender } from '../../../shared/people.js';
import { PLACEHOLDER_NAME, type BirthStatus, type ChildLinkKind, type PartnershipKind } from '../../../shared/genogram/index.js';
import type { NewPerson, RelativePlan } from './actions.js';

/** Which relative the add form is adding, relative to the selected person. */
export type RelativeMode = 'person' | 'partner' | 'child' | 'parent' | 'sibling';

/** The add form as typed. Dates are DD/MM/YYYY text; choices hold ids ('' for none). */
export type RelativeFormValues = {
  name: string;
  unknown: boolean;
  gender: Gender;
  dateOfBirth: string;
  dateOfDeath: string;
  relationship: string;
  birthStatus: BirthStatus;
  partnership: PartnershipKind;
  link: ChildLinkKind;
  /** For a child: the couple (partnership id) they hang from, or '' for the selected person alone. */
  otherParent: string;
  /** For a parent: the existing single parent to make a couple with, or ''. */
  coupleWith: string;
  /** For a sibling: the parent link ('person:id' or 'partnership:id') to hang from. */
  parentRef: string;
  /** Whether the relative is someone new or someone already in the people register. */
  who: 'new' | 'existing';
  /** The register id of the existing person to link, when `who` is 'existing'. */
  existing: string;
};

/** A field of the add form that can be in error. */
export type RelativeField = 'name' | 'dateOfBirth' | 'dateOfDeath' | 'relationship' | 'existing';

/** The headings of the add form for each mode. */
export const MODE_TITLES: Record<RelativeMode, string> = {
  person: 'Add a person',
  partner: 'Add or link a partner',
  child: 'Add or link a child',
  parent: 'Add or link a parent',
  sibling: 'Add or link a brother or sister',
};

/** A blank add form; `defaults` fills the mode's choices (the first partner, the only parent, the first parent link). */
export function blankRelativeForm(defaults: Partial<RelativeFormValues> = {}): RelativeFormValues {
  return {
    name: '',
    unknown: false,
    gender: 'unknown',
    dateOfBirth: '',
    dateOfDeath: '',
    relationship: '',
    birthStatus: 'born',
    partnership: 'married',
    link: 'birth',
    otherParent: '',
    coupleWith: '',
    parentRef: '',
    who: 'new',
    existing: '',
    ...defaults,
  };
}

/**
 * Checks the add form and turns it into the person to add and how they join the family. A person whose
 * identity is not known is added as a placeholder named "Unknown".
 */
export function relativeFormToInput(
  mode: RelativeMode,
  anchorId: string | null,
  v: RelativeFormValues,
): {
  errors: Partial<Record<RelativeField, string>>;
  input: { plan: RelativePlan; fields: NewPerson } | null;
} {
  const errors: Partial<Record<RelativeField, string>> = {};
  const linking = mode !== 'person' && anchorId !== null && v.who === 'existing';
  if (linking) {
    if (!v.existing) return { errors: { existing: 'Choose the person from the people register' }, input: null };
    const fields: NewPerson = { name: '', gender: 'unknown', dateOfBirth: null, dateOfDeath: null, relationship: '', isSubject: false, birthStatus: 'born' };
    return { errors, input: { plan: { ...planFor(mode, anchorId, v), existingId: v.existing } as RelativePlan, fields } };
  }
  const name = v.unknown ? PLACEHOLDER_NAME : v.name.trim();
  if (!name) errors.name = "Enter the person's name, or tick that it is not known";
  else if (name.length > MAX_LABEL_CHARS) errors.name = `Name must be ${MAX_LABEL_CHARS} characters or fewer`;
  const dob = v.dateOfBirth.trim() ? parseUkDate(v.dateOfBirth) : null;
  if (v.dateOfBirth.trim() && !dob) errors.dateOfBirth = 'Date of birth must be a real date, written as DD/MM/YYYY';
  const dod = v.dateOfDeath.trim() ? parseUkDate(v.dateOfDeath) : null;
  if (v.dateOfDeath.trim() && !dod) errors.dateOfDeath = 'Date of death must be a real date, written as DD/MM/YYYY';
  else if (dob && dod && dod < dob) errors.dateOfDeath = 'Date of death must be the same as or after the date of birth';
  if (v.relationship.trim().length > MAX_LABEL_CHARS) errors.relationship = `Relationship must be ${MAX_LABEL_CHARS} characters or fewer`;
  if (Object.keys(errors).length > 0) return { errors, input: null };
  const fields: NewPerson = {
    name,
    gender: v.gender,
    dateOfBirth: dob,
    dateOfDeath: dod,
    relationship: v.relationship.trim(),
    isSubject: false,
    birthStatus: v.birthStatus,
  };
  return { errors, input: { plan: planFor(mode, anchorId, v), fields } };
}

/** How the relative joins the family, from the form's choices. */
function planFor(mode: RelativeMode, anchorId: string | null, v: RelativeFormValues): RelativePlan {
  if (mode === 'person' || !anchorId) return { kind: 'person' };
  if (mode === 'partner') return { kind: 'partner', of: anchorId, partnership: v.partnership };
  if (mode === 'child') return { kind: 'child', of: anchorId, partnershipId: v.otherParent || null, link: v.link };
  if (mode === 'parent') return { kind: 'parent', of: anchorId, link: v.link, coupleWith: v.coupleWith || null, partnership: v.partnership };
  return { kind: 'sibling', of: anchorId, parentRef: v.parentRef || null };
}
