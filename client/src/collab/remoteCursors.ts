import * as Y from 'yjs';
import { AGENCY_PALETTE } from '../../../shared/palette.js';

/**
 * Remote cursors in collaborative text fields. Each browser puts `cursor` in its awareness state while
 * a text field has focus: which field (`key`, e.g. `entry:<rowId>:keyEvent`) and its selection as Yjs
 * relative positions, which stay on the same characters while others type. The server sets each
 * state's user name, so the names shown come from presence, never from what a client claims.
 */

/** The awareness field a browser's caret lives in. */
export const CURSOR_FIELD = 'cursor';

/** One browser's caret in one field, as it travels in awareness. */
export type CursorState = { key: string; anchor: unknown; head: unknown };

/** Another person's caret in the field shown: where it is now, and who it is. */
export type RemoteCursor = { clientId: number; name: string; anchor: number; head: number; colour: string };

/** A cursor state for a selection in `text` (relative positions, so it survives others' edits). */
export function cursorState(key: string, text: Y.Text, anchor: number, head: number): CursorState {
  return {
    key,
    anchor: Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, anchor)),
    head: Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, head)),
  };
}

/** Where a relative position (as sent in awareness) now is in `text`, or null when it is not in it. */
export function absoluteIndex(doc: Y.Doc, text: Y.Text, json: unknown): number | null {
  if (!json || typeof json !== 'object') return null;
  try {
    const abs = Y.createAbsolutePositionFromRelativePosition(Y.createRelativePositionFromJSON(json), doc);
    return abs && abs.type === text ? Math.min(abs.index, text.length) : null;
  } catch {
    return null;
  }
}

/** A fill per client id, so one person keeps one colour; their name is always shown with it. */
export function cursorColour(clientId: number): string {
  return AGENCY_PALETTE[clientId % AGENCY_PALETTE.length]!.fill;
}

/** Every other browser's caret in the field `key`, from awareness states, in text order. */
export function remoteCursors(states: ReadonlyMap<number, Record<string, unknown>>, selfClientId: number, key: string, doc: Y.Doc, text: Y.Text | null): RemoteCursor[] {
  if (!text) return [];
  const out: RemoteCursor[] = [];
  for (const [clientId, state] of states) {
    if (clientId === selfClientId || !state || typeof state !== 'object') continue;
    const c = state[CURSOR_FIELD] as Partial<CursorState> | undefined;
    if (!c || c.key !== key) continue;
    const head = absoluteIndex(doc, text, c.head);
    if (head === null) continue;
    const anchor = absoluteIndex(doc, text, c.anchor) ?? head;
    const user = state.user as { name?: unknown } | undefined;
    const name = user && typeof user.name === 'string' && user.name.trim() ? user.name.trim() : 'Someone';
    out.push({ clientId, name, anchor, head, colour: cursorColour(clientId) });
  }
  return out.sort((a, b) => a.head - b.head || a.clientId - b.clientId);
}

/** A short piece of the text before `index`, to say in words where a caret is ("after “…home visit”"). */
export function placeOf(text: string, index: number): string {
  if (index <= 0) return 'at the start';
  const before = text
    .slice(Math.max(0, index - 24), index)
    .replace(/\s+/g, ' ')
    .trim();
  if (!before) return 'at the start';
  return `after “${index > 24 ? '…' : ''}${before}”`;
}
