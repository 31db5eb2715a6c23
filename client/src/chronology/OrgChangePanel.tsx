import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import { rebaseForm } from '../lib/formRebase.js';
import { ORG_CHANGES_MAP, ORG_CHANGE_TEXT_KEYS, formatChronologyDate, validateEntryDate, type AgencyInfo, type OrgChange } from '../../../shared/chronology/index.js';
import { readTextValue } from '../../../shared/sync/yText.js';
import { CollabTextArea } from '../collab/CollabTextArea.js';
import { HistoryLink } from '../history/HistoryLink.js';
import type { IsoDate } from '../../../shared/dates.js';
import { ErrorSummary, type FormError } from '../components/ErrorSummary.js';
import { Notice } from '../components/Notice.js';
import { TextAreaField } from '../components/TextAreaField.js';
import { TextField } from '../components/TextField.js';
import { BLANK_ORG_CHANGE_FORM, ORG_CHANGE_FIELD_ORDER, formToOrgChange, orgChangeToForm, type OrgChangeFormField, type OrgChangeFormValues } from './orgChangeForm.js';
import { dateNote } from './rowDisplay.js';
import { FieldConflictChoice } from '../components/FieldConflictChoice.js';

/** The change's long fields, shown as collaborative text on an existing change. */
const LONG_FIELDS: readonly { field: (typeof ORG_CHANGE_TEXT_KEYS)[number]; label: string; hint?: string; rows: number }[] = [
  { field: 'change', label: 'Organisational change', hint: 'For example a restructure, a change in staffing or caseloads, or a new policy or procedure', rows: 3 },
  { field: 'impact', label: 'Impact on frontline practice (optional)', rows: 4 },
];

/** Field names for the notice about an entry changed meanwhile. */
const ORG_FIELD_NAMES: Record<OrgChangeFormField, string> = { date: 'Date', change: 'Organisational change', impact: 'Impact on frontline practice' };

/**
 * Adds or edits one organisational change of one agency, in the side panel. The date is read as key
 * event dates are; a future date is saved only after a second press; removing asks first. Only
 * people who may write the agency's chronology are shown this panel, and the server enforces it.
 * On an existing change the long fields are collaborative text (every keystroke shared, others' carets
 * named), as in the chronology row panel; the date updates live unless this person has changed it.
 */
export function OrgChangePanel({
  isNew,
  opened,
  current,
  agency,
  onBehalf,
  todayIso,
  onSave,
  onRemove,
  onCancel,
  otherEditors = [],
  live = null,
}: {
  /** The agency's live document and its presence: with it, an existing change's long fields are edited in place as collaborative text. */
  live?: { doc: Y.Doc; awareness: Awareness | null } | null;
  /** Names of the others who have this agency's chronology open: who may have changed the change meanwhile. */
  otherEditors?: readonly string[];
  isNew: boolean;
  opened: OrgChange;
  /** The change as it is now in the live document (null when new, or removed meanwhile). */
  current: OrgChange | null;
  agency: AgencyInfo;
  /** True when the writer is not one of the agency's own authors (the lead reviewer). */
  onBehalf: boolean;
  todayIso: IsoDate;
  /** `base` is the stored version the form was last brought up to date with; save writes only what differs from it. */
  onSave(change: OrgChange, base: OrgChange): void;
  onRemove(): void;
  onCancel(): void;
}) {
  const [values, setValues] = useState<OrgChangeFormValues>(() => (isNew ? BLANK_ORG_CHANGE_FORM : orgChangeToForm(opened)));
  const [errors, setErrors] = useState<Partial<Record<OrgChangeFormField, string>>>({});
  const [submits, setSubmits] = useState(0);
  const [warnedFor, setWarnedFor] = useState<string | null>(null);
  const [confirmRemove, setConfirmRemove] = useState(false);
  // Focus follows the remove question: to "Keep the change" when it is asked (the safe answer), and
  // back to the remove button when it is withdrawn, so keyboard focus is never dropped to the page.
  const removeButton = useRef<HTMLButtonElement>(null);
  const keepButton = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);
  useEffect(() => {
    if (confirmRemove) {
      asked.current = true;
      keepButton.current?.focus();
    } else if (asked.current) removeButton.current?.focus();
  }, [confirmRemove]);
  const set = <K extends OrgChangeFormField>(k: K, v: string) => setValues((prev) => ({ ...prev, [k]: v }));
  // Long fields of an existing change are written as they are typed (CollabTextArea), so the form only mirrors them.
  const collab = !isNew && live !== null;
  const liveRecord = () => {
    const r = live?.doc.getMap<unknown>(ORG_CHANGES_MAP).get(opened.id);
    return r instanceof Y.Map ? (r as Y.Map<unknown>) : null;
  };
  const liveTexts = (): Partial<Record<(typeof ORG_CHANGE_TEXT_KEYS)[number], string>> => {
    const r = liveRecord();
    if (!r) return {};
    return Object.fromEntries(ORG_CHANGE_TEXT_KEYS.map((k) => [k, readTextValue(r.get(k)) ?? ''] as const));
  };

  // What the typed date reads as, while typing.
  const check = useMemo(() => (values.date.trim() ? validateEntryDate(values.date, todayIso) : null), [values.date, todayIso]);
  const note = check?.date ? dateNote(check.date) : null;
  const readsAs = check?.date ? `Reads as ${formatChronologyDate(check.date)}${note ? ` (${note.toLowerCase()})` : ''}.` : null;
  const future = check?.warning ?? null;
  const confirming = future !== null && warnedFor === values.date;

  // A change edited under the open form: untouched fields take the newer value, fields both changed are
  // shown with the newer value until one is chosen, so saving never writes back a value not shown.
  const [base, setBase] = useState(opened);
  const [refreshed, setRefreshed] = useState<OrgChangeFormField[]>([]);
  const [conflicts, setConflicts] = useState<OrgChangeFormField[]>([]);
  const [changedBy, setChangedBy] = useState<readonly string[]>([]);
  const typed = useRef(values);
  typed.current = values;
  // Everyone who has had the document open while this form was: presence may clear before their change arrives.
  const editorsSeen = useRef(new Set<string>());
  for (const n of otherEditors) editorsSeen.current.add(n);
  useEffect(() => {
    if (isNew || !current || JSON.stringify(current) === JSON.stringify(base)) return;
    // Collaborative fields already show the document's text, so they are never stale nor in conflict.
    const latest = orgChangeToForm(current);
    const typedNow = collab ? { ...typed.current, ...Object.fromEntries(ORG_CHANGE_TEXT_KEYS.map((k) => [k, latest[k]])) } : typed.current;
    const r = rebaseForm(orgChangeToForm(base), typedNow, latest);
    if (collab) r.refreshed = r.refreshed.filter((f) => !(ORG_CHANGE_TEXT_KEYS as readonly string[]).includes(f));
    setValues(r.values);
    setBase(current);
    setRefreshed((prev) => [...new Set([...prev, ...r.refreshed])]);
    setConflicts((prev) => [...new Set([...prev.filter((f) => !r.refreshed.includes(f)), ...r.conflicts])]);
    if (r.refreshed.length > 0 || r.conflicts.length > 0) setChangedBy([...editorsSeen.current]);
  }, [current, base, isNew, collab]);
  const latestForm = current ? orgChangeToForm(current) : null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (conflicts.length > 0) {
      setErrors({ [conflicts[0]!]: 'Someone else changed this field while you were editing: choose their version or keep yours' });
      setSubmits((n) => n + 1);
      return;
    }
    // The long fields are read from the document, as typed there (untrimmed): saving writes nothing for them.
    const texts = collab ? liveTexts() : {};
    const r = formToOrgChange(opened.id, agency.id, { ...values, ...texts }, todayIso);
    setErrors(r.errors);
    if (!r.change) {
      setSubmits((n) => n + 1);
      return;
    }
    if (r.warning && warnedFor !== values.date) {
      // First press with a future date: show the warning; a second press saves.
      setWarnedFor(values.date);
      return;
    }
    onSave(collab ? { ...r.change, ...texts } : r.change, base);
  };

  const summary: FormError[] = ORG_CHANGE_FIELD_ORDER.filter((f) => errors[f]).map((f) => ({ fieldId: `org-change-${f}`, message: errors[f]! }));
  const changedMeanwhile = !isNew && current !== null && (refreshed.length > 0 || conflicts.length > 0);
  const removedMeanwhile = !isNew && current === null;
  const who = changedBy.length > 0 ? changedBy.join(', ') : 'Someone else';

  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary errors={summary} focusKey={submits} />
      {!isNew && (
        <HistoryLink doc={`chronology.${agency.id}`} root="orgChanges" itemKey={opened.id}>
          History of this change
        </HistoryLink>
      )}
      {changedMeanwhile && (
        <Notice tone="info" role="status" title={`${who} changed this entry while you were editing`}>
          {refreshed.length > 0 && <p>The form now shows their version of: {refreshed.map((f) => ORG_FIELD_NAMES[f]).join(', ')}.</p>}
          {conflicts.length > 0 && (
            <ul>
              {conflicts.map((f) => (
                <FieldConflictChoice
                  key={f}
                  label={ORG_FIELD_NAMES[f]}
                  mine={values[f].trim() || '(blank)'}
                  theirs={latestForm?.[f].trim() || '(blank)'}
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
      {removedMeanwhile && (
        <Notice tone="error" title="Someone else removed this entry">
          <p>Saving adds it again as you see it here.</p>
        </Notice>
      )}
      <p>
        <strong>Agency:</strong> {agency.shortCode}: {agency.name}
        {onBehalf && <> (as lead reviewer, on the agency’s behalf)</>}
      </p>
      <TextField
        id="org-change-date"
        label="Date"
        value={values.date}
        onChange={(v) => set('date', v)}
        error={errors.date}
        hint="DD/MM/YYYY, or MM/YYYY or YYYY when only that is known. Add ? if unsure or c. if approximate, for example 04/2019 or c. 2018."
        autoComplete="off"
        className="input--short"
      />
      {readsAs && (
        <p className="chron-form__reads" data-testid="org-change-reads-as">
          {readsAs}
        </p>
      )}
      {future && (
        <div role={confirming ? 'alert' : undefined}>
          <Notice tone="info" title="This date is in the future">
            <p>{future}</p>
            {confirming && <p>Press the save button again to save it with this date.</p>}
          </Notice>
        </div>
      )}
      {collab && live ? (
        <>
          <p className="field__hint">The change and its impact are shared as you type, with anyone else who has this change open.</p>
          {LONG_FIELDS.map((f) => (
            <CollabTextArea
              key={f.field}
              id={`org-change-${f.field}`}
              label={f.label}
              hint={f.hint}
              rows={f.rows}
              error={errors[f.field]}
              doc={live.doc}
              awareness={live.awareness}
              getRecord={liveRecord}
              field={f.field}
              cursorKey={`orgChange:${opened.id}:${f.field}`}
              onValue={(v) => set(f.field, v)}
            />
          ))}
        </>
      ) : (
        LONG_FIELDS.map((f) => (
          <TextAreaField
            key={f.field}
            id={`org-change-${f.field}`}
            label={f.label}
            hint={f.hint}
            value={values[f.field]}
            onChange={(v) => set(f.field, v)}
            error={errors[f.field]}
            rows={f.rows}
          />
        ))
      )}
      <div className="button-row">
        <button type="submit" className="button">
          {confirming ? 'Save with this date' : isNew ? 'Add change' : 'Save changes'}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
      {!isNew && current && (
        <div className="danger-zone">
          {!confirmRemove ? (
            <button type="button" ref={removeButton} className="button button--warning" onClick={() => setConfirmRemove(true)}>
              Remove this change
            </button>
          ) : (
            <div role="alert">
              <p>
                <strong>Remove this change from the {agency.shortCode} organisational changes?</strong> Everyone in the review will stop seeing it.
              </p>
              <div className="button-row">
                <button type="button" className="button button--warning" onClick={onRemove}>
                  Yes, remove
                </button>
                <button type="button" ref={keepButton} className="button button--secondary" onClick={() => setConfirmRemove(false)}>
                  Keep the change
                </button>
              </div>
            </div>
          )}
        </div>
      )}
    </form>
  );
}
