import { ROLE_LABELS } from '../../../shared/roles.js';
import type { ReviewListItem } from '../api/schemas.js';
import { REVIEW_KIND_LABELS, showDate } from '../lib/labels.js';
import { Link } from '../router/Link.js';
import { AgencyTag } from './AgencyTag.js';
import { Badge } from './Badge.js';

/** One review in the reviews list: title, kind, role, referral date and agencies. */
export function ReviewCard({ review }: { review: ReviewListItem }) {
  return (
    <li className={review.fictional ? 'card card--demo' : 'card'}>
      <h2 className="card__title">
        <Link to={`/reviews/${encodeURIComponent(review.id)}/overview`}>{review.title}</Link>
      </h2>
      <p className="card__badges">
        <Badge tone="info">{REVIEW_KIND_LABELS[review.kind]}</Badge>
        {review.fictional && <Badge tone="demo">Fictional demo</Badge>}
      </p>
      {review.fictional && <p className="card__demo-note">Fictional: made up for training and trying the app. No real child or family.</p>}
      <dl className="summary-list summary-list--compact">
        <div>
          <dt>Child</dt>
          <dd>{review.childPseudonym}</dd>
        </div>
        <div>
          <dt>Your role</dt>
          <dd>{ROLE_LABELS[review.role]}</dd>
        </div>
        <div>
          <dt>Referral date</dt>
          <dd>{showDate(review.referralDate)}</dd>
        </div>
        <div>
          <dt>Agencies</dt>
          <dd>
            {review.agencies.length === 0 ? (
              'None yet'
            ) : (
              <ul className="tag-list">
                {review.agencies.map((a) => (
                  <li key={a.id}>
                    <AgencyTag shortCode={a.shortCode} colour={a.colour} name={a.name} />
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
      </dl>
    </li>
  );
}
