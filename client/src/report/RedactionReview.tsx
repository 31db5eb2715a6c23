import { useId, useState } from 'react';
import { apiRequest, errorMessage } from '../api/client.js';
import { LoadingMessage } from '../components/LoadingMessage.js';
import { Notice } from '../components/Notice.js';
import { useApiData } from '../hooks/useApiData.js';
import { KIND_NAMES, RedactionReviewSchema, redactionPaths, type RedactionOutputName, type RedactionReviewData } from './redactionApi.js';

/** Most items listed at once per list, so a long chronology stays usable. */
export const MAX_LISTED_FINDINGS = 200;

type Action = 'accept' | 'replace' | 'not-identifying' | 'redact';
type Item = { id: string; text: string; place: string; kind: string; before: string; after: string; occurrences: number; proposal: string; flag: boolean; decided?: boolean };

const OUTPUTS: { value: RedactionOutputName; label: string }[] = [
  { value: 'report', label: 'Report' }, { value: 'chronology', label: 'Pseudonymised chronology' }, { value: 'workshop', label: 'Workshop screens and exports' },
];

/** One finding in its context, with the four decisions. The highlighted text is also named in words, so colour is never the only cue. */
function FindingItem({ item, onDecide, busy }: { item: Item; onDecide: (id: string, action: Action, replacement?: string) => Promise<boolean>; busy: boolean }) {
  const [changing, setChanging] = useState(false);
  const [value, setValue] = useState(item.proposal);
  const inputId = useId();
  const headingId = useId();
  return (
    <li className="redaction-item" aria-labelledby={headingId}>
      <p id={headingId} className="redaction-item__title">
        <strong>{item.flag ? 'Possible name not in the people register' : 'Replaced'}</strong>: {KIND_NAMES[item.kind] ?? item.kind}
        {item.flag && <> ({item.decided ? 'decided' : 'not yet decided'})</>}, {item.place}
        {item.occurrences > 1 ? `, and ${item.occurrences - 1} more place${item.occurrences === 2 ? '' : 's'}` : ''}
      </p>
      <p className="redaction-item__context">
        …{item.before}<mark className={item.flag ? 'redaction-mark redaction-mark--flag' : 'redaction-mark'}>{item.text}</mark>{item.after}…
      </p>
      <p>{item.flag ? 'Suggested replacement' : 'Replacement'}: <q>{item.proposal}</q></p>
      <div className="button-row">
        <button type="button" className="button" disabled={busy} onClick={() => void onDecide(item.id, 'accept')}>
          Accept<span className="visually-hidden"> {item.proposal} for {item.text}</span>
        </button>
        <button type="button" className="button button--secondary" disabled={busy} aria-expanded={changing} onClick={() => setChanging((x) => !x)}>
          Change replacement<span className="visually-hidden"> for {item.text}</span>
        </button>
        <button type="button" className="button button--secondary" disabled={busy} onClick={() => void onDecide(item.id, 'not-identifying')}>
          Not identifying<span className="visually-hidden">: keep {item.text}</span>
        </button>
        <button type="button" className="button button--secondary" disabled={busy} onClick={() => void onDecide(item.id, 'redact')}>
          Redact<span className="visually-hidden"> {item.text}</span>
        </button>
      </div>
      {changing && (
        <form className="redaction-item__change" onSubmit={(e) => { e.preventDefault(); void onDecide(item.id, 'replace', value.trim()).then((ok) => { if (ok) setChanging(false); }); }}>
          <label htmlFor={inputId}>New replacement for {item.text}</label>
          <input id={inputId} className="input" value={value} maxLength={120} required onChange={(e) => setValue(e.target.value)} />
          <button type="submit" className="button" disabled={busy || !value.trim()}>Save replacement</button>
        </form>
      )}
    </li>
  );
}

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

  const decide = async (id: string, action: Action, replacement?: string): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      await apiRequest('POST', redactionPaths.decisions(reviewId), { body: { decisions: [{ id, action, ...(replacement ? { replacement } : {}) }] } });
      await data.reload();
      setStatus(`Decision saved: ${action === 'not-identifying' ? 'marked as not identifying' : action === 'replace' ? 'replacement changed' : action === 'redact' ? 'redacted' : 'accepted'}.`);
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
  return (
    <section className="redaction-review" aria-labelledby="redaction-review-heading">
      <h4 id="redaction-review-heading">Redaction review</h4>
      <p>
        Before anything pseudonymised leaves the review, check what is replaced and decide every possible name that is not in the people register.
        Exports are refused until each flagged name is decided. Decisions are kept for this review and used by every later export.
      </p>
      <p>
        <label htmlFor={selectId}>Output to review </label>
        <select id={selectId} className="select" value={output} onChange={(e) => setOutput(e.target.value as RedactionOutputName)}>
          {OUTPUTS.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        </select>
      </p>
      <p className="live-line" role="status">{busy ? 'Saving the decision…' : status}</p>
      {error && <Notice tone="error" role="alert" title="The decision was not saved"><p>{error}</p></Notice>}
      {data.loading && !d && <LoadingMessage text="Finding replacements and possible names…" />}
      {data.error && <Notice tone="error" role="alert" title="The redaction review could not be loaded"><p>{data.error}</p></Notice>}
      {d && (
        <>
          <h5>Possible names to decide: {open === 0 ? 'none left' : `${open} not yet decided`}</h5>
          {flags.length === 0 ? <p>No possible names outside the people register were found.</p> : (
            <ul className="redaction-list">{flags.slice(0, MAX_LISTED_FINDINGS).map((f) => <FindingItem key={f.id} item={f} onDecide={decide} busy={busy} />)}</ul>
          )}
          <h5>Replacements: {replacements.length}</h5>
          {replacements.length === 0 ? <p>Nothing is replaced in this output.</p> : (
            <ul className="redaction-list">{replacements.slice(0, MAX_LISTED_FINDINGS).map((r) => <FindingItem key={r.id} item={r} onDecide={decide} busy={busy} />)}</ul>
          )}
          {replacements.length > MAX_LISTED_FINDINGS && <p>And {replacements.length - MAX_LISTED_FINDINGS} more replacements, each accepted unless you change it.</p>}
          {d.allowlist.length > 0 && <p>Marked as not identifying in this review: {d.allowlist.join(', ')}.</p>}
        </>
      )}
    </section>
  );
}
