import { Notice } from './Notice.js';
import { describeRefusedEdit } from '../lib/refusedEdit.js';
import type { SyncFacts } from '../lib/syncStatus.js';

/**
 * Says, as an alert, that the server refused a change for good (docs/sync.md, "Close codes"): what
 * happened, why, and what to do, with a button that reloads the latest saved copy and discards the
 * refused change. Renders nothing while no change is refused.
 */
export function RefusedEditAlert({ facts }: { facts: SyncFacts }) {
  const refused = facts.refusedEdit;
  if (!refused) return null;
  const m = describeRefusedEdit(refused.code);
  return (
    <div className="refused-edit" data-testid="refused-edit">
      <Notice tone="error" role="alert" title={m.title}>
        <p>{m.reason}</p>
        <p>{m.action}</p>
        <p>
          <button type="button" className="button" onClick={refused.reload}>
            Reload the latest saved copy
          </button>
        </p>
      </Notice>
    </div>
  );
}
