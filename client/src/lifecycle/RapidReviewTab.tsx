import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { apiRequest } from '../api/client.js';
import type { ReviewDetail } from '../api/schemas.js';
import { ErrorSummary } from '../components/ErrorSummary.js';
import { LoadingMessage } from '../components/LoadingMessage.js';
import { Notice } from '../components/Notice.js';
import { useApiData } from '../hooks/useApiData.js';
import { ExportLinks } from './ExportLinks.js';
import { RapidReviewViewSchema, type RapidReviewView } from './lifecycleSchemas.js';
import { RapidReviewConsiderationSection } from './RapidReviewConsiderationSection.js';
import { RapidReviewDecisionSection } from './RapidReviewDecisionSection.js';
import { RapidReviewMeetingSection } from './RapidReviewMeetingSection.js';
import { fromDraft, toDraft, type RapidReviewDraft } from './rapidReviewDraft.js';
import { SaveStatus } from './SaveStatus.js';
import { useLifecycleForm } from './useLifecycleForm.js';

const CONTENTS = [
  ['rr-background', 'Background information'],
  ['rr-people', 'Participants and quorum'],
  ['rr-section-1', 'Section 1: Case background'],
  ['rr-section-2', 'Section 2: Criteria and discussion'],
  ['rr-section-3', 'Section 3: Recommendation'],
  ['rr-sign-off', 'Sign off'],
  ['rr-letter', 'Letter to the National Panel'],
] as const;

/**
 * The Rapid Review record (Document 4). The lead reviewer and review team edit it; observers read it;
 * agency authors are refused by the server and told why here.
 */
export function RapidReviewTab({ detail }: { detail: ReviewDetail }) {
  const path = `/api/reviews/${encodeURIComponent(detail.review.id)}/lifecycle/rapid-review`;
  const res = useApiData(path, RapidReviewViewSchema);
  const [view, setView] = useState<RapidReviewView | null>(null);
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
        Rapid Review record
      </h2>
      {res.status === 403 && (
        <Notice title="Not available to agency authors">
          <p>
            The Rapid Review record discusses every agency’s practice, so only the lead reviewer, the review team and observers can see it. Your agency’s part is on the Agency
            scoping page.
          </p>
        </Notice>
      )}
      {res.error && res.status !== 403 && (
        <Notice tone="error" role="alert" title="The record could not be loaded">
          {res.error}
        </Notice>
      )}
      {res.loading && !view && <LoadingMessage text="Loading the Rapid Review record…" />}
      {view && <RapidReviewForm key={generation} path={path} reviewId={detail.review.id} view={view} onSaved={setView} onReload={() => void res.reload()} />}
    </>
  );
}

function RapidReviewForm({
  path,
  reviewId,
  view,
  onSaved,
  onReload,
}: {
  path: string;
  reviewId: string;
  view: RapidReviewView;
  onSaved(v: RapidReviewView): void;
  onReload(): void;
}) {
  const [draft, setDraft] = useState<RapidReviewDraft>(() => toDraft(view.content));
  const form = useLifecycleForm('rr', 'content.');
  const update = useCallback((change: (d: RapidReviewDraft) => RapidReviewDraft) => setDraft(change), []);
  const readOnly = !view.mayEdit;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const { content, problems } = fromDraft(draft);
    await form.run(problems, async () => {
      onSaved(await apiRequest('PUT', path, { body: { baseVersion: view.version, content }, schema: RapidReviewViewSchema }));
    });
  };

  const props = { draft, update, view, errorFor: form.errorFor };
  // Each save button shows the outcome beside it for sighted users; the single live region below the
  // error summary announces it once for screen reader users (so it is hidden from them here).
  const note = form.save.kind === 'saved' ? `Saved at ${form.save.at}.` : form.save.kind === 'conflict' ? 'Not saved: see the message above the form.' : '';
  const saveButton = !readOnly && (
    <div className="button-row">
      <button type="submit" className="button" disabled={form.save.kind === 'saving'}>
        Save the record
      </button>
      <span className="save-note" aria-hidden="true">
        {note}
      </span>
    </div>
  );
  return (
    <>
      <p>
        Follows the Rapid Review template (Document 4). Completed before and during the meeting, agreed by the participants, and sent to the National Panel within 15 working days
        of the referral.
      </p>
      {readOnly && (
        <Notice title="Read only">
          <p>You can read this record. Only the lead reviewer and review team can change it or download it.</p>
        </Notice>
      )}
      <nav aria-labelledby="rr-contents-heading" className="contents-nav">
        <h3 id="rr-contents-heading" className="contents-nav__title">
          On this page
        </h3>
        <ul>
          {CONTENTS.map(([id, label]) => (
            <li key={id}>
              <a href={`#${id}`}>{label}</a>
            </li>
          ))}
        </ul>
      </nav>
      <ErrorSummary errors={form.errors} focusKey={form.attempt} />
      <SaveStatus state={form.save} onReload={onReload} />
      <form onSubmit={submit} noValidate aria-label="Rapid Review record">
        <fieldset className="fieldset form-block" disabled={readOnly}>
          <legend className="visually-hidden">Rapid Review record</legend>
          <RapidReviewMeetingSection {...props} />
          {saveButton}
          <RapidReviewConsiderationSection {...props} readOnly={readOnly} />
          {saveButton}
          <RapidReviewDecisionSection {...props} />
          {saveButton}
        </fieldset>
      </form>
      {!readOnly && (
        <ExportLinks
          reviewId={reviewId}
          items={[
            { file: 'rapid-review.docx', label: 'Download the completed Rapid Review template' },
            { file: 'panel-letter.docx', label: 'Download the covering letter to the National Panel' },
          ]}
        />
      )}
    </>
  );
}
