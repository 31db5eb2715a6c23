import { RefusedEditAlert } from '../components/RefusedEditAlert.js';
import { describeSync, type SyncFacts } from '../lib/syncStatus.js';

/** The connection and save state of the genogram (both of its documents), announced politely as it changes. */
export function GenogramSyncStatus({ facts, readOnly }: { facts: SyncFacts; readOnly: boolean }) {
  const message =
    facts.refused && !facts.refusedEdit ? { text: 'The server closed the genogram. Reload the page; you may no longer have access.', tone: 'error' as const } : describeSync(facts);
  const text = readOnly && message.tone === 'ok' ? 'Connected. Showing the latest version.' : message.text;
  return (
    <>
      <RefusedEditAlert facts={facts} />
      <p className={`sync-status sync-status--${message.tone}`} role="status" aria-live="polite" data-testid="sync-status">
        <span className="sync-status__dot" aria-hidden="true" />
        {text}
      </p>
    </>
  );
}
