import { EVIDENCE_KIND_LABELS } from '../../../shared/evidence/index.js';
import { showDate } from '../lib/labels.js';
import type { EvidenceOverview, RequestView } from './evidenceApi.js';

/** What is waiting for an agency author: evidence to complete or revise, endorsements, and queries to answer. */
export function WaitingList({ data, queryLabel, onOpen }: { data: EvidenceOverview; queryLabel(queryId: string): string; onOpen(r: RequestView): void }) {
  if (data.me.role !== 'agency-author') return null;
  const req = (id: string) => data.requests.find((r) => r.id === id);
  return (
    <section className="panel" aria-labelledby="waiting-heading">
      <h3 id="waiting-heading">Waiting for you ({data.waiting.length})</h3>
      {data.waiting.length === 0 ? <p>Nothing is waiting for you.</p> : (
        <ul>
          {data.waiting.map((w) => {
            if (w.kind === 'query') return <li key={`q-${w.queryId}`}>Answer the review team’s query on {queryLabel(w.queryId)}</li>;
            const r = req(w.requestId);
            const what = r ? EVIDENCE_KIND_LABELS[r.kind].toLowerCase() : 'evidence';
            const text = w.kind === 'endorsement' ? `Endorse the ${what}` : w.returned ? `Revise the returned ${what}` : `Complete the ${what}`;
            return (
              <li key={`${w.kind}-${w.requestId}`}>
                {text}, due {showDate(w.dueOn)}
                {r && (r.kind === 'learning-template' || r.kind === 'information-report') && (
                  <> <button type="button" className="button button--secondary button--small" onClick={() => onOpen(r)}>Open the {what}</button></>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
