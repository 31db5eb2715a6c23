import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import type { WebsocketProvider } from 'y-websocket';
import { ENTRIES_MAP, ENTRY_TEXT_KEYS, TEAM_FIELDS_MAP, prepareTeamNote } from '../../../shared/chronology/index.js';
import { MAX_TEXT_CHARS } from '../../../shared/limits.js';
import { readTextValue } from '../../../shared/sync/yText.js';
import { CollabTextArea } from '../collab/CollabTextArea.js';
import {
  CATEGORY_LABELS,
  CHILD_CONTACT_LABELS,
  CHRONOLOGY_CATEGORIES,
  formatChronologyDate,
  validateEntryDate,
  type AgencyInfo,
  type ChildContact,
  type ChronologyCategory,
  type ChronologyDate,
  type ChronologyEntry,
  type TeamFields,
} from '../../../shared/chronology/index.js';
import { formatUkDate, type IsoDate } from '../../../shared/dates.js';
import type { Person } from '../../../shared/people.js';
import { CheckboxField } from '../components/CheckboxField.js';
import { ErrorSummary, type FormError } from '../components/ErrorSummary.js';
import { Notice } from '../components/Notice.js';
import { SelectField } from '../components/SelectField.js';
import { TextAreaField } from '../components/TextAreaField.js';
import { TextField } from '../components/TextField.js';
import { EntryDetails, TeamDetails } from './EntryDetails.js';
import { HistoryLink } from '../history/HistoryLink.js';
import { rebaseForm } from '../lib/formRebase.js';
import { ENTRY_FIELD_ORDER, entryToForm, formToEntry, formToTeam, teamToForm, type EntryFormField, type EntryFormValues, type TeamFormValues } from './entryForm.js';
import { dateNote, personLabel } from './rowDisplay.js';
import type { Phase } from './timelineItems.js';
import { FieldConflictChoice } from '../components/FieldConflictChoice.js';

/** What saving the panel hands back: the agency's row and the team's fields, each null when not editable here. */
export type EntrySave = {
  agencyId: string;
  entry: ChronologyEntry | null;
  team: TeamFields | null;
  /** The stored version the form was last brought up to date with: saving writes only what differs from it. */
  base: ChronologyEntry;
};

/** Field names for the notice about a row changed meanwhile. */
const FIELD_NAMES: Record<EntryFormField, string> = {
  date: 'Date',
  time: 'Time',
  sequence: 'Order within the day',
  source: 'Source of information',
  category: 'Category',
  childContact: 'Contact with the child',
  childContactBy: 'Contact with the child by',
  familyContactIds: 'Family members contacted',
  familyContactBy: 'Contact with family members by',
  keyEvent: 'Key event or action',
  comment: 'Comment and analysis',
  otherInfo: 'Other information',
};

/** The row's long fields, shown as collaborative text on an existing row. */
const LONG_FIELDS: readonly { field: (typeof ENTRY_TEXT_KEYS)[number]; label: string; hint?: string; rows: number }[] = [
  { field: 'keyEvent', label: 'Key event or action undertaken', rows: 3 },
  { field: 'comment', label: 'Comment and analysis (optional)', hint: 'Including potential learning', rows: 4 },
  { field: 'otherInfo', label: 'Other information (optional)', hint: 'What the agency wrote that has no column of its own, such as an imported file’s extra columns', rows: 3 },
];

/**
 * A chronology row in the side panel. Agency authors edit their own agency's rows; the lead reviewer
 * edits any agency's rows and chooses the agency of a new row; the lead reviewer and review team edit
 * the review team's fields; everything else is shown read only. The date must parse; a future date
 * is saved only after a second press; a date before the child's birth is allowed and said so.
 */
export function EntryPanel({
  isNew,
  opened,
  openedTeam,
  current,
  currentTeam,
  agencyId,
  agencyChoices,
  agencyOf,
  canEditEntry,
  canEditTeam,
  people,
  peopleById,
  phases,
  childDateOfBirth,
  todayIso,
  sequenceFor,
  onSave,
  onRemove,
  onCancel,
  otherEditors = [],
  live = null,
  liveTeam = null,
}: {
  /**
   * The agency's live document and its presence: with it, an existing row's long fields are edited in
   * place as collaborative text (every keystroke shared, others' carets shown); without it (a new row,
   * or the document not open yet) they are ordinary fields saved with the rest.
   */
  live?: { doc: Y.Doc; awareness: Awareness | null } | null;
  /**
   * The review team's live document and its provider: with it, an existing row's team note is edited in
   * place as collaborative text, for a member who may write the team's fields.
   */
  liveTeam?: { doc: Y.Doc; provider: WebsocketProvider } | null;
  /** Names of the others who have this row open: who may have changed it meanwhile. */
  otherEditors?: readonly string[];
  isNew: boolean;
  opened: ChronologyEntry;
  openedTeam: TeamFields;
  current: ChronologyEntry | null;
  currentTeam: TeamFields;
  agencyId: string;
  agencyChoices: readonly AgencyInfo[];
  agencyOf(id: string): AgencyInfo | undefined;
  canEditEntry: boolean;
  canEditTeam: boolean;
  people: readonly Person[];
  peopleById: ReadonlyMap<string, Person>;
  phases: readonly Phase[] | null;
  childDateOfBirth: IsoDate | null;
  todayIso: IsoDate;
  sequenceFor(agencyId: string, date: ChronologyDate, ownId: string): number;
  onSave(save: EntrySave): void;
  onRemove(): void;
  onCancel(): void;
}) {
  const [values, setValues] = useState<EntryFormValues>(() => (isNew ? { ...entryToForm(opened), date: '', sequence: '' } : entryToForm(opened)));
  const [team, setTeam] = useState<TeamFormValues>(() => teamToForm(openedTeam));
  const [chosenAgency, setChosenAgency] = useState(agencyId);
  const [errors, setErrors] = useState<Partial<Record<EntryFormField | 'team', string>>>({});
  const [submits, setSubmits] = useState(0);
  const [warnedFor, setWarnedFor] = useState<string | null>(null);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const set = <K extends keyof EntryFormValues>(k: K, v: EntryFormValues[K]) => setValues((prev) => ({ ...prev, [k]: v }));
  const agency = agencyOf(chosenAgency);
  // Long fields of an existing row are written as they are typed (CollabTextArea), so the form only mirrors them.
  const collab = !isNew && canEditEntry && live !== null;
  const liveRecord = () => {
    const r = live?.doc.getMap<unknown>(ENTRIES_MAP).get(opened.id);
    return r instanceof Y.Map ? (r as Y.Map<unknown>) : null;
  };
  const liveTexts = (): Partial<Record<(typeof ENTRY_TEXT_KEYS)[number], string>> => {
    const r = liveRecord();
    if (!r) return {};
    return Object.fromEntries(ENTRY_TEXT_KEYS.map((k) => [k, readTextValue(r.get(k)) ?? ''] as const));
  };

  // The team note of an existing row is typed into the team document live, like the row's long fields.
  const teamCollab = !isNew && canEditTeam && liveTeam !== null;
  const liveTeamRecord = () => {
    const r = liveTeam?.doc.getMap<unknown>(TEAM_FIELDS_MAP).get(opened.id);
    return r instanceof Y.Map ? (r as Y.Map<unknown>) : null;
  };
  const teamDoc = liveTeam?.doc ?? null;
  const teamProvider = liveTeam?.provider ?? null;
  // A row with no team record yet gets one (its note an empty Y.Text) once the document holds the server's
  // copy: made earlier, it could replace a record the server already has.
  useEffect(() => {
    if (!teamCollab || !teamDoc || !teamProvider) return;
    const prepare = () => {
      try {
        prepareTeamNote(teamDoc, opened.id);
      } catch {
        // At the cap of annotated rows: the note stays read only, and saving says why.
      }
    };
    if (teamProvider.synced) {
      prepare();
      return;
    }
    const onSync = (synced: boolean) => {
      if (synced) prepare();
    };
    teamProvider.on('sync', onSync);
    return () => teamProvider.off('sync', onSync);
  }, [teamCollab, teamDoc, teamProvider, opened.id]);

  // A row changed under the open form: untouched fields take the newer value, fields both changed are
  // conflicts shown with the newer value, so saving never writes back a value this person has not seen.
  const [base, setBase] = useState(opened);
  const [refreshed, setRefreshed] = useState<EntryFormField[]>([]);
  const [conflicts, setConflicts] = useState<EntryFormField[]>([]);
  const [changedBy, setChangedBy] = useState<readonly string[]>([]);
  const typed = useRef(values);
  typed.current = values;
  // Everyone who has had this row open while this form was: presence may clear before their change arrives.
  const editorsSeen = useRef(new Set<string>());
  for (const n of otherEditors) editorsSeen.current.add(n);
  useEffect(() => {
    if (isNew || !current || JSON.stringify(current) === JSON.stringify(base)) return;
    // Collaborative fields already show the document's text, so they are never stale nor in conflict.
    const latest = entryToForm(current);
    const typedNow = collab ? { ...typed.current, ...Object.fromEntries(ENTRY_TEXT_KEYS.map((k) => [k, latest[k]])) } : typed.current;
    const r = rebaseForm(entryToForm(base), typedNow, latest);
    if (collab) r.refreshed = r.refreshed.filter((f) => !(ENTRY_TEXT_KEYS as readonly string[]).includes(f));
    setValues(r.values);
    setBase(current);
    setRefreshed((prev) => [...new Set([...prev, ...r.refreshed])]);
    setConflicts((prev) => [...new Set([...prev.filter((f) => !r.refreshed.includes(f)), ...r.conflicts])]);
    setChangedBy([...editorsSeen.current]);
  }, [current, base, isNew, collab]);
  const latestForm = current ? entryToForm(current) : null;

  // What the typed date reads as, while typing: the date, or nothing until it parses.
  const check = useMemo(() => (values.date.trim() ? validateEntryDate(values.date, todayIso, childDateOfBirth) : null), [values.date, todayIso, childDateOfBirth]);
  const readsAs = check?.date ? `Reads as ${formatChronologyDate(check.date)}${dateNote(check.date) ? ` (${dateNote(check.date)!.toLowerCase()})` : ''}.` : null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Partial<Record<EntryFormField | 'team', string>> = {};
    let entry: ChronologyEntry | null = null;
    let teamFields: TeamFields | null = null;
    if (canEditEntry) {
      if (conflicts.length > 0) {
        setErrors({ [conflicts[0]!]: 'Someone else changed this field while you were editing: choose their version or keep yours' });
        setSubmits((n) => n + 1);
        return;
      }
      // The long fields are read from the document, as typed there (untrimmed): saving writes nothing for them.
      const texts = collab ? liveTexts() : {};
      const r = formToEntry(
        opened.id,
        chosenAgency,
        { ...values, ...texts },
        {
          todayIso,
          childDateOfBirth,
          defaultSequence: (d) => sequenceFor(chosenAgency, d, opened.id),
        },
      );
      Object.assign(found, r.errors);
      if (r.entry && r.warning && warnedFor !== values.date) {
        // First press with a future date: show the warning; a second press saves.
        setWarnedFor(values.date);
        setErrors({});
        return;
      }
      entry = r.entry && collab ? { ...r.entry, ...texts } : r.entry;
    }
    if (canEditTeam) {
      // A live note is read from the document as it stands (never the form's copy), so saving writes nothing for it.
      const record = teamCollab ? liveTeamRecord() : null;
      const note = teamCollab ? (record ? (readTextValue(record.get('note')) ?? '') : currentTeam.note) : null;
      const t = formToTeam(note === null ? team : { ...team, note: '' });
      if (t.error) found.team = t.error;
      teamFields = t.fields && note !== null ? { ...t.fields, note } : t.fields;
    }
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setSubmits((n) => n + 1);
      return;
    }
    onSave({ agencyId: chosenAgency, entry, team: teamFields, base });
  };

  const summary: FormError[] = [
    ...ENTRY_FIELD_ORDER.filter((f) => errors[f]).map((f) => ({ fieldId: `entry-${f}`, message: errors[f]! })),
    ...(errors.team ? [{ fieldId: 'team-note', message: errors.team }] : []),
  ];
  const changedMeanwhile = !isNew && current !== null && (refreshed.length > 0 || conflicts.length > 0);
  const who = changedBy.length > 0 ? changedBy.join(', ') : 'Someone else';
  const shown = (f: EntryFormField, v: EntryFormValues | null) => {
    const x = v?.[f];
    if (Array.isArray(x)) return x.map((id) => peopleById.get(id)?.name ?? id).join(', ') || '(none)';
    return String(x ?? '').trim() || '(blank)';
  };
  const removedMeanwhile = !isNew && current === null;
  // A live note is never stale, so only the short team fields count as changed under the form.
  const teamShort = (t: TeamFields) => JSON.stringify(teamCollab ? { ...t, note: '' } : t);
  const teamChangedMeanwhile = !isNew && teamShort(currentTeam) !== teamShort(openedTeam);
  const phaseTitle = (id: string | null) => (id ? (phases?.find((p) => p.id === id)?.title ?? null) : null);
  const future = check?.warning ?? null;
  const showsEntryForm = canEditEntry;
  const canSave = canEditEntry || canEditTeam;

  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary errors={summary} focusKey={submits} />
      {!isNew && (
        <HistoryLink doc={`chronology.${agencyId}`} root="entries" itemKey={opened.id}>
          History of this row
        </HistoryLink>
      )}
      {changedMeanwhile && canEditEntry && (
        <Notice tone="info" role="status" title={`${who} changed this row while you were editing`}>
          {refreshed.length > 0 && <p>The form now shows their version of: {refreshed.map((f) => FIELD_NAMES[f]).join(', ')}.</p>}
          {conflicts.length > 0 && (
            <ul className="chron-conflicts">
              {conflicts.map((f) => (
                <FieldConflictChoice
                  key={f}
                  label={FIELD_NAMES[f]}
                  mine={shown(f, values)}
                  theirs={shown(f, latestForm)}
                  by={who}
                  onUseTheirs={() => {
                    if (latestForm) set(f, latestForm[f]);
                    setConflicts((c) => c.filter((x) => x !== f));
                  }}
                  onKeepMine={() => setConflicts((c) => c.filter((x) => x !== f))}
                />
              ))}
            </ul>
          )}
        </Notice>
      )}
      {removedMeanwhile && canEditEntry && (
        <Notice tone="error" title="Someone else removed this row">
          <p>Saving adds it again as you see it here.</p>
        </Notice>
      )}
      {teamChangedMeanwhile && canEditTeam && (
        <Notice tone="info" title="Someone else changed the review team’s fields of this row">
          <p>Saving keeps their changes to the fields you have not changed.</p>
        </Notice>
      )}

      {showsEntryForm ? (
        <fieldset className="fieldset chron-form__group">
          <legend className="fieldset__legend">The agency’s record</legend>
          {isNew && agencyChoices.length > 1 ? (
            <SelectField
              id="entry-agency"
              label="Agency"
              value={chosenAgency}
              onChange={setChosenAgency}
              hint="As lead reviewer you can add a row on behalf of any agency."
              options={agencyChoices.map((a) => ({ value: a.id, label: `${a.shortCode}: ${a.name}` }))}
            />
          ) : (
            <p>
              <strong>Agency:</strong> {agency ? `${agency.shortCode}: ${agency.name}` : 'Unknown agency'}
            </p>
          )}
          <TextField
            id="entry-date"
            label="Date"
            value={values.date}
            onChange={(v) => set('date', v)}
            error={errors.date}
            hint="DD/MM/YYYY, or MM/YYYY or YYYY when only that is known. Add ? if unsure or c. if approximate, for example 03/2019? or c. 2017."
            autoComplete="off"
            className="input--short"
          />
          {readsAs && (
            <p className="chron-form__reads" data-testid="date-reads-as">
              {readsAs}
            </p>
          )}
          {future && (
            <div role={warnedFor === values.date ? 'alert' : undefined}>
              <Notice tone="info" title="This date is in the future">
                <p>{future}</p>
                {warnedFor === values.date && <p>Press the save button again to save it with this date.</p>}
              </Notice>
            </div>
          )}
          {check?.beforeBirth && childDateOfBirth && (
            <p className="chron-form__reads">
              This is before the child’s date of birth ({formatUkDate(childDateOfBirth)}). That is allowed: chronologies often start before birth.
            </p>
          )}
          <div className="chron-form__pair">
            <TextField
              id="entry-time"
              label="Time (optional)"
              hint="HH:MM, 24-hour clock"
              value={values.time}
              onChange={(v) => set('time', v)}
              error={errors.time}
              autoComplete="off"
              className="input--date"
            />
            <TextField
              id="entry-sequence"
              label="Order within the day (optional)"
              hint="Leave blank to add it after the day’s other rows"
              value={values.sequence}
              onChange={(v) => set('sequence', v)}
              error={errors.sequence}
              inputMode="numeric"
              autoComplete="off"
              className="input--date"
            />
          </div>
          <SelectField
            id="entry-category"
            label="Category"
            value={values.category}
            onChange={(v) => set('category', v as ChronologyCategory)}
            options={CHRONOLOGY_CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }))}
            error={errors.category}
          />
          <TextField
            id="entry-source"
            label="Source of information"
            hint="For example, GP record or police log"
            value={values.source}
            onChange={(v) => set('source', v)}
            error={errors.source}
          />
          <SelectField
            id="entry-childContact"
            label="Contact with the child"
            value={values.childContact}
            onChange={(v) => set('childContact', v as ChildContact)}
            options={(Object.keys(CHILD_CONTACT_LABELS) as ChildContact[]).map((c) => ({ value: c, label: CHILD_CONTACT_LABELS[c] }))}
          />
          <TextField
            id="entry-childContactBy"
            label="Contact with the child by (role)"
            hint="A role, such as Health visitor, never a person’s name"
            value={values.childContactBy}
            onChange={(v) => set('childContactBy', v)}
            error={errors.childContactBy}
          />
          <fieldset className="fieldset chron-form__people" id="entry-familyContactIds" tabIndex={-1}>
            <legend className="fieldset__legend">Contact with family members</legend>
            {errors.familyContactIds && (
              <p className="field__error">
                <span className="visually-hidden">Error: </span>
                {errors.familyContactIds}
              </p>
            )}
            {people.length === 0 && <p className="muted">No one is in the people register yet.</p>}
            {people.map((p) => (
              <CheckboxField
                key={p.id}
                id={`entry-family-${p.id}`}
                label={personLabel(p)}
                checked={values.familyContactIds.includes(p.id)}
                onChange={(on) => set('familyContactIds', on ? [...values.familyContactIds, p.id] : values.familyContactIds.filter((x) => x !== p.id))}
              />
            ))}
            {values.familyContactIds.filter((id) => !peopleById.has(id)).length > 0 && <p className="muted">This row also names someone no longer in the register.</p>}
          </fieldset>
          <TextField
            id="entry-familyContactBy"
            label="Contact with family members by (role)"
            hint="A role, never a person’s name"
            value={values.familyContactBy}
            onChange={(v) => set('familyContactBy', v)}
            error={errors.familyContactBy}
          />
          {collab && live ? (
            <>
              <p className="field__hint" id="entry-live-hint">
                The key event, comment and other information are shared as you type, with anyone else who has this row open.
              </p>
              {LONG_FIELDS.map((f) => (
                <CollabTextArea
                  key={f.field}
                  id={`entry-${f.field}`}
                  label={f.label}
                  hint={f.hint}
                  rows={f.rows}
                  error={errors[f.field]}
                  doc={live.doc}
                  awareness={live.awareness}
                  getRecord={liveRecord}
                  field={f.field}
                  cursorKey={`entry:${opened.id}:${f.field}`}
                  onValue={(v) => set(f.field, v)}
                />
              ))}
            </>
          ) : (
            LONG_FIELDS.map((f) => (
              <TextAreaField
                key={f.field}
                id={`entry-${f.field}`}
                label={f.label}
                hint={f.hint}
                value={values[f.field]}
                onChange={(v) => set(f.field, v)}
                error={errors[f.field]}
                rows={f.rows}
              />
            ))
          )}
        </fieldset>
      ) : (
        <>
          <h3 className="chron-form__heading">The agency’s record</h3>
          <EntryDetails entry={current ?? opened} agencyName={agency?.name ?? ''} agencyCode={agency?.shortCode ?? ''} people={peopleById} />
        </>
      )}

      {canEditTeam ? (
        <fieldset className="fieldset chron-form__group">
          <legend className="fieldset__legend">Review team</legend>
          <CheckboxField
            id="team-keyLearning"
            label="Key practice learning event"
            checked={team.keyLearning}
            onChange={(v) => setTeam((t) => ({ ...t, keyLearning: v }))}
            hint="Emphasised in the chronology and on the timeline"
          />
          <SelectField
            id="team-phase"
            label="Workshop phase"
            value={team.phaseId}
            onChange={(v) => setTeam((t) => ({ ...t, phaseId: v }))}
            hint={phases === null ? 'Loading the workshop phases…' : phases.length === 0 ? 'No workshop phases have been set up yet.' : undefined}
            options={[
              { value: '', label: 'None' },
              ...(phases ?? []).map((p) => ({ value: p.id, label: p.title })),
              ...(team.phaseId && !(phases ?? []).some((p) => p.id === team.phaseId) ? [{ value: team.phaseId, label: 'A phase no longer listed' }] : []),
            ]}
          />
          {teamCollab && liveTeam ? (
            <CollabTextArea
              id="team-note"
              label="Review team note (optional)"
              hint="Shared as you type, with anyone else in the review team who has this row open."
              error={errors.team}
              doc={liveTeam.doc}
              awareness={liveTeam.provider.awareness}
              getRecord={liveTeamRecord}
              field="note"
              cursorKey={`team:${opened.id}:note`}
              maxLength={MAX_TEXT_CHARS}
              onValue={(v) => setTeam((t) => ({ ...t, note: v }))}
            />
          ) : (
            <TextAreaField id="team-note" label="Review team note (optional)" value={team.note} onChange={(v) => setTeam((t) => ({ ...t, note: v }))} error={errors.team} />
          )}
        </fieldset>
      ) : (
        !isNew && (
          <>
            <h3 className="chron-form__heading">Review team</h3>
            <TeamDetails team={currentTeam} phaseTitle={phaseTitle(currentTeam.phaseId)} />
          </>
        )
      )}

      <div className="button-row">
        {canSave && (
          <button type="submit" className="button">
            {warnedFor !== null && warnedFor === values.date && future ? 'Save with this date' : isNew ? 'Add row' : 'Save changes'}
          </button>
        )}
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {canSave ? 'Cancel' : 'Close'}
        </button>
      </div>
      {canEditEntry && !isNew && current && (
        <div className="danger-zone">
          {!confirmRemove ? (
            <button type="button" className="button button--warning" onClick={() => setConfirmRemove(true)}>
              Remove this row
            </button>
          ) : (
            <div role="alert">
              <p>
                <strong>Remove this row from the {agency?.shortCode ?? 'agency'} chronology?</strong> Everyone in the review will stop seeing it.
              </p>
              <div className="button-row">
                <button type="button" className="button button--warning" onClick={onRemove}>
                  Yes, remove
                </button>
                <button type="button" className="button button--secondary" onClick={() => setConfirmRemove(false)}>
                  Keep the row
                </button>
              </div>
            </div>
          )}
        </div>
      )}
    </form>
  );
}
