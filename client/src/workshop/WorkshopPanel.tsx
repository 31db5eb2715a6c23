import { useEffect, useRef, useState } from 'react';
import { formatUkDate } from '../../../shared/dates.js';
import type { Control } from '../../../shared/workshop/transitions.js';
import { apiRequest, errorMessage } from '../api/client.js';
import { Notice } from '../components/Notice.js';
import { Tabs, type TabSpec } from '../components/Tabs.js';
import { controlWorkshop, WorkshopViewSchema, workshopPath, type WorkshopView } from './api.js';
import { Console } from './Console.js';
import { STAGE_LABELS, showingLabel } from './consoleModel.js';
import { CountsTable } from './CountsTable.js';
import { InvitationsPanel } from './InvitationsPanel.js';
import { JoinDetails } from './JoinDetails.js';
import { OutcomePanel } from './OutcomePanel.js';
import { PrivateRequests } from './PrivateRequests.js';
import { ResultsView } from './ResultsView.js';
import { SetupForm } from './SetupForm.js';
import { SetupSummary } from './SetupSummary.js';
import { useOutcome } from './useOutcome.js';
import { useWorkshopCounts } from './useWorkshopCounts.js';

/**
 * One workshop for the facilitator: its status and the presenter screen's link above tabs for running
 * the meeting (the console), invitations, answers (live coarse counts, results with moderation,
 * private requests, export), the outcome and the set-up. Everything follows the server live: the
 * state other screens change, releases and coarse counts (at most every 30 s). The lead reviewer
 * acts; the review team sees the same without the controls (the server enforces the difference).
 */
export function WorkshopPanel({ reviewId, initial, lead, onChanged }: { reviewId: string; initial: WorkshopView; lead: boolean; onChanged(): void }) {
  const [w, setW] = useState(initial);
  useEffect(() => setW(initial), [initial]);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const published = w.state.stage !== 'draft';
  const { counts, status, released, moderated, pushed } = useWorkshopCounts(w.id, published);
  // Another screen (a second lead tab) changed the state or set-up: follow it.
  useEffect(() => {
    if (pushed) setW((cur) => ({ ...cur, ...pushed }));
  }, [pushed]);
  const [tab, setTab] = useState(initial.state.stage === 'draft' ? 'setup' : 'run');
  const outcome = useOutcome(reviewId, w.id, published && lead);
  // A release moves the outcome's marks onto the new ids on the server: load them again.
  const reloadOutcome = outcome.reload;
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new release should reload the outcome, not a change of the reload function
  useEffect(() => {
    if (released > 0) reloadOutcome();
  }, [released]); // eslint-disable-line react-hooks/exhaustive-deps
  const consoleHeading = useRef<HTMLHeadingElement>(null);

  const control = async (c: Control, done: string) => {
    if (busy) return;
    setBusy(true);
    try {
      const updated = await controlWorkshop(reviewId, w.id, c);
      setW(updated);
      setMessage({ tone: 'ok', text: done });
      onChanged();
    } catch (err) {
      setMessage({ tone: 'error', text: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  };

  const refresh = async () => {
    try {
      setW(await apiRequest('GET', workshopPath(reviewId, w.id), { schema: WorkshopViewSchema }));
      setMessage({ tone: 'ok', text: 'Status refreshed.' });
    } catch (err) {
      setMessage({ tone: 'error', text: errorMessage(err) });
    }
  };

  // A control that removes its own button (Publish, Start meeting) must not leave focus nowhere.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `w.state.stage` is the trigger: a stage change can remove the focused button, and only then is focus rescued
  useEffect(() => {
    if (document.activeElement === document.body || document.activeElement === null) consoleHeading.current?.focus();
  }, [w.state.stage]);

  const presenterHref = `/reviews/${encodeURIComponent(reviewId)}/workshops/${encodeURIComponent(w.id)}/present`;
  const tabs: TabSpec[] = [
    {
      id: 'run',
      label: 'Run the meeting',
      content: (
        <section aria-labelledby="console-heading" className="ws-console">
          <h3 id="console-heading" ref={consoleHeading} tabIndex={-1}>
            Console
          </h3>
          <div role="status" className="ws-console__message">
            {message?.tone === 'ok' && <p className="live-line">{message.text}</p>}
          </div>
          <div role="alert">
            {message?.tone === 'error' && (
              <Notice tone="error" title="That did not work">
                <p>{message.text}</p>
              </Notice>
            )}
          </div>
          <Console workshop={w} lead={lead} busy={busy} onControl={(c, done) => void control(c, done)} />
        </section>
      ),
    },
    ...(published
      ? [
          {
            id: 'invitations',
            label: 'Invitations',
            content: (
              <>
                {lead && <InvitationsPanel reviewId={reviewId} workshop={w} onChanged={setW} />}
                <JoinDetails workshopId={w.id} joinCode={w.joinCode} codeJoining={w.codeJoining} />
              </>
            ),
          },
          {
            id: 'answers',
            label: 'Answers',
            content: (
              <>
                <CountsTable setup={w.setup} state={w.state} counts={counts} status={status} codeJoining={w.codeJoining} />
                <ResultsView reviewId={reviewId} workshop={w} lead={lead} releasedSeq={released} moderatedSeq={moderated} counts={counts} outcome={lead ? outcome : null} />
                {lead && <PrivateRequests reviewId={reviewId} workshopId={w.id} closed={w.state.stage === 'closed'} />}
                {lead && (
                  <section aria-labelledby="export-heading">
                    <h3 id="export-heading">Export</h3>
                    <ul className="plain-list">
                      <li>
                        <a href={`${workshopPath(reviewId, w.id)}/responses.docx`} download>
                          Download the anonymised responses (.docx)
                        </a>
                      </li>
                      <li>
                        <a href={`${workshopPath(reviewId, w.id)}/responses.csv`} download>
                          Download the anonymised responses (.csv)
                        </a>
                      </li>
                    </ul>
                    <p className="muted">
                      Only released answers are included, with names replaced by pseudonyms; hidden ones are left out, and so is a question left with fewer than {w.setup.k} visible
                      answers. Each download is recorded in the audit log.
                    </p>
                  </section>
                )}
              </>
            ),
          },
        ]
      : []),
    ...(published && lead ? [{ id: 'outcome', label: 'Outcome', content: <OutcomePanel setup={w.setup} editor={outcome} /> }] : []),
    {
      id: 'setup',
      label: 'Set-up',
      content: (
        <section aria-labelledby="setup-heading">
          <h3 id="setup-heading">Set-up</h3>
          {lead && w.state.stage !== 'closed' ? (
            <SetupForm
              reviewId={reviewId}
              workshop={w}
              open={!published}
              onSaved={(updated) => {
                setW(updated);
                onChanged();
              }}
            />
          ) : (
            <SetupSummary setup={w.setup} />
          )}
        </section>
      ),
    },
  ];

  return (
    <div className="ws-panel">
      <section aria-labelledby="status-heading">
        <h3 id="status-heading">
          Workshop on {formatUkDate(w.setup.date)} at {w.setup.startTime}
        </h3>
        <dl className="summary-list summary-list--compact">
          <div>
            <dt>Stage</dt>
            <dd data-testid="workshop-stage">{STAGE_LABELS[w.state.stage]}</dd>
          </div>
          <div>
            <dt>Participants see</dt>
            <dd data-testid="workshop-showing">{showingLabel(w.setup, w.state)}</dd>
          </div>
          <div>
            <dt>Anonymity threshold</dt>
            <dd>Answers to a question can be released once at least {w.setup.k} people have answered it.</dd>
          </div>
        </dl>
        <div className="button-row">
          {published && (
            <a className="button" href={presenterHref} target="_blank" rel="noopener">
              Open the presenter screen<span className="visually-hidden"> (opens in a new window)</span>
            </a>
          )}
          <button type="button" className="button button--secondary button--small" onClick={() => void refresh()}>
            Refresh status
          </button>
        </div>
        {published && (
          <p className="muted">
            The presenter screen is for a second screen or projector: what participants see, and released answers, in large type, with names replaced by pseudonyms.
          </p>
        )}
      </section>
      <Tabs label="Workshop" idPrefix="ws" tabs={tabs} selected={tab} onSelect={setTab} />
    </div>
  );
}
