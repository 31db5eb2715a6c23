import { Notice } from '../components/Notice.js';
import { saveStatusText, type OutcomeSaveState } from './outcomeSave.js';

/**
 * The outcome's save status. With `live`, it is the one polite live region that announces "Saved",
 * "Saving…" and "Not saved – …" to screen readers, and problems come with what to do: try again, or
 * reload after someone else saved first. Without `live` it is a quiet copy of the line, for the results
 * where responses are marked, so sighted users see it there too without a second announcement.
 */
export function OutcomeSaveStatus({ state, live, onReload, onRetry }: { state: OutcomeSaveState; live: boolean; onReload(): void; onRetry(): void }) {
  const text = saveStatusText(state);
  const line = <strong className={`ws-save ws-save--${state.kind}`}>{text}</strong>;
  if (!live)
    return (
      <p className="ws-save-line" data-testid="outcome-save-copy">
        Outcome: {line}
      </p>
    );
  return (
    <>
      <p className="ws-save-line" role="status" data-testid="outcome-save-status">
        {line}
      </p>
      {state.kind === 'conflict' && (
        <Notice tone="error" role="alert" title="Not saved: someone else saved the outcome first">
          <p>{state.message}</p>
          <p>Reloading shows the saved outcome and discards your changes since your last save. Copy anything you want to keep first.</p>
          <button type="button" className="button button--secondary" onClick={onReload}>
            Reload the saved outcome
          </button>
        </Notice>
      )}
      {state.kind === 'failed' && (
        <Notice tone="error" title="The outcome could not be saved">
          <p>Your changes are still on this screen. They are saved again after your next change, or now:</p>
          <button type="button" className="button button--secondary" onClick={onRetry}>
            Try saving again
          </button>
        </Notice>
      )}
      {state.kind === 'load-failed' && (
        <Notice tone="error" title="The outcome could not be loaded">
          <button type="button" className="button button--secondary" onClick={onReload}>
            Try again
          </button>
        </Notice>
      )}
    </>
  );
}
