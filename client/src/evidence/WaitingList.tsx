import type { EvidenceQuery } from '../../../shared/evidence/index.js';
import { showDate } from '../lib/labels.js';
import { Link } from '../router/Link.js';
import type { EvidenceOverview, RequestView } from './evidenceApi.js';
import { waitingLine } from './waitingItems.js';

/**
 * What is waiting for an agency author: evidence to complete or revise, endorsements, and queries to
 * answer, each with the way to where it is done (the document here, or the chronology).
 */
export function WaitingList({ reviewId, data, queries, onOpen }: { reviewId: string; data: EvidenceOverview; queries: readonly EvidenceQuery[]; onOpen(r: RequestView): void }) {
  if (data.me.role !== 'agency-author') return null;
  return (
    <section className="panel" aria-labelledby="waiting-heading">
      <h3 id="waiting-heading">Waiting for you ({data.waiting.length})</h3>
      {data.waiting.length === 0 ? (
        <p>Nothing is waiting for you.</p>
      ) : (
        <ul>
          {data.waiting.map((w) => {
            const line = waitingLine(w, data.requests, queries);
            const place = line.place;
            const r = place?.kind === 'document' ? data.requests.find((x) => x.id === place.requestId) : undefined;
            return (
              <li key={line.key}>
                {line.text}
                {w.kind !== 'query' && `, due ${showDate(w.dueOn)}`}
                {r && (
                  <>
                    {' '}
                    <button type="button" className="button button--secondary button--small" onClick={() => onOpen(r)}>
                      Open the {r.kind === 'learning-template' ? 'learning template' : 'information report'}
                    </button>
                  </>
                )}
                {place?.kind === 'chronology' && (
                  <>
                    {' '}
                    <Link to={`/reviews/${encodeURIComponent(reviewId)}/chronology`}>Go to the chronology</Link>
                  </>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
