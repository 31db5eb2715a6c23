import { useId, useState } from 'react';
import { KIND_NAMES } from './redactionApi.js';

/** Items shown per page of a redaction list: every item is reachable by paging, none is cut off. */
export const REDACTION_PAGE_SIZE = 25;

/** A decision on one finding. */
export type Action = 'accept' | 'replace' | 'not-identifying' | 'redact';

/** One finding as the lists show it. */
export type Item = {
  id: string;
  text: string;
  place: string;
  kind: string;
  before: string;
  after: string;
  occurrences: number;
  proposal: string;
  flag: boolean;
  decided?: boolean;
};

/** Saves decisions on several findings at once and says whether they were saved; `summary` words the status line. */
export type DecideMany = (decisions: { id: string; action: Action; replacement?: string }[], summary: string) => Promise<boolean>;

/** One finding in its context, with the four decisions. The highlighted text is also named in words, so colour is never the only cue. */
function FindingItem({ item, onDecide, busy }: { item: Item; onDecide: DecideMany; busy: boolean }) {
  const [changing, setChanging] = useState(false);
  const [value, setValue] = useState(item.proposal);
  const inputId = useId();
  const headingId = useId();
  const one = (action: Action, summary: string, replacement?: string) => onDecide([{ id: item.id, action, ...(replacement ? { replacement } : {}) }], summary);
  return (
    <li className="redaction-item" aria-labelledby={headingId}>
      <p id={headingId} className="redaction-item__title">
        <strong>{item.flag ? 'Possible name not in the people register' : 'Replaced'}</strong>: {KIND_NAMES[item.kind] ?? item.kind}
        {item.flag && <> ({item.decided ? 'decided' : 'not yet decided'})</>}, {item.place}
        {item.occurrences > 1 ? `, and ${item.occurrences - 1} more place${item.occurrences === 2 ? '' : 's'}` : ''}
      </p>
      <p className="redaction-item__context">
        …{item.before}
        <mark className={item.flag ? 'redaction-mark redaction-mark--flag' : 'redaction-mark'}>{item.text}</mark>
        {item.after}…
      </p>
      <p>
        {item.flag ? 'Suggested replacement' : 'Replacement'}: <q>{item.proposal}</q>
      </p>
      <div className="button-row">
        <button type="button" className="button" disabled={busy} onClick={() => void one('accept', 'accepted')}>
          Accept
          <span className="visually-hidden">
            {' '}
            {item.proposal} for {item.text}
          </span>
        </button>
        <button type="button" className="button button--secondary" disabled={busy} aria-expanded={changing} onClick={() => setChanging((x) => !x)}>
          Change replacement<span className="visually-hidden"> for {item.text}</span>
        </button>
        <button type="button" className="button button--secondary" disabled={busy} onClick={() => void one('not-identifying', 'marked as not identifying')}>
          Not identifying<span className="visually-hidden">: keep {item.text}</span>
        </button>
        <button type="button" className="button button--secondary" disabled={busy} onClick={() => void one('redact', 'redacted')}>
          Redact<span className="visually-hidden"> {item.text}</span>
        </button>
      </div>
      {changing && (
        <form
          className="redaction-item__change"
          onSubmit={(e) => {
            e.preventDefault();
            void one('replace', 'replacement changed', value.trim()).then((ok) => {
              if (ok) setChanging(false);
            });
          }}
        >
          <label htmlFor={inputId}>New replacement for {item.text}</label>
          <input id={inputId} className="input" value={value} maxLength={120} required onChange={(e) => setValue(e.target.value)} />
          <button type="submit" className="button" disabled={busy || !value.trim()}>
            Save replacement
          </button>
        </form>
      )}
    </li>
  );
}

/**
 * One list of findings (flags or replacements), a page at a time, with a filter by kind and a bulk
 * accept for everything the filter shows (across all pages). Paging and filtering are plain buttons
 * and a select, so the whole list is keyboard operable; the page line is announced when it changes.
 */
export function RedactionList({ name, items, onDecide, busy }: { name: string; items: readonly Item[]; onDecide: DecideMany; busy: boolean }) {
  const [kind, setKind] = useState('all');
  const [page, setPage] = useState(0);
  const kindId = useId();
  const kinds = [...new Set(items.map((i) => i.kind))].sort();
  const shown = kind === 'all' ? items : items.filter((i) => i.kind === kind);
  const pages = Math.max(1, Math.ceil(shown.length / REDACTION_PAGE_SIZE));
  const current = Math.min(page, pages - 1);
  const slice = shown.slice(current * REDACTION_PAGE_SIZE, (current + 1) * REDACTION_PAGE_SIZE);
  const kindWords = kind === 'all' ? '' : ` ${KIND_NAMES[kind] ?? kind}`;
  const open = shown.filter((i) => !i.decided);
  const noun = name.toLowerCase();
  return (
    <div className="redaction-list-block">
      <div className="redaction-list__tools">
        <p>
          <label htmlFor={kindId}>Show {noun} of kind </label>
          <select
            id={kindId}
            className="select"
            value={kind}
            onChange={(e) => {
              setKind(e.target.value);
              setPage(0);
            }}
          >
            <option value="all">All kinds ({items.length})</option>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {KIND_NAMES[k] ?? k} ({items.filter((i) => i.kind === k).length})
              </option>
            ))}
          </select>
        </p>
        <button
          type="button"
          className="button button--secondary"
          disabled={busy || open.length === 0}
          onClick={() =>
            void onDecide(
              open.map((i) => ({ id: i.id, action: 'accept' as const })),
              `${open.length} accepted`,
            )
          }
        >
          Accept all {open.length}
          {kindWords} {noun} shown
        </button>
      </div>
      <ul className="redaction-list" aria-label={`${name}, page ${current + 1} of ${pages}`}>
        {slice.map((i) => (
          <FindingItem key={i.id} item={i} onDecide={onDecide} busy={busy} />
        ))}
      </ul>
      {pages > 1 && (
        <nav className="redaction-pages" aria-label={`${name} pages`}>
          <button type="button" className="button button--secondary" disabled={current === 0} onClick={() => setPage(current - 1)}>
            Previous page<span className="visually-hidden"> of {noun}</span>
          </button>
          <span aria-live="polite">
            {' '}
            Page {current + 1} of {pages} ({shown.length} {noun}){' '}
          </span>
          <button type="button" className="button button--secondary" disabled={current >= pages - 1} onClick={() => setPage(current + 1)}>
            Next page<span className="visually-hidden"> of {noun}</span>
          </button>
        </nav>
      )}
    </div>
  );
}
