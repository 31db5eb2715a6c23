import { useState } from 'react';
import { apiRequest, errorMessage } from '../api/client.js';
import { Notice } from '../components/Notice.js';
import { PrivateRequestsSchema, workshopPath } from './api.js';

/**
 * Requests to speak privately with the lead reviewer (worksheet 4): a separate store, linked to no
 * answer, shown only once the workshop has closed (so no request can be matched to an answer by when
 * it appeared), in a random order and with no time.
 */
export function PrivateRequests({ reviewId, workshopId, closed }: { reviewId: string; workshopId: string; closed: boolean }) {
  const [requests, setRequests] = useState<{ contact: string }[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = async () => {
    try {
      setRequests((await apiRequest('GET', `${workshopPath(reviewId, workshopId)}/private-requests`, { schema: PrivateRequestsSchema })).requests);
      setError(null);
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  return (
    <section aria-labelledby="private-requests-heading">
      <h3 id="private-requests-heading">Requests to speak privately</h3>
      <p className="muted">Kept apart from the answers, with nothing that links a request to any answer. Shown once the workshop has closed, in a random order, with no time.</p>
      {closed && (
        <button type="button" className="button button--secondary button--small" onClick={() => void load()}>
          {requests ? 'Refresh requests' : 'Show requests'}
        </button>
      )}
      <div role="status">
        {requests &&
          (requests.length === 0 ? (
            <p>No requests yet.</p>
          ) : (
            <>
              <p>{requests.length === 1 ? '1 request.' : `${requests.length} requests.`}</p>
              <ul className="ws-requests">
                {requests.map((r, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: requests are fetched without ids (they are linked to no one), read-only and in order; a request's position is its identity
                  <li key={i} className="pre-wrap break">
                    {r.contact || 'No contact details given.'}
                  </li>
                ))}
              </ul>
            </>
          ))}
      </div>
      {error && (
        <Notice tone="error" role="alert" title="Requests could not be loaded">
          <p>{error}</p>
        </Notice>
      )}
    </section>
  );
}
