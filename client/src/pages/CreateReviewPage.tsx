import { useState, type FormEvent } from 'react';
import { apiRequest } from '../api/client.js';
import { CreatedSchema } from '../api/schemas.js';
import { DateField } from '../components/DateField.js';
import { ErrorSummary, type FormError } from '../components/ErrorSummary.js';
import { RadioGroup } from '../components/RadioGroup.js';
import { TextField } from '../components/TextField.js';
import { usePageTitle } from '../hooks/usePageTitle.js';
import { Notice } from '../components/Notice.js';
import { formErrorsFromApi } from '../lib/apiErrors.js';
import { REVIEW_KIND_HINTS, REVIEW_KIND_LABELS } from '../lib/labels.js';
import { canCreateReview } from '../lib/permissions.js';
import { EMPTY_REVIEW_FORM, validateReviewForm, type ReviewFormField, type ReviewFormValues } from '../lib/reviewForm.js';
import { Link } from '../router/Link.js';
import { navigate } from '../router/navigation.js';
import { useMe } from '../session/sessionContext.js';

const FIELD_IDS: Record<ReviewFormField, string> = {
  kind: 'review-kind',
  title: 'review-title',
  childPseudonym: 'review-pseudonym',
  referralDate: 'review-referral-date',
  periodStart: 'review-period-start',
  periodEnd: 'review-period-end',
};

const FIELD_LABELS: Record<ReviewFormField, string> = {
  kind: 'Kind of review',
  title: 'Title or reference',
  childPseudonym: "Child's pseudonym",
  referralDate: 'Referral or notification date',
  periodStart: 'Start of the period under review',
  periodEnd: 'End of the period under review',
};

const ORDER = Object.keys(FIELD_IDS) as ReviewFormField[];

/**
 * The form that creates a review: kind, title, the child's pseudonym, and its dates. People the server
 * would refuse (neither a partnership admin nor a lead reviewer) are told so instead of given the form.
 */
export function CreateReviewPage() {
  usePageTitle('Create a review');
  const me = useMe();
  const [values, setValues] = useState<ReviewFormValues>(EMPTY_REVIEW_FORM);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<ReviewFormField, string>>>({});
  const [summary, setSummary] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const set =
    <K extends ReviewFormField>(k: K) =>
    (v: ReviewFormValues[K]) =>
      setValues((s) => ({ ...s, [k]: v }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const { errors, body } = validateReviewForm(values);
    setFieldErrors(errors);
    setSummary(ORDER.filter((f) => errors[f]).map((f) => ({ fieldId: FIELD_IDS[f], message: errors[f]! })));
    setAttempt((n) => n + 1);
    if (!body) return;
    setBusy(true);
    try {
      const { id } = await apiRequest('POST', '/api/reviews', { body, schema: CreatedSchema });
      navigate(`/reviews/${encodeURIComponent(id)}/overview`);
    } catch (err) {
      setSummary(formErrorsFromApi(err, FIELD_IDS, FIELD_LABELS, FIELD_IDS.title));
      setAttempt((n) => n + 1);
      setBusy(false);
    }
  };

  if (!canCreateReview(me)) {
    return (
      <div className="narrow">
        <p>
          <Link to="/" className="back-link">
            Back to your reviews
          </Link>
        </p>
        <h1>Create a review</h1>
        <Notice title="You cannot create a review">
          <p>Only a partnership admin or a lead reviewer can create a review. Ask your partnership admin if you need one.</p>
        </Notice>
      </div>
    );
  }

  return (
    <div className="narrow">
      <p>
        <Link to="/" className="back-link">
          Back to your reviews
        </Link>
      </p>
      <h1>Create a review</h1>
      <ErrorSummary errors={summary} focusKey={attempt} />
      <form onSubmit={submit} noValidate>
        <RadioGroup
          id={FIELD_IDS.kind}
          name="kind"
          legend="Kind of review"
          value={values.kind}
          error={fieldErrors.kind}
          onChange={(v) => set('kind')(v as ReviewFormValues['kind'])}
          options={(['rapid-review', 'lcspr'] as const).map((k) => ({ value: k, label: REVIEW_KIND_LABELS[k], hint: REVIEW_KIND_HINTS[k] }))}
        />
        <TextField
          id={FIELD_IDS.title}
          label="Title or reference"
          hint="For example, RR-2025-014. Do not use the child's real name."
          value={values.title}
          onChange={set('title')}
          error={fieldErrors.title}
          autoComplete="off"
        />
        <TextField
          id={FIELD_IDS.childPseudonym}
          label="Child's pseudonym"
          hint="The name the report will use, for example Child A."
          value={values.childPseudonym}
          onChange={set('childPseudonym')}
          error={fieldErrors.childPseudonym}
          autoComplete="off"
        />
        <DateField
          id={FIELD_IDS.referralDate}
          label="Referral or notification date (optional)"
          hint="Working-day deadlines count from this date. For example, 27/03/2024"
          value={values.referralDate}
          onChange={set('referralDate')}
          error={fieldErrors.referralDate}
        />
        <fieldset className="fieldset">
          <legend className="fieldset__legend">Time period under review (optional)</legend>
          <div className="date-range">
            <DateField id={FIELD_IDS.periodStart} label="From" value={values.periodStart} onChange={set('periodStart')} error={fieldErrors.periodStart} />
            <DateField id={FIELD_IDS.periodEnd} label="To" value={values.periodEnd} onChange={set('periodEnd')} error={fieldErrors.periodEnd} />
          </div>
        </fieldset>
        <div className="button-row">
          <button type="submit" className="button" disabled={busy}>
            {busy ? 'Creating…' : 'Create review'}
          </button>
          <Link to="/" className="button button--secondary">
            Cancel
          </Link>
        </div>
      </form>
    </div>
  );
}
