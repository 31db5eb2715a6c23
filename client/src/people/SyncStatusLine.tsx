import { RefusedEditAlert } from '../components/RefusedEditAlert.js';
import { describeSync, type SyncFacts } from '../lib/syncStatus.js';

/** The connection and save state of a shared document, announced politely as it changes. */
export function SyncStatusLine({ facts, readOnly }: { facts: SyncFacts; readOnly: boolean }) {
  const message = describeSync(facts);
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
