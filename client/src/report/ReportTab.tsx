import { useCallback, useEffect, useMemo, useRef } from 'react';
import { reportDraftAccess } from '../../../shared/report/access.js';
import type { ReviewDetail } from '../api/schemas.js';
import { LoadingMessage } from '../components/LoadingMessage.js';
import { Notice } from '../components/Notice.js';
import { useApiData } from '../hooks/useApiData.js';
import { usePresence } from '../hooks/usePresence.js';
import { HistoryLink } from '../history/HistoryLink.js';
import { PresenceBar } from '../people/PresenceBar.js';
import { SyncStatusLine } from '../people/SyncStatusLine.js';
import { Link } from '../router/Link.js';
import { useLocation } from '../router/navigation.js';
import { useMe } from '../session/sessionContext.js';
import { ReportBuilder } from './ReportBuilder.js';
import { ReportPreview } from './ReportPreview.js';
import { ChronologyRowsSchema, reportPaths, WorkshopListSchema } from './reportApi.js';
import { promptChoices } from './themeSources.js';
import type { ThemeSources } from './ThemesPanel.js';
import { useReportDraft } from './useReportDraft.js';
import { workshopLearningPoints } from './workshopLearningPoints.js';

/** True when a role may see the report (the server's rule for the draft and preview): the lead reviewer and the review team. */
export function canSeeReport(role: ReviewDetail['membership']['role']): boolean {
  return reportDraftAccess(role) !== 'none';
}

/** Longest section title shown for a colleague in the presence list (it comes from their browser). */
const MAX_SECTION_TITLE_CHARS = 80;

/**
 * The Report section of a review. The lead reviewer writes the draft (a shared document, saved as it is
 * typed) and previews and downloads it; the review team reads the draft live and sees the preview;
 * anyone else is told the report is not theirs to see (the server refuses them too).
 */
export function ReportTab({ detail, onAccessChanged }: { detail: ReviewDetail; onAccessChanged?(): void }) {
  const role = detail.membership.role;
  return (
    <>
      <h2 id="section-heading" data-route-focus tabIndex={-1}>
        Report
      </h2>
      {canSeeReport(role) ? (
        <DraftReport detail={detail} canWrite={reportDraftAccess(role) === 'write'} {...(onAccessChanged ? { onAccessChanged } : {})} />
      ) : (
        <Notice tone="info" title="The report is not available to you">
          <p>Only the lead reviewer and the review team can see the draft report.</p>
        </Notice>
      )}
    </>
  );
}

/**
 * The two views of the draft, switched by `?view=preview` so each can be linked to: the builder (read
 * only for the review team) and the preview, with the downloads for the lead reviewer. The draft's
 * document stays open while the preview shows, so typing carries on being saved.
 */
function DraftReport({ detail, canWrite, onAccessChanged }: { detail: ReviewDetail; canWrite: boolean; onAccessChanged?(): void }) {
  const reviewId = detail.review.id;
  const me = useMe();
  const { search } = useLocation();
  const view = new URLSearchParams(search).get('view') === 'preview' ? 'preview' : 'build';
  const report = useReportDraft(reviewId, canWrite, onAccessChanged);
  const presence = usePresence(report.shared?.provider ?? null, me.user.name);
  const chronology = useApiData(reportPaths.chronology(reviewId), ChronologyRowsSchema);
  const workshops = useApiData(reportPaths.workshops(reviewId), WorkshopListSchema);
  const awareness = report.shared?.provider.awareness ?? null;
  const onEditing = useCallback(
    (section: string | null) => {
      awareness?.setLocalStateField('editing', section);
    },
    [awareness],
  );

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
              {canWrite ? 'Build the report' : 'Read the draft'}
            </Link>
          </li>
          <li>
            <Link to={`${base}?view=preview`} className="report-views__link" aria-current={view === 'preview' ? 'page' : undefined}>
              {canWrite ? 'Preview and download' : 'Preview'}
            </Link>
          </li>
        </ul>
      </nav>
      <SyncStatusLine facts={report.facts} readOnly={!canWrite} />
      <PresenceBar entries={presence} describe={(section) => `in ${section.slice(0, MAX_SECTION_TITLE_CHARS)}`} />
      <HistoryLink doc="report">Version history of the report draft</HistoryLink>
      {!report.draft && <LoadingMessage text="Loading the report draft…" />}
      {report.draft && report.shared && (
        <ReportBuilder
          detail={detail}
          draft={report.draft}
          doc={report.shared.doc}
          awareness={awareness}
          change={report.change}
          readOnly={!canWrite}
          sources={sources}
          workshopLearningPoints={workshopPoints}
          hidden={view !== 'build'}
          onEditing={onEditing}
        />
      )}
      {view === 'preview' && <ReportPreview headingRef={previewHeading} reviewId={reviewId} canDownload={canWrite} pending={report.facts.pending} />}
    </>
  );
}
