import { useId, useState } from 'react';
import { foldKey } from '../../../shared/pseudonymise/normalise.js';
import { MAX_DECISIONS_PER_REQUEST } from '../../../shared/pseudonymise/findings.js';
import { apiRequest, errorMessage } from '../api/client.js';
import { LoadingMessage } from '../components/LoadingMessage.js';
import { Notice } from '../components/Notice.js';
import { useApiData } from '../hooks/useApiData.js';
import { RedactionReviewSchema, redactionPaths, type RedactionOutputName, type RedactionReviewData } from './redactionApi.js';
import { RedactionList, type DecideMany, type Item } from './RedactionList.js';

const OUTPUTS: { value: RedactionOutputName; label: string }[] = [
  { value: 'report', label: 'Report' },
  { value: 'chronology', label: 'Pseudonymised chronology' },
  { value: 'workshop', label: 'Workshop screens and exports' },
];

/**
 * The redaction review (lead reviewer): every replacement and every flag the pipeline makes in an
 * output, highlighted in the text around it, with accept, change replacement, not identifying (adds
 * it to the review's allowlist) and redact. Exports are refused until every flag is decided.
 */
export function RedactionReview({ reviewId }: { reviewId: string }) {
  const [output, setOutput] = useState<RedactionOutputName>('report');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const data = useApiData(redactionPaths.review(reviewId, output), RedactionReviewSchema);
  const selectId = useId();

  const keepId = useId();
  const [keepText, setKeepText] = useState('');
  const decide: DecideMany = async (decisions, summary) => {
    setBusy(true);
    setError(null);
    try {
      // One request holds at most MAX_DECISIONS_PER_REQUEST; each decision is audited on its own either way.
      for (let i = 0; i < decisions.length; i += MAX_DECISIONS_PER_REQUEST) {
        await apiRequest('POST', redactionPaths.decisions(reviewId), { body: { decisions: decisions.slice(i, i + MAX_DECISIONS_PER_REQUEST) } });
      }
      await data.reload();
      setStatus(decisions.length === 1 ? `Decision saved: ${summary}.` : `${decisions.length} decisions saved: ${summary}.`);
      return true;
    } catch (err) {
      setError(errorMessage(err));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const d: RedactionReviewData | null = data.data;
  const flags: Item[] = (d?.flags ?? []).map((f) => ({ ...f, proposal: f.suggestion, flag: true }));
  const replacements: Item[] = (d?.replacements ?? []).map((r) => ({ ...r, proposal: r.replacement, flag: false }));
  const open = flags.filter((f) => !f.decided).length;
  // "Not identifying" for every finding of one text, whatever kind it was found as.
  const keepMatches = keepText.trim() ? [...flags, ...replacements].filter((i) => foldKey(i.text) === foldKey(keepText)) : [];
  return (
    <section className="redaction-review" aria-labelledby="redaction-review-heading">
      <h4 id="redaction-review-heading">Redaction review</h4>
      <p>
        Before anything pseudonymised leaves the review, check what is replaced and decide every possible name that is not in the people register. Exports are refused until each
        flagged name is decided. Decisions are kept for this review and used by every later export.
      </p>
      <p>
        <label htmlFor={selectId}>Output to review </label>
        <select id={selectId} className="select" value={output} onChange={(e) => setOutput(e.target.value as RedactionOutputName)}>
          {OUTPUTS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </p>
      <p className="live-line" role="status">
        {busy ? 'Saving…' : status}
      </p>
      {error && (
        <Notice tone="error" role="alert" title="The decision was not saved">
          <p>{error}</p>
        </Notice>
      )}
      {data.loading && !d && <LoadingMessage text="Finding replacements and possible names…" />}
      {data.error && (
        <Notice tone="error" role="alert" title="The redaction review could not be loaded">
          <p>{data.error}</p>
        </Notice>
      )}
      {d && (
        <>
          <h5>Possible names to decide: {open === 0 ? 'none left' : `${open} not yet decided`}</h5>
          {flags.length === 0 ? (
            <p>No possible names outside the people register were found.</p>
          ) : (
            <RedactionList name="Possible names" items={flags} onDecide={decide} busy={busy} />
          )}
          <h5>Replacements: {replacements.length}</h5>
          {replacements.length === 0 ? <p>Nothing is replaced in this output.</p> : <RedactionList name="Replacements" items={replacements} onDecide={decide} busy={busy} />}
          <form
            className="redaction-keep"
            onSubmit={(e) => {
              e.preventDefault();
              if (keepMatches.length === 0) {
                setError('Nothing in this output is written that way. Type the text exactly as it is highlighted.');
                return;
              }
              void decide(
                keepMatches.map((i) => ({ id: i.id, action: 'not-identifying' as const })),
                `${keepText.trim()} marked as not identifying everywhere`,
              ).then((ok) => {
                if (ok) setKeepText('');
              });
            }}
          >
            <h5>Mark a text as not identifying everywhere</h5>
            <p>For a service or place named like a family member: every finding of this text, of any kind, is kept as written in every output.</p>
            <label htmlFor={keepId}>Text to keep</label>
            <input id={keepId} className="input" value={keepText} maxLength={120} onChange={(e) => setKeepText(e.target.value)} />
            <button type="submit" className="button button--secondary" disabled={busy || !keepText.trim()}>
              Mark {keepMatches.length > 0 ? `all ${keepMatches.length} finding${keepMatches.length === 1 ? '' : 's'}` : 'it'} as not identifying
            </button>
          </form>
          {d.allowlist.length > 0 && <p>Marked as not identifying in this review: {d.allowlist.join(', ')}.</p>}
        </>
      )}
    </section>
  );
}
