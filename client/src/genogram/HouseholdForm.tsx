import { useState, type FormEvent } from 'react';
import { MAX_LABEL_CHARS } from '../../../shared/limits.js';
import type { Family, Household } from '../../../shared/genogram/index.js';
import { ErrorSummary, type FormError } from '../components/ErrorSummary.js';
import { TextField } from '../components/TextField.js';
import type { NameOf } from './names.js';

/** Adds or edits a household: its label and who lives in it. */
export function HouseholdForm({
  household,
  family,
  nameOf,
  onSubmit,
  onCancel,
}: {
  household: Household;
  family: Family;
  nameOf: NameOf;
  onSubmit(h: Household): string | null;
  onCancel(): void;
}) {
  const [label, setLabel] = useState(household.label);
  const [members, setMembers] = useState<string[]>(household.memberIds);
  const [summary, setSummary] = useState<FormError[]>([]);
  const [labelError, setLabelError] = useState<string | undefined>();
  const [attempt, setAttempt] = useState(0);
  const people = [...family.people].sort((a, b) => nameOf(a.id).localeCompare(nameOf(b.id), 'en-GB'));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setAttempt((n) => n + 1);
    const trimmed = label.trim();
    const err = !trimmed
      ? 'Enter a label for the household, for example Mother\u2019s flat'
      : trimmed.length > MAX_LABEL_CHARS
        ? `Label must be ${MAX_LABEL_CHARS} characters or fewer`
        : undefined;
    setLabelError(err);
    if (err) {
      setSummary([{ fieldId: 'gg-household-label', message: err }]);
      return;
    }
    const problem = onSubmit({ ...household, label: trimmed, memberIds: members });
    setSummary(problem ? [{ fieldId: null, message: problem }] : []);
  };

  return (
    <form onSubmit={submit} noValidate className="gg-form">
      <ErrorSummary errors={summary} focusKey={attempt} />
      <TextField
        id="gg-household-label"
        label="Household"
        hint="For example Mother's flat, or Paternal grandparents' home."
        value={label}
        onChange={setLabel}
        error={labelError}
        autoComplete="off"
      />
      <fieldset className="fieldset">
        <legend className="fieldset__legend">Who lives here</legend>
        <div className="gg-members">
          {people.map((p) => (
            <div className="checkbox" key={p.id}>
              <input
                id={`gg-member-${p.id}`}
                type="checkbox"
                className="checkbox__input"
                checked={members.includes(p.id)}
                onChange={(e) => setMembers((m) => (e.target.checked ? [...m, p.id] : m.filter((x) => x !== p.id)))}
              />
              <label htmlFor={`gg-member-${p.id}`} className="checkbox__label">
                {nameOf(p.id)}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
      <div className="button-row">
        <button type="submit" className="button">
          Save household
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
