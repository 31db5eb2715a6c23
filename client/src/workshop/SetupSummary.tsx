import { formatUkDate } from '../../../shared/dates.js';
import type { WorkshopSetup } from '../../../shared/workshop/workshop.js';

/** The set-up, read-only (review team, or a closed workshop). */
export function SetupSummary({ setup }: { setup: WorkshopSetup }) {
  return (
    <>
      <dl className="summary-list">
        <div>
          <dt>Date and time</dt>
          <dd>
            {formatUkDate(setup.date)} at {setup.startTime}
          </dd>
        </div>
        <div>
          <dt>Anonymity threshold</dt>
          <dd>{setup.k}</dd>
        </div>
        <div>
          <dt>Timeline phases</dt>
          <dd>
            {setup.phases.length === 0 ? (
              'None'
            ) : (
              <ol>
                {setup.phases.map((p) => (
                  <li key={p.id}>
                    {p.title}: {formatUkDate(p.start)} to {formatUkDate(p.end)}
                  </li>
                ))}
              </ol>
            )}
          </dd>
        </div>
        <div>
          <dt>Proposed lessons</dt>
          <dd>
            {setup.lessons.length === 0 ? (
              'None'
            ) : (
              <ol>
                {setup.lessons.map((l) => (
                  <li key={l.id} className="pre-wrap">
                    {l.text}
                  </li>
                ))}
              </ol>
            )}
          </dd>
        </div>
      </dl>
    </>
  );
}
