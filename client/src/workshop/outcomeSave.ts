/**
 * Where the autosave of the workshop outcome stands: loading the saved outcome, saved, saving
 * (changes waiting or on their way), not saved (the server could not be reached or refused), or not
 * saved because someone else saved first (a version conflict, which only a reload resolves).
 */
export type OutcomeSaveState =
  | { kind: 'loading' }
  | { kind: 'load-failed'; message: string }
  | { kind: 'saved' }
  | { kind: 'saving' }
  | { kind: 'failed'; message: string }
  | { kind: 'conflict'; message: string };

/** How long typing must pause before the outcome is saved, so a save is not sent for every keystroke. */
export const OUTCOME_AUTOSAVE_MS = 800;

/** The short status line shown and announced beside the outcome. */
export function saveStatusText(s: OutcomeSaveState): string {
  switch (s.kind) {
    case 'loading':
      return 'Loading the saved outcome…';
    case 'load-failed':
      return `Not loaded – ${s.message}`;
    case 'saved':
      return 'Saved';
    case 'saving':
      return 'Saving…';
    case 'failed':
      return `Not saved – ${s.message}`;
    case 'conflict':
      return 'Not saved – someone else saved the outcome first.';
  }
}
