import { parseUkDate } from '../../../shared/dates.js';
import { MAX_LABEL_CHARS } from '../../../shared/limits.js';
import { CreateReviewBodySchema, type CreateReviewBody } from '../../../shared/schemas/api.js';

/** What a person has typed into the create-review form. Dates are as typed (DD/MM/YYYY). */
export type ReviewFormValues = {
  kind: '' | 'rapid-review' | 'lcspr';
  title: string;
  childPseudonym: string;
  referralDate: string;
  periodStart: string;
  periodEnd: string;
};

/** A field of the create-review form. */
export type ReviewFormField = keyof ReviewFormValues;

/** An empty create-review form. */
export const EMPTY_REVIEW_FORM: ReviewFormValues = {
  kind: '',
  title: '',
  childPseudonym: '',
  referralDate: '',
  periodStart: '',
  periodEnd: '',
};

/**
 * Checks the create-review form and, when it is valid, builds the POST /api/reviews body with ISO dates.
 * Errors are keyed by field, in the order the fields appear, with messages that say how to fix them.
 */
export function validateReviewForm(v: ReviewFormValues): {
  errors: Partial<Record<ReviewFormField, string>>;
  body: CreateReviewBody | null;
} {
  const errors: Partial<Record<ReviewFormField, string>> = {};
  if (!v.kind) errors.kind = 'Select the kind of review';
  const title = v.title.trim();
  if (!title) errors.title = 'Enter a title or reference for the review';
  else if (title.length > MAX_LABEL_CHARS) errors.title = `Title must be ${MAX_LABEL_CHARS} characters or fewer`;
  const pseudonym = v.childPseudonym.trim();
  if (!pseudonym) errors.childPseudonym = "Enter the child's pseudonym, for example Child A";
  else if (pseudonym.length > MAX_LABEL_CHARS) errors.childPseudonym = `Pseudonym must be ${MAX_LABEL_CHARS} characters or fewer`;

  const date = (field: 'referralDate' | 'periodStart' | 'periodEnd', what: string): string | undefined => {
    const raw = v[field].trim();
    if (!raw) return undefined;
    const iso = parseUkDate(raw);
    if (!iso) errors[field] = `${what} must be a real date, written as DD/MM/YYYY`;
    return iso ?? undefined;
  };
  const referralDate = date('referralDate', 'Referral or notification date');
  const periodStart = date('periodStart', 'Start of the period under review');
  const periodEnd = date('periodEnd', 'End of the period under review');
  if (periodStart && periodEnd && periodStart > periodEnd) {
    errors.periodEnd = 'End of the period under review must be the same as or after its start';
  }
  if (Object.keys(errors).length > 0 || !v.kind) return { errors, body: null };

  const candidate = {
    title,
    kind: v.kind,
    childPseudonym: pseudonym,
    ...(referralDate ? { referralDate } : {}),
    ...(periodStart ? { periodStart } : {}),
    ...(periodEnd ? { periodEnd } : {}),
  };
  const parsed = CreateReviewBodySchema.safeParse(candidate);
  if (!parsed.success) {
    // The checks above mirror the schema; this only catches a rule added to the schema later.
    const first = parsed.error.issues[0];
    const field = (first?.path[0] as ReviewFormField | undefined) ?? 'title';
    return { errors: { [field]: first?.message ?? 'Check this answer' }, body: null };
  }
  return { errors, body: parsed.data };
}
