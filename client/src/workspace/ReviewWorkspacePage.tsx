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
import { GenogramTab } from '../genogram/GenogramTab.js';
import { WorkshopTab } from '../workshop/WorkshopTab.js';
import { ReportTab } from '../report/ReportTab.js';
import { TimescalesTab } from '../lifecycle/TimescalesTab.js';
import { ScopingTab } from '../lifecycle/ScopingTab.js';
import { RapidReviewTab } from '../lifecycle/RapidReviewTab.js';
import { TermsOfReferenceTab } from '../lifecycle/TermsOfReferenceTab.js';
import { AgenciesTab } from './AgenciesTab.js';
import { MembersTab } from './MembersTab.js';
import { OverviewTab } from './OverviewTab.js';
import { WorkspaceNav } from './WorkspaceNav.js';
import { WORKSPACE_TABS, type WorkspaceTab } from './tabs.js';

/** A review's workspace: its heading, the section navigation, and the chosen section. */
export function ReviewWorkspacePage({ reviewId, tab }: { reviewId: string; tab: WorkspaceTab }) {
  const detail = useApiData(`/api/reviews/${encodeURIComponent(reviewId)}`, ReviewDetailSchema);
  const tabLabel = WORKSPACE_TABS.find((t) => t.id === tab)!.label;
  const title = detail.data?.review.title;
  usePageTitle(title ? `${tabLabel} – ${title}` : tabLabel);

  return (
    <>
      <p><Link to="/" className="back-link">Back to your reviews</Link></p>
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
          <p>{detail.status === 404 || detail.status === 403
            ? 'It does not exist, or you are not a member of it.'
            : detail.error}</p>
        </Notice>
      )}
      {detail.loading && !detail.data && !detail.error && <LoadingMessage text="Loading review…" />}
      {detail.data && (
        <>
          <WorkspaceNav reviewId={reviewId} current={tab} role={detail.data.membership.role} />
          <section className="workspace-section" aria-labelledby="section-heading">
            {tab === 'overview' && <OverviewTab detail={detail.data} />}
            {tab === 'agencies' && <AgenciesTab detail={detail.data} onChanged={detail.reload} />}
            {tab === 'people' && <PeopleTab detail={detail.data} onAccessChanged={() => void detail.reload()} />}
            {tab === 'chronology' && <ChronologyTab detail={detail.data} onAccessChanged={() => void detail.reload()} />}
            {tab === 'genogram' && <GenogramTab detail={detail.data} onAccessChanged={() => void detail.reload()} />}
            {tab === 'members' && <MembersTab detail={detail.data} onReviewChanged={detail.reload} />}
            {tab === 'workshop' && <WorkshopTab detail={detail.data} />}
            {tab === 'report' && <ReportTab detail={detail.data} />}
            {tab === 'timescales' && <TimescalesTab detail={detail.data} />}
            {tab === 'scoping' && <ScopingTab detail={detail.data} />}
            {tab === 'rapid-review' && <RapidReviewTab detail={detail.data} />}
            {tab === 'terms-of-reference' && <TermsOfReferenceTab detail={detail.data} />}
          </section>
        </>
      )}
    </>
  );
}
