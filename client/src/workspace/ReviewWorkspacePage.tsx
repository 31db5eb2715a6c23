import { Suspense, lazy, useEffect, type ReactNode } from 'react';
import { ReviewDetailSchema } from '../api/schemas.js';
import { Badge } from '../components/Badge.js';
import { LoadingMessage } from '../components/LoadingMessage.js';
import { Notice } from '../components/Notice.js';
import { useApiData } from '../hooks/useApiData.js';
import { usePageTitle } from '../hooks/usePageTitle.js';
import { REVIEW_KIND_LABELS } from '../lib/labels.js';
import { Link } from '../router/Link.js';
import { PeopleTab } from '../people/PeopleTab.js';
import { ChronologyTab } from '../chronology/ChronologyTab.js';
import { WorkshopTab } from '../workshop/WorkshopTab.js';
import { ReportTab } from '../report/ReportTab.js';
import { TimescalesTab } from '../lifecycle/TimescalesTab.js';
import { ScopingTab } from '../lifecycle/ScopingTab.js';
import { RapidReviewTab } from '../lifecycle/RapidReviewTab.js';
import { TermsOfReferenceTab } from '../lifecycle/TermsOfReferenceTab.js';
import { EvidenceTab } from '../evidence/EvidenceTab.js';
import { AgenciesTab } from './AgenciesTab.js';
import { MembersTab } from './MembersTab.js';
import { OverviewTab } from './OverviewTab.js';
import { WorkspaceNav } from './WorkspaceNav.js';
import { WORKSPACE_TABS, type WorkspaceTab } from './tabs.js';

/**
 * The genogram (React Flow and dagre, about a third of the client) is fetched only when its tab is
 * first opened, so every other page loads without it.
 */
const GenogramTab = lazy(() => import('../genogram/GenogramTab.js').then((m) => ({ default: m.GenogramTab })));

/**
 * Puts focus on a lazily loaded tab's heading when it arrives after an in-app navigation: route focus
 * ran while the tab was still loading and fell back to the page's h1. A first page load (focus on the
 * body) is left alone, as useRouteFocus leaves it.
 */
function FocusOnArrival({ children }: { children: ReactNode }) {
  useEffect(() => {
    const active = document.activeElement;
    if (active instanceof HTMLElement && active.matches('main h1')) document.querySelector<HTMLElement>('[data-route-focus]')?.focus();
  }, []);
  return children;
}

/** A tab whose code is fetched on first use, with a loading message that screen readers announce meanwhile. */
function LazyTab({ loading, children }: { loading: string; children: ReactNode }) {
  return (
    <Suspense fallback={<LoadingMessage text={loading} />}>
      <FocusOnArrival>{children}</FocusOnArrival>
    </Suspense>
  );
}

/** A review's workspace: its heading, the section navigation, and the chosen section. */
export function ReviewWorkspacePage({ reviewId, tab }: { reviewId: string; tab: WorkspaceTab }) {
  const detail = useApiData(`/api/reviews/${encodeURIComponent(reviewId)}`, ReviewDetailSchema);
  const tabLabel = WORKSPACE_TABS.find((t) => t.id === tab)!.label;
  const title = detail.data?.review.title;
  usePageTitle(title ? `${tabLabel} – ${title}` : tabLabel);

  return (
    <>
      <p>
        <Link to="/" className="back-link">
          Back to your reviews
        </Link>
      </p>
      <div className="workspace-heading">
        <h1>{title ?? (detail.error ? 'Review not available' : 'Loading review…')}</h1>
        {detail.data && (
          <p className="card__badges">
            <Badge tone="info">{REVIEW_KIND_LABELS[detail.data.review.kind]}</Badge>
            {detail.data.review.fictional && <Badge tone="demo">Fictional demo</Badge>}
          </p>
        )}
      </div>
      {detail.error && (
        <Notice tone="error" role="alert" title="This review could not be opened">
          <p>{detail.status === 404 || detail.status === 403 ? 'It does not exist, or you are not a member of it.' : detail.error}</p>
        </Notice>
      )}
      {detail.loading && !detail.data && !detail.error && <LoadingMessage text="Loading review…" />}
      {detail.data && (
        <>
          <WorkspaceNav reviewId={reviewId} current={tab} role={detail.data.membership.role} agencyCount={detail.data.agencies.length} />
          <section className="workspace-section" aria-labelledby="section-heading">
            {tab === 'overview' && <OverviewTab detail={detail.data} />}
            {tab === 'agencies' && <AgenciesTab detail={detail.data} onChanged={detail.reload} />}
            {tab === 'people' && <PeopleTab detail={detail.data} onAccessChanged={() => void detail.reload()} />}
            {tab === 'chronology' && <ChronologyTab detail={detail.data} onAccessChanged={() => void detail.reload()} />}
            {tab === 'genogram' && (
              <LazyTab loading="Loading the genogram…">
                <GenogramTab detail={detail.data} onAccessChanged={() => void detail.reload()} />
              </LazyTab>
            )}
            {tab === 'members' && <MembersTab detail={detail.data} onReviewChanged={detail.reload} />}
            {tab === 'workshop' && <WorkshopTab detail={detail.data} />}
            {tab === 'report' && <ReportTab detail={detail.data} onAccessChanged={() => void detail.reload()} />}
            {tab === 'timescales' && <TimescalesTab detail={detail.data} />}
            {tab === 'scoping' && <ScopingTab detail={detail.data} />}
            {tab === 'rapid-review' && <RapidReviewTab detail={detail.data} />}
            {tab === 'terms-of-reference' && <TermsOfReferenceTab detail={detail.data} />}
            {tab === 'evidence' && <EvidenceTab detail={detail.data} />}
          </section>
        </>
      )}
    </>
  );
}
