import { CLOSE_BAD_SHAPE, CLOSE_FOREIGN_CLIENT, CLOSE_TOO_LARGE } from '../../../shared/sync/closeCodes.js';

/**
 * The close reasons of CLOSE_TOO_LARGE that are not about the change itself: updates held for missing
 * dependencies (server/sync/updateGate.ts). A reconnect's handshake sends the whole difference, so
 * these clear by reconnecting.
 */
const MISSING_DEPENDENCY_REASONS: ReadonlySet<string> = new Set(['missing dependencies', 'too many missing dependencies']);

/**
 * Whether a close from the sync server refused a change for good (docs/sync.md, "Close codes"): an
 * update that breaks the document's shape (4400), is written under another user's client id (4403), or
 * takes the document past a cap (4413). Reconnecting would only re-send the same change in the
 * handshake and be refused again.
 */
export function isRefusedEdit(code: number, reason: string): boolean {
  if (code === CLOSE_BAD_SHAPE || code === CLOSE_FOREIGN_CLIENT) return true;
  return code === CLOSE_TOO_LARGE && !MISSING_DEPENDENCY_REASONS.has(reason);
}

/**
 * The provider's reconnect policy: reconnect after every close except a refused change. y-websocket
 * would by default stop after any 44xx code, including 4429 (too many requests), which a reconnect clears.
 */
export function shouldReconnectAfter(event: { code: number; reason: string }): boolean {
  return !isRefusedEdit(event.code, event.reason);
}

/** A refused change in plain words: what happened, why, and what to do. */
export type RefusedEditMessage = { title: string; reason: string; action: string };

/** Describes a refused change for the alert shown to the user. */
export function describeRefusedEdit(code: number): RefusedEditMessage {
  const title = 'This change could not be saved.';
  const action =
    'Nothing more is saved from this page until you reload the latest saved copy. Reloading discards your changes that were not saved; copy any wording you want to keep first.';
  if (code === CLOSE_TOO_LARGE) {
    return { title, reason: 'It would take this document past its size limit: too many entries, or too much text.', action };
  }
  if (code === CLOSE_FOREIGN_CLIENT) {
    return { title, reason: 'The server links the editing session it came from to another user.', action };
  }
  return { title, reason: 'It is not in a form this document accepts: for example, a value of the wrong kind or nested too deeply.', action };
}
