import { ROLE_LABELS } from '../../../shared/roles.js';
import type { ReviewDetail } from '../api/schemas.js';
import { AgencyTag } from '../components/AgencyTag.js';
import { REVIEW_KIND_LABELS, showDate } from '../lib/labels.js';

/** The review's key facts: kind, reference, child's pseudonym, dates, and the viewer's role. */
export function OverviewTab({ detail }: { detail: ReviewDetail }) {
  const { review, agencies, membership } = detail;
  const ownAgency = membership.agencyId ? agencies.find((a) => a.id === membership.agencyId) : undefined;
  const period = review.periodStart || review.periodEnd ? `${showDate(review.periodStart, 'not set')} to ${showDate(review.periodEnd, 'not set')}` : 'Not recorded';
  return (
    <>
      <h2 id="section-heading" data-route-focus tabIndex={-1}>
        Overview
      </h2>
      {review.fictional && (
        <p className="notice notice--info">
          This review is a <strong>fictional demo</strong>. Every name and event in it is made up.
        </p>
      )}
      <dl className="summary-list">
        <div>
          <dt>Kind of review</dt>
          <dd>{REVIEW_KIND_LABELS[review.kind]}</dd>
        </div>
        <div>
          <dt>Title or reference</dt>
          <dd>{review.title}</dd>
        </div>
        <div>
          <dt>Child's pseudonym</dt>
          <dd>{review.childPseudonym}</dd>
        </div>
        <div>
          <dt>Referral or notification date</dt>
          <dd>{showDate(review.referralDate)}</dd>
        </div>
        <div>
          <dt>Time period under review</dt>
          <dd>{period}</dd>
        </div>
        <div>
          <dt>Your role</dt>
          <dd>
            {ROLE_LABELS[membership.role]}
            {ownAgency && (
              <>
                {' '}
                for <AgencyTag shortCode={ownAgency.shortCode} colour={ownAgency.colour} /> {ownAgency.name}
              </>
            )}
          </dd>
        </div>
        <div>
          <dt>Agencies</dt>
          <dd>{agencies.length === 0 ? 'None yet' : agencies.length}</dd>
        </div>
      </dl>
    </>
  );
}
