import { useRef } from 'react';
import { Notice } from '../components/Notice.js';
import { arrangePrompts, nowBanner, WORKSHEET_TITLES, type Connection } from './participantState.js';
import { PrivateRequestForm } from './PrivateRequestForm.js';
import { PromptAnswer } from './PromptAnswer.js';
import { SharedContent } from './SharedContent.js';
import type { Ack } from './useWorkshopSocket.js';
import type { ParticipantView } from './viewSchema.js';

const CONNECTION_TEXT: Record<Connection, string> = {
  connecting: 'Connecting…',
  connected: 'Connected: this screen follows the lead reviewer.',
  reconnecting: 'Connection lost. Reconnecting… Your answers so far are safe.',
};

/**
 * The workshop as a participant sees it: the connection, what changed (announced politely), the
 * current agenda item, what the lead reviewer is sharing and, beside it, the open questions.
 */
export function ParticipantScreen({
  view,
  workshopId,
  connection,
  announcement,
  call,
  withPass,
}: {
  view: ParticipantView;
  /** Joined with an invitation's anonymous pass (else with the code alone, lower assurance). */
  withPass: boolean;
  workshopId: string;
  connection: Connection;
  announcement: { text: string; seq: number };
  call(event: 'respond' | 'withdraw' | 'private-request', payload: unknown): Promise<Ack>;
}) {
  const banner = nowBanner(view);
  const { current, earlier } = arrangePrompts(view);
  // Unsent words survive a question moving between "current" and "earlier" (which remounts it).
  const drafts = useRef(new Map<string, string>()).current;
  const earlierCount = earlier.reduce((n, g) => n + g.prompts.length, 0);
  const feedbackOpen = view.prompts.some((p) => p.worksheet === 4);
  return (
    <div className="ws-participant">
      <h1 data-step-focus tabIndex={-1}>
        {view.title}
      </h1>
      <p className={`ws-connection ws-connection--${connection}`} role="status">
        <span className="ws-connection__dot" aria-hidden="true" />
        {CONNECTION_TEXT[connection]}
      </p>
      {/* The no-break space on odd counts makes a repeated sentence a change, so it is announced again. */}
      <p className="live-line ws-live" aria-live="polite" aria-atomic="true">
        {announcement.text}
        {announcement.seq % 2 ? '\u00a0' : ''}
      </p>

      {view.stage === 'closed' ? (
        <Notice tone="info" title="This workshop has closed">
          <p>
            It no longer accepts answers. Thank you for taking part. Your answers have been kept anonymously for the review, and this browser has forgotten your pass and your
            answers.
          </p>
        </Notice>
      ) : (
        <>
          {view.stage === 'open' && (
            <Notice tone="info" title="The meeting has not started yet">
              <p>Please answer worksheet 1 now. It captures your thinking before you hear from others. It closes when the meeting starts.</p>
            </Notice>
          )}
          {banner && (
            <p className="ws-current" data-testid="now-banner">
              <span className="ws-current__label">Now:</span> {banner.now}
              {banner.item && <span className="ws-current__item"> (agenda: {banner.item})</span>}
            </p>
          )}
          <div className="ws-layout">
            <section className="ws-layout__shared" aria-labelledby="shared-heading">
              <SharedContent view={view} />
            </section>
            <section className="ws-layout__answers" aria-labelledby="answers-heading">
              <h2 id="answers-heading">Your answers</h2>
              <p className="muted" data-testid="join-mode">
                {withPass
                  ? 'You joined with your anonymous pass: one answer per question counts as yours, and sending again replaces it.'
                  : 'You joined with the workshop code only (lower assurance).'}{' '}
                The panel sees answers in groups, never one by one.
              </p>
              {!current && <p>No questions are open at the moment. They will appear here when the lead reviewer opens them.</p>}
              {current && (
                <div className="ws-worksheet" data-testid="current-worksheet">
                  <h3 className="ws-worksheet__title">{WORKSHEET_TITLES[current.worksheet]}</h3>
                  {current.prompts.map((p) => (
                    <PromptAnswer key={p.id} prompt={p} workshopId={workshopId} call={call} drafts={drafts} />
                  ))}
                </div>
              )}
              {earlier.length > 0 && (
                <details className="ws-earlier" data-testid="earlier-worksheets">
                  <summary>Earlier worksheets ({earlierCount === 1 ? '1 question' : `${earlierCount} questions`} still open)</summary>
                  {earlier.map((g) => (
                    <div key={g.worksheet} className="ws-worksheet">
                      <h3 className="ws-worksheet__title">{WORKSHEET_TITLES[g.worksheet]}</h3>
                      {g.prompts.map((p) => (
                        <PromptAnswer key={p.id} prompt={p} workshopId={workshopId} call={call} drafts={drafts} />
                      ))}
                    </div>
                  ))}
                </details>
              )}
              {feedbackOpen && <PrivateRequestForm call={call} />}
            </section>
          </div>
        </>
      )}
    </div>
  );
}
