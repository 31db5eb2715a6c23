import { ReviewListSchema } from '../api/schemas.js';
import { Notice } from '../components/Notice.js';
import { LoadingMessage } from '../components/LoadingMessage.js';
import { ReviewCard } from '../components/ReviewCard.js';
import { useApiData } from '../hooks/useApiData.js';
import { usePageTitle } from '../hooks/usePageTitle.js';
import { canCreateReview } from '../lib/permissions.js';
import { Link } from '../router/Link.js';
import { useMe } from '../session/sessionContext.js';
import { MilestonesDashboard } from '../lifecycle/MilestonesDashboard.js';
import { TimetableSettingsForm } from '../lifecycle/TimetableSettingsForm.js';

/**
 * The list of reviews the signed-in user belongs to, with a way to start a new one for those who may
 * (partnership admins and lead reviewers; the roles come from the list itself, so they are current).
 */
export function ReviewsPage() {
  usePageTitle('Your reviews');
  const me = useMe();
  const { data, error, loading } = useApiData('/api/reviews', ReviewListSchema);
  const mayCreate = canCreateReview({ user: me.user, memberships: data?.reviews ?? me.memberships });
  return (
    <>
      <div className="page-heading">
        <h1>Your reviews</h1>
        {mayCreate && (
          <Link to="/reviews/new" className="button">
            Create a review
          </Link>
        )}
      </div>
      {loading && !data && <LoadingMessage text="Loading your reviews…" />}
      {error && (
        <Notice tone="error" role="alert" title="Your reviews could not be loaded">
          {error}
        </Notice>
      )}
      {data && data.reviews.length === 0 && (
        <p>
          {mayCreate
            ? 'You are not a member of any review yet. Create one, or ask a lead reviewer to invite you.'
            : 'You are not a member of any review yet. Ask a lead reviewer to invite you.'}
        </p>
      )}
      {data && data.reviews.length > 0 && <MilestonesDashboard />}
      {data && data.reviews.length > 0 && (
        <ul className="card-list" aria-label="Reviews">
          {data.reviews.map((r) => (
            <ReviewCard key={r.id} review={r} />
          ))}
        </ul>
      )}
      {me.user.isAdmin && <TimetableSettingsForm />}
    </>
  );
}
