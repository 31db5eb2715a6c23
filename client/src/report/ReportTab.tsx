import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ReviewDetail } from '../api/schemas.js';
import { LoadingMessage } from '../components/LoadingMessage.js';
import { Notice } from '../components/Notice.js';
import { useApiData } from '../hooks/useApiData.js';
import { Link } from '../router/Link.js';
import { useLocation } from '../router/navigation.js';
import { ReportBuilder } from './ReportBuilder.js';
import { ReportPreview } from './ReportPreview.js';
import { ChronologyRowsSchema, DraftResponseSchema, reportPaths, WorkshopListSchema } from './reportApi.js';
import { promptChoices } from './themeSources.js';
import type { ThemeSources } from './ThemesPanel.js';
import { useUnsavedChangesWarning } from './useUnsavedChangesWarning.js';
import { workshopLearningPoints } from './workshopLearningPoints.js';

/** True when a role may see the report (the server's rule for the preview): the lead reviewer and the review team. */
export function canSeeReport(role: ReviewDetail['membership']['role']): boolean {
  return role === 'lead-reviewer' || role === 'review-team';
}

/**
 * The Report section of a review. The lead reviewer builds the draft and previews and downloads it;
 * the review team sees the preview only; anyone else is told the report is not theirs to see (the
 * server refuses them too).
 */
export function ReportTab({ detail }: { detail: ReviewDetail }) {
  const role = detail.membership.role;
  return (
    <>
      <h2 id="section-heading" data-route-focus tabIndex={-1}>
        Report
      </h2>
      {role === 'lead-reviewer' && <LeadReport detail={detail} />}
      {role === 'review-team' && <ReportPreview reviewId={detail.review.id} canDownload={false} unsaved={false} />}
      {!canSeeReport(role) && (
        <Notice tone="info" title="The report is not available to you">
          <p>Only the lead reviewer and the review team can see the draft report.</p>
        </Notice>
      )}
    </>
  );
}

/** The lead reviewer's two views, switched by `?view=preview` so each can be linked to. The builder keeps its state while hidden. */
function LeadReport({ detail }: { detail: ReviewDetail }) {
  const reviewId = detail.review.id;
  const { search } = useLocation();
  const view = new URLSearchParams(search).get('view') === 'preview' ? 'preview' : 'build';
  const draft = useApiData(reportPaths.draft(reviewId), DraftResponseSchema);
  const chronology = useApiData(reportPaths.chronology(reviewId), ChronologyRowsSchema);
  const workshops = useApiData(reportPaths.workshops(reviewId), WorkshopListSchema);
  const [dirty, setDirty] = useState(false);
  const onDirtyChange = useCallback((d: boolean) => setDirty(d), []);
  useUnsavedChangesWarning(dirty);

  const sources: ThemeSources = useMemo(() => {
    const choices = promptChoices(workshops.data?.workshops ?? []);
    return {
      rows: chronology.data?.rows ?? [],
      rowsProblem: chronology.error,
      prompts: choices.prompts,
      promptsProblem: workshops.error
        ? `The workshop could not be loaded, so its prompts cannot be chosen now: ${workshops.error}`
        : choices.unreadable
          ? 'The workshop\u2019s set-up could not be read, so its prompts cannot be chosen.'
          : null,
    };
  }, [chronology.data, chronology.error, workshops.data, workshops.error]);

  const workshopPoints = useMemo(() => workshopLearningPoints(workshops.data?.workshops ?? []), [workshops.data]);

  // After switching view, focus goes to the view's heading, as it would on a new page.
  const previewHeading = useRef<HTMLHeadingElement>(null);
  const firstView = useRef(true);
  useEffect(() => {
    if (firstView.current) {
      firstView.current = false;
      return;
    }
    (view === 'preview' ? previewHeading.current : document.getElementById('section-heading'))?.focus();
  }, [view]);

  const base = `/reviews/${encodeURIComponent(reviewId)}/report`;
  return (
    <>
      <nav className="report-views" aria-label="Report views">
        <ul className="report-views__list">
          <li>
            <Link to={base} className="report-views__link" aria-current={view === 'build' ? 'page' : undefined}>
              Build the report
            </Link>
          </li>
          <li>
            <Link to={`${base}?view=preview`} className="report-views__link" aria-current={view === 'preview' ? 'page' : undefined}>
              Preview and download
            </Link>
          </li>
        </ul>
      </nav>
      {draft.error && !draft.data && (
        <Notice tone="error" role="alert" title="The report draft could not be loaded">
          <p>{draft.error}</p>
          <p>
            <button type="button" className="button button--secondary" onClick={() => void draft.reload()}>
              Try again
            </button>
          </p>
        </Notice>
      )}
      {draft.loading && !draft.data && <LoadingMessage text="Loading the report draft…" />}
      {draft.data && (
        <ReportBuilder
          detail={detail}
          initial={draft.data.draft}
          sources={sources}
          workshopLearningPoints={workshopPoints}
          hidden={view !== 'build'}
          onDirtyChange={onDirtyChange}
        />
      )}
      {view === 'preview' && <ReportPreview headingRef={previewHeading} reviewId={reviewId} canDownload unsaved={dirty} />}
    </>
  );
}
