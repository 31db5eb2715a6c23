import type { ReactNode } from 'react';
import { Notice } from '../components/Notice.js';

/** Where a save stands: idle, in progress, saved (with a time), or refused because someone else saved first. */
export type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: string } | { kind: 'conflict'; message: string };

/**
 * The polite live line that tells everyone (screen reader users too) a save happened, and the notice
 * that offers to reload when someone else saved first.
 */
export function SaveStatus({ state, onReload, children }: { state: SaveState; onReload(): void; children?: ReactNode }) {
  return (
    <>
      <p className="live-line" aria-live="polite" role="status">
        {state.kind === 'saving' ? 'Saving…' : state.kind === 'saved' ? `Saved at ${state.at}.` : ''}
      </p>
      {state.kind === 'conflict' && (
        <Notice tone="error" role="alert" title="Not saved: someone else saved first">
          <p>{state.message}</p>
          <button type="button" className="button button--secondary" onClick={onReload}>
            Reload the saved version
          </button>
          {children}
        </Notice>
      )}
    </>
  );
}

/** The time now as HH:MM in England, for "Saved at". */
export function savedAt(): string {
  return new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' }).format(new Date());
}
