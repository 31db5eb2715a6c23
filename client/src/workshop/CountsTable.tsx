import { allPrompts, openPromptIds } from '../../../shared/workshop/prompts.js';
import type { WorkshopSetup, WorkshopState } from '../../../shared/workshop/workshop.js';
import { TableWrap } from '../components/TableWrap.js';
import type { CountsStatus } from './useWorkshopCounts.js';

const STATUS_TEXT: Record<CountsStatus, string> = {
  connecting: 'Connecting to live counts…',
  live: 'Live: counts update as answers arrive.',
  offline: 'Live counts are reconnecting; the numbers may be behind.',
  refused: 'Live counts are not available to you.',
};

/** How many answers each question has, live; counts only, never who or when. */
export function CountsTable({ setup, state, counts, status }: {
  setup: WorkshopSetup;
  state: WorkshopState;
  counts: Record<string, number>;
  status: CountsStatus;
}) {
  const prompts = allPrompts(setup);
  const open = openPromptIds(setup, state);
  const total = prompts.reduce((n, p) => n + (counts[p.id] ?? 0), 0);
  return (
    <section aria-labelledby="counts-heading">
      <h3 id="counts-heading">Answers so far</h3>
      <p className="muted">{STATUS_TEXT[status]}</p>
      <p role="status" data-testid="answers-total">{total === 1 ? '1 answer in total.' : `${total} answers in total.`}</p>
      <TableWrap label="Answers per question">
        <table className="table" data-testid="counts-table">
          <thead>
            <tr><th scope="col">Question</th><th scope="col">Open now</th><th scope="col">Answers</th></tr>
          </thead>
          <tbody>
            {prompts.map((p) => (
              <tr key={p.id}>
                <th scope="row">{p.label}</th>
                <td>{open.has(p.id) ? 'Open' : 'Closed'}</td>
                <td data-testid={`count-${p.id}`}>{counts[p.id] ?? 0}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </section>
  );
}
