import { useEffect, useRef, useState, type FormEvent } from 'react';
import * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import { PEOPLE_MAP } from '../../../shared/peopleDoc.js';
import { readTextValue } from '../../../shared/sync/yText.js';
import { CollabTextArea } from '../collab/CollabTextArea.js';
import { HistoryLink } from '../history/HistoryLink.js';
import { COMMON_RELATIONSHIPS, GenderSchema, suggestReportLabel, type Person } from '../../../shared/people.js';
import { CheckboxField } from '../components/CheckboxField.js';
import { DateField } from '../components/DateField.js';
import { ErrorSummary, type FormError } from '../components/ErrorSummary.js';
import { Notice } from '../components/Notice.js';
import { RadioGroup } from '../components/RadioGroup.js';
import { TextAreaField } from '../components/TextAreaField.js';
import { TextField } from '../components/TextField.js';
import { GENDER_LABELS, PERSON_FIELD_ORDER, formToPerson, personToForm, type PersonFormField, type PersonFormValues } from '../lib/personForm.js';
import { withPerson } from '../lib/registerOrder.js';
import { rebaseForm } from '../lib/formRebase.js';
import { FieldConflictChoice } from '../components/FieldConflictChoice.js';

const ID: Record<PersonFormField, string> = {
  name: 'person-name',
  aliases: 'person-aliases',
  relationship: 'person-relationship',
  isSubject: 'person-subject',
  dateOfBirth: 'person-dob',
  dateOfDeath: 'person-dod',
  gender: 'person-gender',
  ethnicity: 'person-ethnicity',
  addresses: 'person-addresses',
  nhsNumber: 'person-nhs',
  reportLabel: 'person-label',
  notes: 'person-notes',
};

/** Field names for the notice about a person changed meanwhile. */
const FIELD_NAMES: Record<PersonFormField, string> = {
  name: 'Name',
  aliases: 'Also known as',
  relationship: 'Relationship to the child',
  isSubject: 'Subject child',
  dateOfBirth: 'Date of birth',
  dateOfDeath: 'Date of death',
  gender: 'Gender',
  ethnicity: 'Ethnicity',
  addresses: 'Addresses',
  nhsNumber: 'NHS number',
  reportLabel: 'Report label',
  notes: 'Notes',
};

/**
 * Adds or edits one person in the register. The form keeps a draft; saving hands the checked person
 * to `onSave`, which merges it with whatever colleagues changed meanwhile. A change by someone else
 * while the form is open is pointed out, with who made it; fields this person has not changed show the
 * newer value at once. With the live register (`live`), an existing person's notes are collaborative
 * text, shared as they are typed with others' carets named, as in the chronology row panel.
 */
export function PersonForm({
  opened,
  current,
  isNew,
  register,
  childPseudonym,
  onSave,
  onRemove,
  onCancel,
  otherEditors = [],
  live = null,
}: {
  /** The register's live document and its presence: with it, an existing person's notes are edited in place as collaborative text. */
  live?: { doc: Y.Doc; awareness: Awareness | null } | null;
  /** Names of the others who have this person open: who may have changed them meanwhile. */
  otherEditors?: readonly string[];
  opened: Person;
  current: Person | null;
  isNew: boolean;
  register: readonly Person[];
  childPseudonym: string;
  /** `base` is the stored version the form was last brought up to date with; save writes only what differs from it. */
  onSave(edited: Person, base: Person): void;
  onRemove(): void;
  onCancel(): void;
}) {
  const [values, setValues] = useState<PersonFormValues>(() => personToForm(opened));
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<PersonFormField, string>>>({});
  const [summary, setSummary] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const set =
    <K extends PersonFormField>(k: K) =>
    (v: PersonFormValues[K]) =>
      setValues((s) => ({ ...s, [k]: v }));
  // The notes of an existing person are written as they are typed (CollabTextArea), so the form only mirrors them.
  const collab = !isNew && live !== null;
  const liveRecord = () => {
    const r = live?.doc.getMap<unknown>(PEOPLE_MAP).get(opened.id);
    return r instanceof Y.Map ? (r as Y.Map<unknown>) : null;
  };
  const liveNotes = () => readTextValue(liveRecord()?.get('notes')) ?? '';

  // A person changed under the open form: untouched fields take the newer value, fields both changed are
  // shown with the newer value until one is chosen, so saving never writes back a value not shown.
  const [base, setBase] = useState(opened);
  const [refreshed, setRefreshed] = useState<PersonFormField[]>([]);
  const [conflicts, setConflicts] = useState<PersonFormField[]>([]);
  const [changedBy, setChangedBy] = useState<readonly string[]>([]);
  const typed = useRef(values);
  typed.current = values;
  // Everyone who has had this person open while this form was: presence may clear before their change arrives.
  const editorsSeen = useRef(new Set<string>());
  for (const n of otherEditors) editorsSeen.current.add(n);
  useEffect(() => {
    if (isNew || !current || JSON.stringify(current) === JSON.stringify(base)) return;
    // Collaborative notes already show the document's text, so they are never stale nor in conflict.
    const latest = personToForm(current);
    const r = rebaseForm(personToForm(base), collab ? { ...typed.current, notes: latest.notes } : typed.current, latest);
    if (collab) r.refreshed = r.refreshed.filter((f) => f !== 'notes');
    setValues(r.values);
    setBase(current);
    setRefreshed((prev) => [...new Set([...prev, ...r.refreshed])]);
    setConflicts((prev) => [...new Set([...prev.filter((f) => !r.refreshed.includes(f)), ...r.conflicts])]);
    if (r.refreshed.length > 0 || r.conflicts.length > 0) setChangedBy([...editorsSeen.current]);
  }, [current, base, isNew, collab]);
  const latestForm = current ? personToForm(current) : null;
  const shown = (f: PersonFormField, v: PersonFormValues | null) => {
    const x = v?.[f];
    if (typeof x === 'boolean') return x ? 'Yes' : 'No';
    return String(x ?? '').trim() || '(blank)';
  };

  const otherSubject = register.find((p) => p.isSubject && p.id !== opened.id);
  const changedElsewhere = !isNew && current !== null && (refreshed.length > 0 || conflicts.length > 0);
  const removedElsewhere = !isNew && current === null;
  const who = changedBy.length > 0 ? changedBy.join(', ') : 'Someone else';

  const suggest = () => {
    const draft = { id: opened.id, relationship: values.relationship, isSubject: values.isSubject };
    const label = suggestReportLabel(draft, withPerson(register, { ...opened, ...draft }), childPseudonym);
    setValues((s) => ({ ...s, reportLabel: label }));
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (conflicts.length > 0) {
      const message = 'Someone else changed this field while you were editing: choose their version or keep yours';
      setFieldErrors({ [conflicts[0]!]: message });
      setSummary([{ fieldId: ID[conflicts[0]!], message }]);
      setAttempt((n) => n + 1);
      return;
    }
    // The notes are read from the document, as typed there: saving writes nothing for them.
    const { errors, person } = formToPerson(opened.id, collab ? { ...values, notes: liveNotes() } : values);
    setFieldErrors(errors);
    setSummary(PERSON_FIELD_ORDER.filter((f) => errors[f]).map((f) => ({ fieldId: ID[f], message: errors[f]! })));
    setAttempt((n) => n + 1);
    if (!person) return;
    const reportLabel = person.reportLabel || suggestReportLabel(person, withPerson(register, person), childPseudonym);
    onSave({ ...person, reportLabel }, base);
  };

  return (
    <form onSubmit={submit} noValidate className="person-form">
      {!isNew && (
        <HistoryLink doc="people" root="people" itemKey={opened.id}>
          History of this person
        </HistoryLink>
      )}
      {changedElsewhere && (
        <Notice tone="info" role="status" title={`${who} changed this person while you were editing`}>
          {refreshed.length > 0 && <p>The form now shows their version of: {refreshed.map((f) => FIELD_NAMES[f]).join(', ')}.</p>}
          {conflicts.length > 0 && (
            <ul>
              {conflicts.map((f) => (
                <FieldConflictChoice
                  key={f}
                  label={FIELD_NAMES[f]}
                  mine={shown(f, values)}
                  theirs={shown(f, latestForm)}
                  by={who}
                  onUseTheirs={() => {
                    if (latestForm) setValues((v) => ({ ...v, [f]: latestForm[f] }));
                    setConflicts((c) => c.filter((x) => x !== f));
                  }}
                  onKeepMine={() => setConflicts((c) => c.filter((x) => x !== f))}
                />
              ))}
            </ul>
          )}
        </Notice>
      )}
      {removedElsewhere && (
        <Notice tone="error" role="alert" title="Someone else removed this person">
          <p>Saving will add them back to the register.</p>
        </Notice>
      )}
      <ErrorSummary errors={summary} focusKey={attempt} />
      <TextField
        id={ID.name}
        label="Name"
        hint="Full name as the agencies record it, or 'Not known'."
        value={values.name}
        onChange={set('name')}
        error={fieldErrors.name}
        autoComplete="off"
      />
      <TextAreaField
        id={ID.aliases}
        label="Also known as (optional)"
        hint="Other names or spellings, one per line."
        value={values.aliases}
        onChange={set('aliases')}
        error={fieldErrors.aliases}
      />
      <TextField
        id={ID.relationship}
        label="Relationship to the child"
        hint="Choose a suggestion or type your own, for example Partner of Mother."
        value={values.relationship}
        onChange={set('relationship')}
        error={fieldErrors.relationship}
        list="relationship-options"
        autoComplete="off"
      />
      <datalist id="relationship-options">
        {COMMON_RELATIONSHIPS.map((r) => (
          <option key={r} value={r} />
        ))}
      </datalist>
      <CheckboxField id={ID.isSubject} label="This is the subject child" hint="The child the review is about." checked={values.isSubject} onChange={set('isSubject')} />
      {values.isSubject && otherSubject && (
        <p className="field__hint" role="status">
          {otherSubject.reportLabel || otherSubject.name || 'Someone else'} is already marked as the subject child. Keep both only if the review is about more than one child.
        </p>
      )}
      <div className="date-range">
        <DateField id={ID.dateOfBirth} label="Date of birth (optional)" value={values.dateOfBirth} onChange={set('dateOfBirth')} error={fieldErrors.dateOfBirth} />
        <DateField id={ID.dateOfDeath} label="Date of death (optional)" value={values.dateOfDeath} onChange={set('dateOfDeath')} error={fieldErrors.dateOfDeath} />
      </div>
      <RadioGroup
        id={ID.gender}
        name="person-gender"
        legend="Gender"
        inline
        value={values.gender}
        onChange={(v) => set('gender')(v as PersonFormValues['gender'])}
        options={GenderSchema.options.map((g) => ({ value: g, label: GENDER_LABELS[g] }))}
      />
      <TextField id={ID.ethnicity} label="Ethnicity (optional)" value={values.ethnicity} onChange={set('ethnicity')} error={fieldErrors.ethnicity} autoComplete="off" />
      <TextAreaField
        id={ID.addresses}
        label="Addresses (optional)"
        hint="One address per line, most recent first."
        value={values.addresses}
        onChange={set('addresses')}
        error={fieldErrors.addresses}
      />
      <TextField
        id={ID.nhsNumber}
        label="NHS number (optional)"
        hint="10 digits, for example 485 777 3456."
        value={values.nhsNumber}
        onChange={set('nhsNumber')}
        error={fieldErrors.nhsNumber}
        inputMode="numeric"
        autoComplete="off"
        className="input--short"
      />
      <div className="label-row">
        <TextField
          id={ID.reportLabel}
          label="Report label"
          hint="How the published report refers to this person, for example Mother or Sibling 1. Left blank, it is suggested when you save."
          value={values.reportLabel}
          onChange={set('reportLabel')}
          error={fieldErrors.reportLabel}
          autoComplete="off"
        />
        <button type="button" className="button button--secondary" onClick={suggest}>
          Suggest a label
        </button>
      </div>
      {collab && live ? (
        <CollabTextArea
          id={ID.notes}
          label="Notes (optional)"
          hint="Shared as you type, with anyone else who has this person open."
          rows={4}
          error={fieldErrors.notes}
          doc={live.doc}
          awareness={live.awareness}
          getRecord={liveRecord}
          field="notes"
          cursorKey={`person:${opened.id}:notes`}
          onValue={set('notes')}
        />
      ) : (
        <TextAreaField id={ID.notes} label="Notes (optional)" value={values.notes} onChange={set('notes')} error={fieldErrors.notes} rows={4} />
      )}
      <div className="button-row">
        <button type="submit" className="button">
          {isNew ? 'Add to register' : 'Save changes'}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
      {!isNew && !removedElsewhere && (
        <div className="danger-zone">
          {!confirmRemove ? (
            <button type="button" className="button button--warning" onClick={() => setConfirmRemove(true)}>
              Remove from register
            </button>
          ) : (
            <fieldset className="plain-group" aria-labelledby="confirm-remove-text">
              <p id="confirm-remove-text">
                <strong>Remove {opened.name || 'this person'} from the register for everyone?</strong>
              </p>
              <div className="button-row">
                {/* biome-ignore lint/a11y/noAutofocus: the button the user just pressed has gone, so focus moves to the question's answer instead of being lost */}
                <button type="button" className="button button--warning" onClick={onRemove} autoFocus>
                  Yes, remove
                </button>
                <button type="button" className="button button--secondary" onClick={() => setConfirmRemove(false)}>
                  No, keep
                </button>
              </div>
            </fieldset>
          )}
        </div>
      )}
    </form>
  );
}
