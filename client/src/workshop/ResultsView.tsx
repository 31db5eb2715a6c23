import { useCallback, useEffect, useState } from 'react';
import { responseKey } from '../../../shared/workshop/outcome.js';
import { apiRequest, errorMessage } from '../api/client.js';
import { Notice } from '../components/Notice.js';
import { SelectField } from '../components/SelectField.js';
import { coarseCountText } from '../../../shared/workshop/anonymity.js';
import { releasePrompt, ResultsSchema, setResponseHidden, workshopPath, type PromptResults, type Results, type WorkshopView } from './api.js';
import { OutcomeSaveStatus } from './OutcomeSaveStatus.js';
import type { OutcomeEditor } from './useOutcome.js';
import type { LiveCounts } from './useWorkshopCounts.js';

/**
 * The answers per question, as released: the lead reviewer releases a question when at least k people
 * have answered it (or it is released when its part of the meeting ends), and each release comes in a
 * fresh random order under fresh ids, so nothing shows answers arriving one by one. Before a release
 * only a coarse count is shown. The lead reviewer can hide an answer (for
 * example one that names someone): it stays stored, unchanged, but leaves views and exports. Answers
 * can be grouped into themes and marked as good practice for the outcome (not hidden ones: hiding an
 * answer clears its marks, as the server drops marks on hidden answers when the outcome is saved).
 */
export function ResultsView({
  reviewId,
  workshop,
  lead,
  releasedSeq,
  moderatedSeq,
  counts,
  outcome,
}: {
  reviewId: string;
  workshop: WorkshopView;
  lead: boolean;
  /** Goes up when the server says prompts were released: the results are loaded again, and that is said. */
  releasedSeq: number;
  /** Goes up when an answer was hidden or shown (perhaps on another screen): the results are loaded again quietly. */
  moderatedSeq: number;
  /** The live coarse counts (workshop:counts), newer than those the listing came with. */
  counts: LiveCounts;
  outcome: OutcomeEditor | null;
}) {
  const [results, setResults] = useState<Results | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [filter, setFilter] = useState('');

  const load = useCallback(
    async (announce?: string) => {
      try {
        setResults(await apiRequest('GET', `${workshopPath(reviewId, workshop.id)}/responses`, { schema: ResultsSchema }));
        setError(null);
        if (announce) setStatus(announce);
      } catch (err) {
        setError(errorMessage(err));
      }
    },
    [reviewId, workshop.id],
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: `releasedSeq` is the trigger: the results are loaded again after each release
  useEffect(() => {
    void load(releasedSeq > 0 ? 'New answers were released: the results have been updated.' : undefined);
  }, [load, releasedSeq]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `moderatedSeq` is the trigger; this screen's own message stays
  useEffect(() => {
    if (moderatedSeq > 0) void load();
  }, [load, moderatedSeq]);

  const release = async (p: PromptResults) => {
    try {
      await releasePrompt(reviewId, workshop.id, p.id);
      setStatus(`Answers to ${p.label} released, in a new random order.`);
      await load();
    } catch (err) {
      setStatus(`Not released: ${errorMessage(err)}`);
    }
  };

  const toggle = async (p: PromptResults, slot: string, hidden: boolean) => {
    try {
      await setResponseHidden(reviewId, workshop.id, p.id, slot, hidden);
      setResults(
        (r) =>
          r && {
            ...r,
            prompts: r.prompts.map((q) => (q.id !== p.id ? q : { ...q, responses: q.responses.map((x) => (x.id === slot ? { ...x, hidden } : x)) })),
          },
      );
      if (hidden) outcome?.dispatch({ type: 'forget-response', key: responseKey(p.id, slot) });
      setStatus(hidden ? 'Response hidden. It is left out of views and exports; its words are unchanged.' : 'Response shown again.');
    } catch (err) {
      setStatus(`That did not work: ${errorMessage(err)}`);
    }
  };

  const shown = results?.prompts.filter((p) => !filter || p.id === filter) ?? [];
  return (
    <section aria-labelledby="results-heading">
      <h3 id="results-heading">Results</h3>
      <p className="muted">
        Answers are shown in releases, never one by one: a question is released when you release it or when its part of the meeting ends, and only once at least {workshop.setup.k}{' '}
        people have answered it. Each release comes in a new random order. Changed or withdrawn answers show at the next release. This list updates itself at each release.
      </p>
      <p role="status" className="muted">
        {status}
      </p>
      {outcome && <OutcomeSaveStatus state={outcome.state} live={false} onReload={outcome.reload} onRetry={outcome.retry} />}
      {error && (
        <Notice tone="error" role="alert" title="Results could not be loaded">
          <p>{error}</p>
        </Notice>
      )}
      {results && (
        <>
          <SelectField
            id="results-filter"
            label="Show results for"
            value={filter}
            onChange={setFilter}
            options={[{ value: '', label: 'All questions' }, ...results.prompts.map((p) => ({ value: p.id, label: p.label }))]}
          />
          {shown.map((p) => (
            <section key={p.id} className="ws-result" aria-labelledby={`result-${p.id}`} data-testid={`results-${p.id}`}>
              <h4 id={`result-${p.id}`}>{p.label}</h4>
              <p className="muted pre-wrap">{p.text}</p>
              <p>People who have answered: {coarseCountText(counts[p.id]?.counted ?? p.count)}.</p>
              {lead && workshop.state.stage !== 'closed' && (
                <button type="button" className="button button--secondary button--small" onClick={() => void release(p)}>
                  {p.released ? 'Release again' : 'Release answers'}
                  <span className="visually-hidden"> to {p.label}</span>
                </button>
              )}
              {!p.released ? (
                <p>Not released yet: answers are shown once at least {results.k} people have answered and the question is released.</p>
              ) : (
                <>
                  <p data-testid={`release-${p.id}`}>
                    {p.responses.length === 1 ? '1 response' : `${p.responses.length} responses`} in this release, in random order: {p.fromInvitations} from invitations,{' '}
                    {p.fromCode} from the workshop code
                    {p.fromCode > 0 &&
                      (p.codeCounted ? ' (counted towards the threshold, as code joining was on)' : ' (not counted towards the threshold, as code joining was off)')}
                    .
                  </p>
                  <ul className="ws-responses">
                    {p.responses.map((r, i) => (
                      <li key={r.id} className={r.hidden ? 'ws-response ws-response--hidden' : 'ws-response'}>
                        {r.hidden && <p className="ws-response__flag">Hidden: left out of views and exports.</p>}
                        <p className="pre-wrap break">{r.text}</p>
                        {lead && (
                          <div className="ws-response__tools">
                            <button type="button" className="button button--secondary button--small" onClick={() => void toggle(p, r.id, !r.hidden)}>
                              {r.hidden ? 'Show' : 'Hide'}
                              <span className="visually-hidden">
                                {' '}
                                response {i + 1} to {p.label}
                              </span>
                            </button>
                            {outcome?.ready && !r.hidden && <ResponseMarks keyId={responseKey(p.id, r.id)} label={`response ${i + 1} to ${p.label}`} editor={outcome} />}
                          </div>
                        )}
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </section>
          ))}
        </>
      )}
    </section>
  );
}

/** Theme and good-practice marks for one response (a select and a checkbox: no dragging needed). */
function ResponseMarks({ keyId, label, editor }: { keyId: string; label: string; editor: OutcomeEditor }) {
  const { outcome, dispatch } = editor;
  const mark = outcome.marks[keyId];
  const id = `mark-${keyId.replace(/[^a-z0-9-]/gi, '-')}`;
  return (
    <>
      {outcome.themes.length > 0 && (
        <span className="ws-mark">
          <label htmlFor={`${id}-theme`}>
            Theme<span className="visually-hidden"> for {label}</span>
          </label>
          <select
            id={`${id}-theme`}
            className="select ws-mark__select"
            value={mark?.themeId ?? ''}
            onChange={(e) => dispatch({ type: 'assign', key: keyId, themeId: e.target.value || null })}
          >
            <option value="">No theme</option>
            {outcome.themes.map((t, i) => (
              <option key={t.id} value={t.id}>
                {t.title.trim() || `Theme ${i + 1}`}
              </option>
            ))}
          </select>
        </span>
      )}
      <span className="ws-mark">
        <input
          id={`${id}-good`}
          type="checkbox"
          className="checkbox__input"
          checked={mark?.goodPractice ?? false}
          onChange={(e) => dispatch({ type: 'good-practice', key: keyId, value: e.target.checked })}
        />
        <label htmlFor={`${id}-good`}>
          Good practice<span className="visually-hidden"> ({label})</span>
        </label>
      </span>
    </>
  );
}
