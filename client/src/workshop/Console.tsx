import { useState } from 'react';
import type { Control } from '../../../shared/workshop/transitions.js';
import type { WorkshopView } from './api.js';
import { neighbourItems } from './consoleModel.js';
import { elapsedMinutes, formatClock, formatElapsed } from './timer.js';
import { useMinuteClock } from './useMinuteClock.js';

/**
 * The facilitator's console: publish, start, move through the agenda with a timer on the current
 * item, share timeline phases and the lessons, open feedback, and close. Closing asks for a
 * confirmation because it cannot be undone. Without `lead`, the same agenda is shown read-only.
 */
export function Console({ workshop, lead, busy, onControl }: { workshop: WorkshopView; lead: boolean; busy: boolean; onControl(c: Control, done: string): void }) {
  const { setup, state } = workshop;
  const [confirmClose, setConfirmClose] = useState(false);
  const now = useMinuteClock();

  if (state.stage === 'draft') {
    return lead ? (
      <>
        <p>
          Check the set-up (the Set-up tab), then publish. Publishing opens worksheet 1 to practitioners until the meeting starts, and shows the join link, the code and the
          invitations.
        </p>
        <button
          type="button"
          className="button"
          aria-disabled={busy || undefined}
          onClick={() => onControl({ action: 'publish' }, 'Published. Share the link and code with practitioners.')}
        >
          Publish the workshop
        </button>
      </>
    ) : (
      <p>The lead reviewer has not published the workshop yet.</p>
    );
  }
  if (state.stage === 'closed') return <p>The workshop has closed. Worksheets no longer accept answers; results and export stay available.</p>;

  const { previous, next } = neighbourItems(setup.agenda, state.currentItemId);
  const minutes = elapsedMinutes(state.itemStartedAt, now);
  const go = (item: { id: string; title: string }) => onControl({ action: 'go-to-item', itemId: item.id }, `Now: ${item.title}.`);

  return (
    <>
      {state.stage === 'open' && lead && (
        <>
          <p>Worksheet 1 is open. Starting the meeting closes it and moves everyone to the first agenda item.</p>
          <button type="button" className="button" aria-disabled={busy || undefined} onClick={() => onControl({ action: 'start' }, 'The meeting has started.')}>
            Start meeting
          </button>
        </>
      )}
      <h4>Agenda</h4>
      <ol className="ws-agenda ws-agenda--console">
        {setup.agenda.map((a) => {
          const current = state.stage === 'live' && a.id === state.currentItemId;
          return (
            <li key={a.id} className={current ? 'ws-agenda__item ws-agenda__item--current' : 'ws-agenda__item'} aria-current={current ? 'step' : undefined}>
              <span className="ws-agenda__time">{a.time}</span>
              <span>
                {a.title}
                {a.lead && <span className="muted"> ({a.lead})</span>}
                {current && <strong className="ws-now"> (current item)</strong>}
              </span>
            </li>
          );
        })}
      </ol>
      {state.stage === 'live' && minutes !== null && (
        <p className="ws-timer" data-testid="item-timer">
          <span className="ws-timer__clock" aria-hidden="true">
            {formatClock(minutes)}
          </span>
          <span>Time on this item: {formatElapsed(minutes)}</span>
        </p>
      )}
      {state.stage === 'live' && lead && (
        <>
          <div className="button-row">
            <button type="button" className="button button--secondary" aria-disabled={busy || !previous || undefined} onClick={() => previous && go(previous)}>
              Previous item
            </button>
            <button type="button" className="button button--secondary" aria-disabled={busy || !next || undefined} onClick={() => next && go(next)}>
              Next item
            </button>
          </div>
          <h4>Share with participants</h4>
          <div className="button-row ws-share">
            <button
              type="button"
              className="button button--secondary"
              aria-disabled={busy || undefined}
              onClick={() => onControl({ action: 'show-agenda' }, 'Participants see the agenda.')}
            >
              Show agenda
            </button>
            {setup.phases.map((p, i) => (
              <button
                key={p.id}
                type="button"
                className="button button--secondary"
                aria-disabled={busy || undefined}
                aria-pressed={state.showing.kind === 'phase' && state.showing.phaseId === p.id}
                onClick={() => onControl({ action: 'share-phase', phaseId: p.id }, `Participants see phase ${i + 1}: ${p.title}.`)}
              >
                {`Share phase ${i + 1}: ${p.title}`}
              </button>
            ))}
            {setup.lessons.length > 0 && (
              <button
                type="button"
                className="button button--secondary"
                aria-disabled={busy || undefined}
                aria-pressed={state.showing.kind === 'lessons'}
                onClick={() => onControl({ action: 'share-lessons' }, 'Participants see the proposed lessons.')}
              >
                Share lessons
              </button>
            )}
            <button
              type="button"
              className="button button--secondary"
              aria-disabled={busy || undefined}
              aria-pressed={state.showing.kind === 'feedback'}
              onClick={() => onControl({ action: 'open-feedback' }, 'Feedback (worksheet 4) is open.')}
            >
              Open feedback (worksheet 4)
            </button>
          </div>
          {setup.phases.length === 0 && <p className="muted">Add timeline phases in the set-up to share them.</p>}
        </>
      )}
      {lead && (
        <div className="ws-close">
          {!confirmClose ? (
            <button type="button" className="button button--warning" aria-disabled={busy || undefined} onClick={() => setConfirmClose(true)}>
              Close the workshop
            </button>
          ) : (
            <fieldset aria-labelledby="close-question" className="plain-group ws-close__confirm">
              <p id="close-question">
                <strong>Close the workshop now?</strong> Participants can no longer answer or change their answers. This cannot be undone.
              </p>
              <div className="button-row">
                <button
                  type="button"
                  className="button button--warning"
                  aria-disabled={busy || undefined}
                  // biome-ignore lint/a11y/noAutofocus: the button the user just pressed has gone, so focus moves to the question's answer instead of being lost
                  autoFocus
                  onClick={() => {
                    if (busy) return;
                    setConfirmClose(false);
                    onControl({ action: 'close' }, 'The workshop has closed.');
                  }}
                >
                  Yes, close it
                </button>
                <button type="button" className="button button--secondary" onClick={() => setConfirmClose(false)}>
                  Cancel
                </button>
              </div>
            </fieldset>
          )}
        </div>
      )}
      {!lead && <p className="muted">Only the lead reviewer runs the workshop. Answers are shown once at least {setup.k} have arrived for a question.</p>}
    </>
  );
}
