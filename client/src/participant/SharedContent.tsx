import { AgencyTag } from '../components/AgencyTag.js';
import { currentItem, phaseHeading, type ScreenView } from './participantState.js';

/**
 * What the lead reviewer is showing now: the agenda with the current item, a timeline phase
 * (pseudonymised by the server, read-only, in date order, agency colour with its short code as text),
 * the proposed lessons, or the feedback invitation.
 */
export function SharedContent({ view }: { view: ScreenView }) {
  switch (view.showing.kind) {
    case 'phase': {
      const phase = view.phase;
      return (
        <>
          <h2 id="shared-heading">{phaseHeading(view) ?? 'Timeline phase'}</h2>
          <p className="muted">The integrated timeline for this phase, read-only. Names are replaced with pseudonyms.</p>
          {!phase || phase.rows.length === 0 ? (
            <p>No events are recorded for this phase.</p>
          ) : (
            <ol className="ws-phase-rows">
              {phase.rows.map((r, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: pseudonymised rows sent without ids, read-only and in date order; a row's position is its identity
                <li key={i} className="ws-phase-row" style={{ borderLeftColor: r.colour }}>
                  <p className="ws-phase-row__meta">
                    <strong>{r.date}</strong> <AgencyTag shortCode={r.agencyCode} colour={r.colour} /> <span>{r.agencyName}</span>
                  </p>
                  <p className="pre-wrap break">{r.event}</p>
                </li>
              ))}
            </ol>
          )}
        </>
      );
    }
    case 'lessons':
      return (
        <>
          <h2 id="shared-heading">Proposed lessons</h2>
          {view.lessons && view.lessons.length > 0 ? (
            <ol className="ws-lessons">
              {view.lessons.map((l) => (
                <li key={l.id} className="pre-wrap break">
                  {l.text}
                </li>
              ))}
            </ol>
          ) : (
            <p>No proposed lessons have been shared.</p>
          )}
        </>
      );
    case 'feedback':
      return (
        <>
          <h2 id="shared-heading">Feedback on the workshop</h2>
          <p>Thank you for taking part. Please tell us how the workshop went, using worksheet 4.</p>
        </>
      );
    case 'agenda':
      return <AgendaList view={view} />;
  }
}

/** The agenda; the current item is marked in text as well as style. */
export function AgendaList({ view }: { view: ScreenView }) {
  const current = currentItem(view);
  return (
    <>
      <h2 id="shared-heading">Agenda</h2>
      <ol className="ws-agenda">
        {view.agenda.map((a) => {
          const isCurrent = current?.id === a.id;
          return (
            <li key={a.id} className={isCurrent ? 'ws-agenda__item ws-agenda__item--current' : 'ws-agenda__item'} aria-current={isCurrent ? 'step' : undefined}>
              <span className="ws-agenda__time">{a.time}</span>
              <span>
                {a.title}
                {isCurrent && <strong className="ws-now"> (now)</strong>}
              </span>
            </li>
          );
        })}
      </ol>
    </>
  );
}
