import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from '../api/client.js';
import { Notice } from '../components/Notice.js';
import { TextField } from '../components/TextField.js';
import { usePageTitle } from '../hooks/usePageTitle.js';
import { Link } from '../router/Link.js';
import { fetchHistory, fetchItemHistory, fetchPreview, nameVersion, restore } from './historyApi.js';
import type { z } from 'zod';
import type { HistorySchema, ItemHistorySchema, PreviewSchema } from './historyApi.js';

/** A readable value of one field. */
const show = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));

/**
 * The version history of one shared doc (the Google Docs model), or of one item of it when `item` is
 * given: who changed what and when, a preview of any version, restore, and named versions.
 */
export function HistoryPage({ reviewId, doc, item }: { reviewId: string; doc: string; item: { root: string; key: string } | null }) {
  usePageTitle(item ? 'History of this item' : 'Version history');
  const [list, setList] = useState<z.infer<typeof HistorySchema> | null>(null);
  const [itemList, setItemList] = useState<z.infer<typeof ItemHistorySchema> | null>(null);
  const [preview, setPreview] = useState<z.infer<typeof PreviewSchema> | null>(null);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [label, setLabel] = useState('');
  const [naming, setNaming] = useState<number | null>(null);

  // Primitives, so that a new `item` object for the same item does not reload the page.
  const itemRoot = item?.root;
  const itemKey = item?.key;
  const load = useCallback(async () => {
    try {
      if (itemRoot && itemKey) setItemList(await fetchItemHistory(reviewId, doc, itemRoot, itemKey));
      else setList(await fetchHistory(reviewId, doc));
    } catch (err) {
      setMessage({ tone: 'error', text: errorMessage(err) });
    }
  }, [reviewId, doc, itemRoot, itemKey]);
  useEffect(() => {
    void load();
  }, [load]);

  const doRestore = async (seq: number, when: string) => {
    if (!window.confirm(`Restore the version of ${when}? This becomes a new change that everyone sees.`)) return;
    try {
      const r = await restore(reviewId, doc, seq, item ?? undefined);
      setMessage({ tone: 'success', text: r.restored ? `Restored the version of ${when}.` : 'That version is the same as the current one: nothing changed.' });
      await load();
    } catch (err) {
      setMessage({ tone: 'error', text: errorMessage(err) });
    }
  };

  const doName = async (seq: number) => {
    try {
      await nameVersion(reviewId, doc, seq, label);
      setMessage({ tone: 'success', text: `Named the version "${label.trim()}".` });
      setLabel('');
      setNaming(null);
      await load();
    } catch (err) {
      setMessage({ tone: 'error', text: errorMessage(err) });
    }
  };

  return (
    <>
      <p>
        <Link to={`/reviews/${reviewId}`}>Back to the review</Link>
      </p>
      <h1>{item ? 'History of this item' : 'Version history'}</h1>
      {((item && itemList && !itemList.mayRestore) || (!item && list && !list.mayRestore)) && <p>You can read this history but not restore it: restoring needs edit access.</p>}
      <div aria-live="polite">
        {message && (
          <Notice tone={message.tone} role={message.tone === 'error' ? 'alert' : 'status'}>
            {message.text}
          </Notice>
        )}
      </div>
      {item && itemList && (
        <ol className="history-list">
          {itemList.versions.map((v, i) => (
            <li key={v.seq}>
              <p>
                <strong>{v.atText ?? 'Before the history held'}</strong>
                {v.userName ? ` by ${v.userName}` : ''}
                {i === 0 ? ' (current)' : ''}
              </p>
              <p>Changed: {v.fields.length > 0 ? v.fields.join(', ') : 'nothing visible'}</p>
              {v.value === null ? (
                <p>Removed.</p>
              ) : (
                <dl>
                  {Object.entries(v.value as Record<string, unknown>).map(([k, x]) => (
                    <div key={k}>
                      <dt>{k}</dt>
                      <dd>{show(x)}</dd>
                    </div>
                  ))}
                </dl>
              )}
              {itemList.mayRestore && i > 0 && v.seq > 0 && (
                <button type="button" className="button button--secondary" onClick={() => void doRestore(v.seq, v.atText ?? '')}>
                  Restore this version<span className="visually-hidden"> of {v.atText}</span>
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
      {!item && list && (
        <>
          {list.named.length > 0 && (
            <>
              <h2>Named versions</h2>
              <ul>
                {list.named.map((n) => (
                  <li key={n.id}>
                    <strong>{n.label}</strong> (named by {n.createdBy} on {n.createdAtText})
                    {n.available ? (
                      <button
                        type="button"
                        className="button button--secondary"
                        onClick={() => void fetchPreview(reviewId, doc, n.seq).then(setPreview, (e) => setMessage({ tone: 'error', text: errorMessage(e) }))}
                      >
                        Preview<span className="visually-hidden"> {n.label}</span>
                      </button>
                    ) : (
                      ' – older than the history kept'
                    )}
                  </li>
                ))}
              </ul>
            </>
          )}
          <h2>Versions</h2>
          {list.versions.length === 0 ? (
            <p>No changes yet.</p>
          ) : (
            <ol className="history-list">
              {list.versions.map((v, i) => (
                <li key={v.seq}>
                  <p>
                    <strong>{v.toText}</strong> by {v.userName} ({v.edits === 1 ? '1 edit' : `${v.edits} edits`}){i === 0 ? ' (current)' : ''}
                  </p>
                  <button
                    type="button"
                    className="button button--secondary"
                    onClick={() => void fetchPreview(reviewId, doc, v.seq).then(setPreview, (e) => setMessage({ tone: 'error', text: errorMessage(e) }))}
                  >
                    Preview<span className="visually-hidden"> the version of {v.toText}</span>
                  </button>{' '}
                  {list.mayRestore && i > 0 && (
                    <button type="button" className="button button--secondary" onClick={() => void doRestore(v.seq, v.toText)}>
                      Restore<span className="visually-hidden"> the version of {v.toText}</span>
                    </button>
                  )}{' '}
                  {list.mayName && (
                    <button type="button" className="button button--secondary" aria-expanded={naming === v.seq} onClick={() => setNaming(naming === v.seq ? null : v.seq)}>
                      Name<span className="visually-hidden"> the version of {v.toText}</span>
                    </button>
                  )}
                  {naming === v.seq && (
                    <form
                      onSubmit={(e) => {
                        e.preventDefault();
                        void doName(v.seq);
                      }}
                    >
                      <TextField
                        id={`name-${v.seq}`}
                        label="Version name"
                        hint="For example: As submitted by the police on 03/11/2026"
                        value={label}
                        onChange={setLabel}
                        maxLength={120}
                      />
                      <button type="submit" className="button">
                        Save name
                      </button>
                    </form>
                  )}
                </li>
              ))}
            </ol>
          )}
          {preview && (
            <section aria-labelledby="preview-heading">
              <h2 id="preview-heading" tabIndex={-1}>
                Preview of version {preview.seq}
              </h2>
              {Object.entries(preview.content).map(([root, items]) => (
                <div key={root}>
                  <h3>{root}</h3>
                  {Object.keys(items).length === 0 ? (
                    <p>Empty.</p>
                  ) : (
                    <ul>
                      {Object.entries(items).map(([k, x]) => (
                        <li key={k}>
                          <code>{k}</code>: {show(x)}
                        </li>
                      ))}
                    </ul>
                  )}
                </div>
              ))}
            </section>
          )}
        </>
      )}
    </>
  );
}
