import { useState, type FormEvent } from 'react';
import { QUERY_STATUS_LABELS, queryTargetKey, type EvidenceQuery, type QueryTarget } from '../../../shared/evidence/index.js';
import { apiRequest, errorMessage } from '../api/client.js';
import { Badge } from '../components/Badge.js';
import { TextAreaField } from '../components/TextAreaField.js';
import { evidencePaths } from './evidenceApi.js';

/** Who may do what with the threads here, from the member's role (the server decides again). */
export type QueryRights = { ask: boolean; answer: boolean; resolve: boolean };

/** Date and time of a message, en-GB. */
const when = (iso: string) => new Date(iso).toLocaleString('en-GB', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/London' });

/** One thread: its messages, a reply box, and resolve or reopen. */
function Thread({ reviewId, q, rights, idBase, onChanged }: { reviewId: string; q: EvidenceQuery; rights: QueryRights; idBase: string; onChanged(message: string): void }) {
  const [text, setText] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const canReply = q.status !== 'resolved' && (rights.answer || rights.ask);
  const run = async (fn: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setError('');
    try {
      await fn();
      setText('');
      onChanged(done);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const reply = (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return setError('Write your reply first.');
    void run(() => apiRequest('POST', evidencePaths.messages(reviewId, q.id), { body: { text } }), rights.answer ? 'Your answer was sent.' : 'Your follow-up was sent.');
  };
  return (
    <li className="ws-response">
      <p>
        <Badge tone={q.status === 'resolved' ? 'neutral' : 'info'}>{QUERY_STATUS_LABELS[q.status]}</Badge>
      </p>
      <ol className="plain-list">
        {q.messages.map((m) => (
          <li key={m.id}>
            <p>
              <strong>{m.kind === 'question' ? 'Question' : 'Answer'}</strong> from {m.byName}, {when(m.at)}
            </p>
            <p className="pre-wrap">{m.text}</p>
          </li>
        ))}
      </ol>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      {canReply && (
        <form onSubmit={reply} noValidate>
          <TextAreaField id={`${idBase}-reply`} label={rights.answer ? 'Your answer' : 'Follow-up question'} value={text} onChange={setText} rows={2} />
          <button type="submit" className="button button--small" disabled={busy}>
            {rights.answer ? 'Send answer' : 'Send follow-up'}
          </button>
        </form>
      )}
      {rights.resolve && (
        <div className="button-row">
          <button
            type="button"
            className="button button--secondary button--small"
            disabled={busy}
            onClick={() =>
              void run(
                () => apiRequest('PUT', evidencePaths.resolution(reviewId, q.id), { body: { resolved: q.status !== 'resolved' } }),
                q.status === 'resolved' ? 'The query was reopened.' : 'The query was resolved.',
              )
            }
          >
            {q.status === 'resolved' ? 'Reopen query' : 'Resolve query'}
          </button>
        </div>
      )}
    </li>
  );
}

/**
 * The review team's queries on one row or section, with a count. These are staff working notes: they
 * are shown here and nowhere else, and no export or published output includes them.
 */
export function QueryThreads({
  reviewId,
  agencyId,
  target,
  label,
  queries,
  rights,
  onChanged,
  emptyText,
}: {
  reviewId: string;
  agencyId: string;
  target: QueryTarget;
  label: string;
  queries: readonly EvidenceQuery[];
  rights: QueryRights;
  onChanged(message: string): void;
  /** Shown when there is no thread and the member may not open one; without it nothing is shown. */
  emptyText?: string;
}) {
  const key = queryTargetKey(target);
  const mine = queries.filter((q) => q.agencyId === agencyId && queryTargetKey(q.target) === key);
  const open = mine.filter((q) => q.status !== 'resolved').length;
  const [text, setText] = useState('');
  const [error, setError] = useState('');
  const idBase = `query-${key.replace(/[^a-z0-9-]/gi, '-')}`;
  const ask = async (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return setError('Write the query first.');
    try {
      await apiRequest('POST', evidencePaths.queries(reviewId), { body: { agencyId, target, text } });
      setText('');
      setError('');
      onChanged('The query was sent to the agency.');
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  if (mine.length === 0 && !rights.ask) return emptyText ? <p>{emptyText}</p> : null;
  return (
    <details className="ws-details" open={open > 0}>
      <summary>
        Queries on {label} <Badge tone={open ? 'info' : 'neutral'}>{open === 1 ? '1 open' : `${open} open`}</Badge>
      </summary>
      <ul className="ws-responses">
        {mine.map((q) => (
          <Thread key={q.id} reviewId={reviewId} q={q} rights={rights} idBase={`${idBase}-${q.id}`} onChanged={onChanged} />
        ))}
      </ul>
      {rights.ask && (
        <form onSubmit={ask} noValidate>
          {error && (
            <p className="field__error" role="alert">
              {error}
            </p>
          )}
          <TextAreaField id={`${idBase}-ask`} label={`Ask the agency about ${label}`} value={text} onChange={setText} rows={2} />
          <button type="submit" className="button button--small">
            Send query
          </button>
        </form>
      )}
    </details>
  );
}
