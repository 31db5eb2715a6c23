import { useEffect, useState, type FormEvent } from 'react';
import { MAX_KEY_DATES, MAX_KLOES, MAX_TEAM_MEMBERS, TOR_INTRODUCTION, type TermsOfReferenceContent } from '../../../shared/lifecycle/index.js';
import { apiRequest } from '../api/client.js';
import type { ReviewDetail } from '../api/schemas.js';
import { DateField } from '../components/DateField.js';
import { ErrorSummary, type FormError } from '../components/ErrorSummary.js';
import { LoadingMessage } from '../components/LoadingMessage.js';
import { Notice } from '../components/Notice.js';
import { TextAreaField } from '../components/TextAreaField.js';
import { TextField } from '../components/TextField.js';
import { useApiData } from '../hooks/useApiData.js';
import { DateCollector, isoToInput } from './dateInput.js';
import { ExportLinks } from './ExportLinks.js';
import { ListEditor } from './ListEditor.js';
import { TermsOfReferenceViewSchema, type TermsOfReferenceView } from './lifecycleSchemas.js';
import { SaveStatus } from './SaveStatus.js';
import { useLifecycleForm } from './useLifecycleForm.js';

const id = (path: string) => `tor-${path.replace(/\./g, '-')}`;

/** The terms of reference of an LCSPR (Document 7): the lead reviewer and review team edit them, observers read them. */
export function TermsOfReferenceTab({ detail }: { detail: ReviewDetail }) {
  const path = `/api/reviews/${encodeURIComponent(detail.review.id)}/lifecycle/terms-of-reference`;
  const res = useApiData(path, TermsOfReferenceViewSchema);
  const [view, setView] = useState<TermsOfReferenceView | null>(null);
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    if (res.data) {
      setView(res.data);
      setGeneration((g) => g + 1);
    }
  }, [res.data]);
  return (
    <>
      <h2 id="section-heading" data-route-focus tabIndex={-1}>
        Terms of reference
      </h2>
      {res.status === 403 && (
        <Notice title="Not available to agency authors">
          <p>The lead reviewer shares the agreed terms of reference with agencies.</p>
        </Notice>
      )}
      {res.error && res.status !== 403 && (
        <Notice tone="error" role="alert" title="The terms of reference could not be loaded">
          {res.error}
        </Notice>
      )}
      {res.loading && !view && <LoadingMessage text="Loading the terms of reference…" />}
      {view && <TermsForm key={generation} path={path} reviewId={detail.review.id} view={view} onSaved={setView} onReload={() => void res.reload()} />}
    </>
  );
}

function TermsForm({
  path,
  reviewId,
  view,
  onSaved,
  onReload,
}: {
  path: string;
  reviewId: string;
  view: TermsOfReferenceView;
  onSaved(v: TermsOfReferenceView): void;
  onReload(): void;
}) {
  const [t, setT] = useState<TermsOfReferenceContent>(() => ({
    ...view.content,
    date: isoToInput(view.content.date),
    keyDates: view.content.keyDates.map((k) => ({ ...k, date: isoToInput(k.date) })),
  }));
  const [periodStart, setPeriodStart] = useState(isoToInput(view.review.periodStart));
  const [periodEnd, setPeriodEnd] = useState(isoToInput(view.review.periodEnd));
  const form = useLifecycleForm('tor', 'content.');
  const readOnly = !view.mayEdit;
  const set =
    <K extends keyof TermsOfReferenceContent>(k: K) =>
    (v: TermsOfReferenceContent[K]) =>
      setT((x) => ({ ...x, [k]: v }));
  const text = (k: keyof TermsOfReferenceContent, label: string, hint?: string, rows = 4) => (
    <TextAreaField id={id(k)} label={label} hint={hint} rows={rows} value={t[k] as string} onChange={(v) => setT((x) => ({ ...x, [k]: v }))} error={form.errorFor(id(k))} />
  );

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const dates = new DateCollector();
    const content: TermsOfReferenceContent = {
      ...t,
      date: dates.take(t.date ?? '', id('date'), 'Date'),
      keyDates: t.keyDates.map((k, i) => ({ ...k, date: dates.take(k.date ?? '', id(`keyDates.${i}.date`), `Key date ${i + 1}`) })),
    };
    const start = dates.take(periodStart, 'tor-periodStart', 'Start of the time period');
    const end = dates.take(periodEnd, 'tor-periodEnd', 'End of the time period');
    const problems: FormError[] = [...dates.errors];
    if (start && end && start > end) problems.push({ fieldId: 'tor-periodEnd', message: 'The end of the time period must be after its start' });
    t.keyLinesOfEnquiry.forEach((k, i) => {
      if (!k.trim()) problems.push({ fieldId: id(`keyLinesOfEnquiry.${i}`), message: `Key line of enquiry ${i + 1}: enter it, or remove it` });
    });
    t.teamMembers.forEach((m, i) => {
      if (!m.name.trim()) problems.push({ fieldId: id(`teamMembers.${i}.name`), message: `Review team member ${i + 1}: enter their name` });
    });
    t.keyDates.forEach((k, i) => {
      if (!k.milestone.trim()) problems.push({ fieldId: id(`keyDates.${i}.milestone`), message: `Key date ${i + 1}: say what happens on it` });
    });
    await form.run(problems, async () => {
      onSaved(await apiRequest('PUT', path, { body: { baseVersion: view.version, content, periodStart: start, periodEnd: end }, schema: TermsOfReferenceViewSchema }));
    });
  };

  const unused = view.proposedKloes.filter((k) => !t.keyLinesOfEnquiry.includes(k));
  return (
    <>
      <p>Document 7. The key lines of enquiry and the time period are used by the chronology and the report; the time period is the review’s own.</p>
      {readOnly && (
        <Notice title="Read only">
          <p>Only the lead reviewer and review team can change the terms of reference or download them.</p>
        </Notice>
      )}
      <ErrorSummary errors={form.errors} focusKey={form.attempt} />
      <SaveStatus state={form.save} onReload={onReload} />
      <form onSubmit={submit} noValidate aria-label="Terms of reference">
        <fieldset className="fieldset form-block" disabled={readOnly}>
          <legend className="visually-hidden">Terms of reference</legend>
          <div className="label-row">
            <TextField id={id('childReference')} label="Child reference" value={t.childReference} onChange={set('childReference')} autoComplete="off" />
            <DateField id={id('date')} label="Date" value={t.date ?? ''} onChange={set('date')} error={form.errorFor(id('date'))} />
          </div>
          <section className="form-section" aria-labelledby="tor-1">
            <h3 id="tor-1">1. Introduction</h3>
            {TOR_INTRODUCTION.map((p) => (
              <p key={p}>{p}</p>
            ))}
          </section>
          <section className="form-section" aria-labelledby="tor-2">
            <h3 id="tor-2">2. Case summary</h3>
            {text('incidentSummary', 'Summary of serious incident', undefined, 5)}
            {text('familyInformation', 'Information about the family')}
          </section>
          <section className="form-section" aria-labelledby="tor-3">
            <h3 id="tor-3">3. Review team</h3>
            <TextField id={id('leadReviewerName')} label="Name of lead reviewer" value={t.leadReviewerName} onChange={set('leadReviewerName')} autoComplete="off" />
            <ListEditor
              id={id('teamMembers')}
              legend="Membership of the review team"
              itemName="review team member"
              max={MAX_TEAM_MEMBERS}
              hint="With the organisation each represents and any specific responsibilities, such as liaison with the Senior Investigating Officer."
              items={t.teamMembers}
              onChange={set('teamMembers')}
              blank={() => ({ name: '', organisation: '', responsibilities: '' })}
              emptyText="No members listed yet."
              renderItem={(m, i, upd) => (
                <>
                  <div className="label-row">
                    <TextField
                      id={id(`teamMembers.${i}.name`)}
                      label="Name"
                      value={m.name}
                      onChange={(v) => upd({ ...m, name: v })}
                      autoComplete="off"
                      error={form.errorFor(id(`teamMembers.${i}.name`))}
                    />
                    <TextField
                      id={id(`teamMembers.${i}.organisation`)}
                      label="Organisation"
                      value={m.organisation}
                      onChange={(v) => upd({ ...m, organisation: v })}
                      autoComplete="off"
                    />
                  </div>
                  <TextAreaField
                    id={id(`teamMembers.${i}.responsibilities`)}
                    label="Specific responsibilities"
                    rows={2}
                    value={m.responsibilities}
                    onChange={(v) => upd({ ...m, responsibilities: v })}
                  />
                </>
              )}
            />
          </section>
          <section className="form-section" aria-labelledby="tor-4">
            <h3 id="tor-4">4. Scope of the review</h3>
            <fieldset className="fieldset">
              <legend className="fieldset__legend">Time period to be considered</legend>
              <div className="date-range">
                <DateField id="tor-periodStart" label="From" value={periodStart} onChange={setPeriodStart} error={form.errorFor('tor-periodStart')} />
                <DateField id="tor-periodEnd" label="To" value={periodEnd} onChange={setPeriodEnd} error={form.errorFor('tor-periodEnd')} />
              </div>
            </fieldset>
            {text('periodRationale', 'Rationale for the time period')}
            <ListEditor
              id={id('keyLinesOfEnquiry')}
              legend="Key issues to be addressed (key lines of enquiry)"
              itemName="key line of enquiry"
              max={MAX_KLOES}
              hint="They may evolve as more is learnt, and should consider the ‘why’ questions."
              items={t.keyLinesOfEnquiry}
              onChange={set('keyLinesOfEnquiry')}
              blank={() => ''}
              emptyText="None agreed yet."
              renderItem={(k, i, upd) => (
                <TextAreaField
                  id={id(`keyLinesOfEnquiry.${i}`)}
                  label="Key line of enquiry"
                  rows={2}
                  value={k}
                  onChange={upd}
                  error={form.errorFor(id(`keyLinesOfEnquiry.${i}`))}
                />
              )}
            />
            {!readOnly && unused.length > 0 && (
              <button
                type="button"
                className="button button--secondary button--small field-action"
                onClick={() => setT((x) => ({ ...x, keyLinesOfEnquiry: [...x.keyLinesOfEnquiry, ...unused].slice(0, MAX_KLOES) }))}
              >
                Add the {unused.length} key {unused.length === 1 ? 'line' : 'lines'} of enquiry proposed by the Rapid Review
              </button>
            )}
          </section>
          <section className="form-section" aria-labelledby="tor-5">
            <h3 id="tor-5">5. Plans to involve children and family members</h3>
            {text('familyInvolvement', 'Agreed plans, and who will make contact', 'Take the legal considerations in section 7 into account.')}
          </section>
          <section className="form-section" aria-labelledby="tor-6">
            <h3 id="tor-6">6. Methodology</h3>
            {text('chronologies', 'Chronologies', undefined, 3)}
            {text('learningTemplate', 'Learning template or information report', undefined, 3)}
            {text('workshop', 'Reflective learning workshop or feedback session', undefined, 3)}
          </section>
          <section className="form-section" aria-labelledby="tor-7">
            <h3 id="tor-7">7. Legal considerations</h3>
            {text('parallelInvestigations', 'Parallel investigations', undefined, 3)}
            {text('legalAdvice', 'Legal advice', undefined, 3)}
          </section>
          <section className="form-section" aria-labelledby="tor-8">
            <h3 id="tor-8">8. Other considerations</h3>
            {text('otherConsiderations', 'Other considerations', 'As a minimum, any racial, cultural, linguistic or religious issues for the child or family.')}
          </section>
          <section className="form-section" aria-labelledby="tor-9">
            <h3 id="tor-9">9. Timeline and key dates</h3>
            <ListEditor
              id={id('keyDates')}
              legend="Key dates"
              itemName="key date"
              max={MAX_KEY_DATES}
              hint="Including the target date for presenting the learning to the safeguarding partners."
              items={t.keyDates}
              onChange={set('keyDates')}
              blank={() => ({ date: '', milestone: '' })}
              emptyText="No key dates yet."
              renderItem={(k, i, upd) => (
                <div className="label-row">
                  <DateField
                    id={id(`keyDates.${i}.date`)}
                    label="Date"
                    value={k.date ?? ''}
                    onChange={(v) => upd({ ...k, date: v })}
                    error={form.errorFor(id(`keyDates.${i}.date`))}
                  />
                  <TextField
                    id={id(`keyDates.${i}.milestone`)}
                    label="What happens"
                    value={k.milestone}
                    onChange={(v) => upd({ ...k, milestone: v })}
                    autoComplete="off"
                    error={form.errorFor(id(`keyDates.${i}.milestone`))}
                  />
                </div>
              )}
            />
          </section>
          {!readOnly && (
            <div className="button-row">
              <button type="submit" className="button" disabled={form.save.kind === 'saving'}>
                Save the terms of reference
              </button>
            </div>
          )}
        </fieldset>
      </form>
      {!readOnly && <ExportLinks reviewId={reviewId} items={[{ file: 'terms-of-reference.docx', label: 'Download the terms of reference' }]} />}
    </>
  );
}
