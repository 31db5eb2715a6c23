import { coarseCountText, type CoarseCount } from '../../../shared/workshop/anonymity.js';
import { allPrompts, openPromptIds } from '../../../shared/workshop/prompts.js';
import type { WorkshopSetup, WorkshopState } from '../../../shared/workshop/workshop.js';
import { TableWrap } from '../components/TableWrap.js';
import type { CountsStatus, LiveCounts } from './useWorkshopCounts.js';

const STATUS_TEXT: Record<CountsStatus, string> = {
  connecting: 'Connecting to live counts…',
  live: 'Live: counts change at most every 30 seconds, and are rounded.',
  offline: 'Live counts are reconnecting; the numbers may be behind.',
  refused: 'Live counts are not available to you.',
};

/**
 * How many people have answered each question, live but coarse: "fewer than k", then rounded down to
 * fives, at most every 30 seconds, so no single arrival can be read off them. Counts per join mode are
 * coarse too: the screen says how many came each way, never which answer.
 */
export function CountsTable({
  setup,
  state,
  counts,
  status,
  codeJoining,
}: {
  setup: WorkshopSetup;
  state: WorkshopState;
  counts: LiveCounts;
  status: CountsStatus;
  codeJoining: boolean;
}) {
  const prompts = allPrompts(setup);
  const open = openPromptIds(setup, state);
  const none: CoarseCount = { kind: 'below', k: setup.k };
  return (
    <section aria-labelledby="counts-heading">
      <h3 id="counts-heading">Answers so far</h3>
      <p className="muted">{STATUS_TEXT[status]}</p>
      <p className="muted">
        {codeJoining
          ? `Answers from the workshop code count towards the threshold while code joining is on, at most ${setup.k - 1} per question.`
          : 'Only answers from invitations count towards the threshold: code joining is off.'}
      </p>
      <TableWrap label="Answers per question">
        <table className="table" data-testid="counts-table">
          <thead>
            <tr>
              <th scope="col">Question</th>
              <th scope="col">Open now</th>
              <th scope="col">People counted</th>
              <th scope="col">From invitations</th>
              <th scope="col">From the code</th>
            </tr>
          </thead>
          <tbody>
            {prompts.map((p) => {
              const c = counts[p.id];
              return (
                <tr key={p.id}>
                  <th scope="row">{p.label}</th>
                  <td>{open.has(p.id) ? 'Open' : 'Closed'}</td>
                  <td data-testid={`count-${p.id}`}>{coarseCountText(c?.counted ?? none)}</td>
                  <td>{coarseCountText(c?.invitations ?? none)}</td>
                  <td>{coarseCountText(c?.code ?? none)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableWrap>
    </section>
  );
}
