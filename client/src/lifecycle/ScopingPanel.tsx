import { useEffect, useRef, useState, type FormEvent } from 'react';
import {
  RAG_LABELS,
  RagSchema,
  SCOPING_STATUS_LABELS,
  ScopingStatusSchema,
  blankLearningAction,
  isScopingOpen,
  mayChangeScopingStatus,
  mayEditScopingForm,
  MAX_LEARNING_ACTIONS,
  type LifecycleMember,
  type ScopingForm,
  type ScopingStatus,
} from '../../../shared/lifecycle/index.js';
import { apiRequest } from '../api/client.js';
import { DateField } from '../components/DateField.js';
import { ErrorSummary, type FormError } from '../components/ErrorSummary.js';
import { Notice } from '../components/Notice.js';
import { SelectField } from '../components/SelectField.js';
import { TextAreaField } from '../components/TextAreaField.js';
import { TextField } from '../components/TextField.js';
import { showDate } from '../lib/labels.js';
import { DateCollector, isoToInput } from './dateInput.js';
import { ListEditor } from './ListEditor.js';
import { ScopingSavedSchema, type ScopingList } from './lifecycleSchemas.js';
import { SaveStatus } from './SaveStatus.js';
import { useLifecycleForm } from './useLifecycleForm.js';

type Item = ScopingList['agencies'][number];

/** The form as typed: dates stay as DD/MM/YYYY text until saved. */
type Draft = ScopingForm;

const toDraft = (f: ScopingForm): Draft => ({ ...f, learningActions: f.learningActions.map((l) => ({ ...l, targetDate: isoToInput(l.targetDate) })) });

const QUESTIONS = [
  {
    key: 'summaryOfInvolvement',
    label: '1. Summary of your agency’s involvement',
    hint: 'With the subject child and the people in Section 1. Focus on key events in date order, with the dates services started and ended.',
  },
  { key: 'briefAnalysis', label: '3. Brief analysis of individual and multi-agency practice', hint: 'Identify any outstanding practice or potential learning.' },
  {
    key: 'partnershipConcerns',
    label: '4. Concerns about how partners worked together',
    hint: 'Any areas of concern about the way partners worked together to safeguard the child.',
  },
  { key: 'otherAgencies', label: '6. Other agencies involved', hint: 'Are you aware of the involvement of any other agencies? If yes, give details.' },
  { key: 'furtherInformation', label: '7. Further information', hint: 'Anything else you wish to bring to the attention of the Rapid Review meeting.' },
] as const;

/** One agency's scoping: its status (with a way to change it) and its Document 2 form. */
export function ScopingPanel({
  reviewId,
  member,
  item,
  onSaved,
  onReload,
  focusOnOpen,
}: {
  reviewId: string;
  member: LifecycleMember;
  item: Item;
  onSaved(i: Item): void;
  onReload(): void;
  focusOnOpen: boolean;
}) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusOnOpen) headingRef.current?.focus();
  }, [focusOnOpen]);
  const { agency, scoping } = item;
  const base = `/api/reviews/${encodeURIComponent(reviewId)}/lifecycle/scoping/${encodeURIComponent(agency.id)}`;
  const [draft, setDraft] = useState<Draft>(() => toDraft(scoping.form));
  const form = useLifecycleForm('sf', 'form.');
  const editable = mayEditScopingForm(member, agency.id, scoping.status);
  const isAuthor = member.role === 'agency-author';
  const set =
    <K extends keyof Draft>(k: K) =>
    (v: Draft[K]) =>
      setDraft((d) => ({ ...d, [k]: v }));

  const collect = (): { problems: FormError[]; body: ScopingForm } => {
    const dates = new DateCollector();
    const learningActions = draft.learningActions.map((l, i) => ({
      ...l,
      targetDate: dates.take(l.targetDate ?? '', `sf-learningActions-${i}-targetDate`, `Learning action ${i + 1} target date`),
    }));
    return { problems: dates.errors, body: { ...draft, learningActions } };
  };

  const saveForm = async (version: number): Promise<Item> => {
    const { body } = collect();
    return apiRequest('PUT', `${base}/form`, { body: { baseVersion: version, form: body }, schema: ScopingSavedSchema });
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await form.run(collect().problems, async () => {
      onSaved(await saveForm(scoping.version));
    });
  };

  /** An agency author's answer: save the form, then return it (or say the family is not known). */
  const answer = async (status: 'returned' | 'not-known') => {
    await form.run(status === 'returned' ? collect().problems : [], async () => {
      let version = scoping.version;
      if (status === 'returned') version = (await saveForm(version)).scoping.version;
      onSaved(await apiRequest('PUT', `${base}/status`, { body: { baseVersion: version, status }, schema: ScopingSavedSchema }));
    });
  };

  return (
    <section className="scoping-panel" aria-labelledby="scoping-panel-heading">
      <h3 id="scoping-panel-heading" tabIndex={-1} ref={headingRef}>
        {agency.name}: initial scoping and information sharing
      </h3>
      <p>
        <strong>Status: {SCOPING_STATUS_LABELS[scoping.status]}.</strong>
        {scoping.requestedOn && ` Requested ${showDate(scoping.requestedOn)}.`}
        {scoping.returnedOn && ` Returned ${showDate(scoping.returnedOn)}.`}
        {scoping.notKnownOn && ` Confirmed not known ${showDate(scoping.notKnownOn)}.`}
      </p>
      {!isAuthor && mayChangeScopingStatus(member, agency.id, scoping.status, 'requested') && (
        <StatusForm base={base} version={scoping.version} current={scoping.status} onSaved={onSaved} onReload={onReload} />
      )}
      {isAuthor && !isScopingOpen(scoping.status) && (
        <Notice title="Your agency has answered">
          <p>The form can no longer be changed here. If something needs correcting, ask the lead reviewer to reopen it.</p>
        </Notice>
      )}
      <ErrorSummary errors={form.errors} focusKey={form.attempt} />
      <form onSubmit={submit} noValidate>
        <fieldset className="fieldset form-block" disabled={!editable}>
          <legend className="visually-hidden">Document 2 form for {agency.name}</legend>
          {!editable && !isAuthor && <p className="muted">You can read this form; your role does not allow changes.</p>}
          <div className="label-row">
            <TextField
              id="sf-completedBy"
              label="Completed by"
              value={draft.completedBy}
              onChange={set('completedBy')}
              autoComplete="name"
              error={form.errorFor('sf-completedBy')}
            />
            <TextField
              id="sf-designation"
              label="Agency and designation or title"
              value={draft.designation}
              onChange={set('designation')}
              autoComplete="organization-title"
              error={form.errorFor('sf-designation')}
            />
          </div>
          {QUESTIONS.slice(0, 3).map((q) => (
            <TextAreaField key={q.key} id={`sf-${q.key}`} label={q.label} hint={q.hint} rows={6} value={draft[q.key]} onChange={set(q.key)} error={form.errorFor(`sf-${q.key}`)} />
          ))}
          <ListEditor
            id="sf-learningActions"
            legend="5. Learning identified and action taken (action tracker)"
            itemName="learning action"
            hint="One row per learning point. The rating is in words as well as letters."
            items={draft.learningActions}
            onChange={set('learningActions')}
            blank={blankLearningAction}
            max={MAX_LEARNING_ACTIONS}
            emptyText="No learning actions yet."
            renderItem={(l, i, update) => (
              <>
                <TextAreaField
                  id={`sf-learningActions-${i}-learningPoint`}
                  label="Learning point"
                  value={l.learningPoint}
                  onChange={(v) => update({ ...l, learningPoint: v })}
                  error={form.errorFor(`sf-learningActions-${i}-learningPoint`)}
                />
                <TextAreaField
                  id={`sf-learningActions-${i}-actionRequired`}
                  label="Action required"
                  value={l.actionRequired}
                  onChange={(v) => update({ ...l, actionRequired: v })}
                />
                <div className="label-row">
                  <TextField id={`sf-learningActions-${i}-lead`} label="Lead" value={l.lead} onChange={(v) => update({ ...l, lead: v })} autoComplete="off" />
                  <DateField
                    id={`sf-learningActions-${i}-targetDate`}
                    label="Target date for completion"
                    value={l.targetDate ?? ''}
                    onChange={(v) => update({ ...l, targetDate: v })}
                    error={form.errorFor(`sf-learningActions-${i}-targetDate`)}
                  />
                </div>
                <TextAreaField
                  id={`sf-learningActions-${i}-evidence`}
                  label="Evidence of progress of implementation"
                  value={l.evidence}
                  onChange={(v) => update({ ...l, evidence: v })}
                />
                <SelectField
                  id={`sf-learningActions-${i}-rag`}
                  label="Rating"
                  value={l.rag}
                  onChange={(v) => update({ ...l, rag: RagSchema.parse(v) })}
                  options={RagSchema.options.map((r) => ({ value: r, label: RAG_LABELS[r] }))}
                />
              </>
            )}
          />
          {QUESTIONS.slice(3).map((q) => (
            <TextAreaField key={q.key} id={`sf-${q.key}`} label={q.label} hint={q.hint} rows={4} value={draft[q.key]} onChange={set(q.key)} error={form.errorFor(`sf-${q.key}`)} />
          ))}
          {editable && (
            <div className="button-row">
              <button type="submit" className="button" disabled={form.save.kind === 'saving'}>
                Save the form
              </button>
              {isAuthor && (
                <>
                  <button type="button" className="button button--secondary" disabled={form.save.kind === 'saving'} onClick={() => void answer('returned')}>
                    Save and return the form
                  </button>
                  <button type="button" className="button button--secondary" disabled={form.save.kind === 'saving'} onClick={() => void answer('not-known')}>
                    The family is not known to our agency
                  </button>
                </>
              )}
            </div>
          )}
        </fieldset>
        <SaveStatus state={form.save} onReload={onReload} />
      </form>
      {member.role !== 'observer' && (
        <p>
          <a href={`${base}/letter-and-form.docx`} download>
            Download the scoping letter and form for {agency.name}
            <span className="muted"> (Word document, OFFICIAL-SENSITIVE, with the family composition filled in)</span>
          </a>
        </p>
      )}
    </section>
  );
}

/** The lead reviewer's and review team's way to record a status and its date. */
function StatusForm({ base, version, current, onSaved, onReload }: { base: string; version: number; current: ScopingStatus; onSaved(i: Item): void; onReload(): void }) {
  const [status, setStatus] = useState<ScopingStatus>(current === 'not-requested' ? 'requested' : current);
  const [date, setDate] = useState('');
  const form = useLifecycleForm('ss', '');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const dates = new DateCollector();
    const on = dates.take(date, 'ss-date', 'Date');
    await form.run(dates.errors, async () => {
      onSaved(await apiRequest('PUT', `${base}/status`, { body: { baseVersion: version, status, ...(on ? { date: on } : {}) }, schema: ScopingSavedSchema }));
      setDate('');
    });
  };
  return (
    <form className="inline-status" onSubmit={submit} noValidate aria-label="Record the scoping status">
      <ErrorSummary errors={form.errors} focusKey={form.attempt} />
      <div className="label-row">
        <SelectField
          id="ss-status"
          label="Record the status"
          value={status}
          onChange={(v) => setStatus(ScopingStatusSchema.parse(v))}
          options={ScopingStatusSchema.options.map((s) => ({ value: s, label: SCOPING_STATUS_LABELS[s] }))}
        />
        <DateField id="ss-date" label="On" hint="Leave blank for today. For example, 27/03/2026" value={date} onChange={setDate} error={form.errorFor('ss-date')} />
        <button type="submit" className="button button--secondary" disabled={form.save.kind === 'saving'}>
          Record status
        </button>
      </div>
      <SaveStatus state={form.save} onReload={onReload} />
    </form>
  );
}
