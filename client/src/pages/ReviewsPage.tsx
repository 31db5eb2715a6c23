import { ReviewListSchema } from '../api/schemas.js';
import { Notice } from '../components/Notice.js';
import { LoadingMessage } from '../components/LoadingMessage.js';
import { ReviewCard } from '../components/ReviewCard.js';
import { useApiData } from '../hooks/useApiData.js';
import { usePageTitle } from '../hooks/usePageTitle.js';
import { Link } from '../router/Link.js';

/** The list of reviews the signed-in user belongs to, with a way to start a new one. */
export function ReviewsPage() {
  usePageTitle('Your reviews');
  const { data, error, loading } = useApiData('/api/reviews', ReviewListSchema);
  return (
    <>
      <div className="page-heading">
        <h1>Your reviews</h1>
        <Link to="/reviews/new" className="button">Create a review</Link>
      </div>
      {loading && !data && <LoadingMessage text="Loading your reviews…" />}
      {error && <Notice tone="error" role="alert" title="Your reviews could not be loaded">{error}</Notice>}
      {data && data.reviews.length === 0 && (
        <p>You are not a member of any review yet. Create one, or ask a lead reviewer to invite you.</p>
      )}
      {data && data.reviews.length > 0 && (
        <ul className="card-list" aria-label="Reviews">
          {data.reviews.map((r) => <ReviewCard key={r.id} review={r} />)}
        </ul>
      )}
    </>
  );
}
