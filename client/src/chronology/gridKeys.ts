/**
 * Keyboard navigation between rows of the chronology table, as a pure reducer so that it can be
 * tested without a browser. Up and Down move one row, Page Up and Page Down one screenful, Home and
 * End (with or without Ctrl) to the first and last row. Enter is left to the focused row's button,
 * which opens the row; Escape is left to the dialog, which closes it.
 */

/** A navigation step. */
export type NavAction = { type: 'prev' } | { type: 'next' } | { type: 'pagePrev' } | { type: 'pageNext' } | { type: 'first' } | { type: 'last' };

/** The keys of a keyboard event this module reads. */
export type KeyInput = { key: string; altKey?: boolean; metaKey?: boolean; shiftKey?: boolean };

/** The navigation step for a key, or null when the key is not ours (so the browser handles it). */
export function keyToNavAction(e: KeyInput): NavAction | null {
  // Alt and Meta combinations belong to the browser and assistive technology; Shift+arrows select text.
  if (e.altKey || e.metaKey || e.shiftKey) return null;
  switch (e.key) {
    case 'ArrowUp':
      return { type: 'prev' };
    case 'ArrowDown':
      return { type: 'next' };
    case 'PageUp':
      return { type: 'pagePrev' };
    case 'PageDown':
      return { type: 'pageNext' };
    case 'Home':
      return { type: 'first' };
    case 'End':
      return { type: 'last' };
    default:
      return null;
  }
}

/**
 * The row index after a step, from `active` in a list of `rowCount` rows, `pageSize` rows per screen.
 * Always within the list; -1 only when the list is empty.
 */
export function navigateRows(active: number, action: NavAction, rowCount: number, pageSize: number): number {
  if (rowCount <= 0) return -1;
  const from = Math.min(Math.max(active, 0), rowCount - 1);
  const page = Math.max(1, pageSize);
  const to = (() => {
    switch (action.type) {
      case 'prev':
        return from - 1;
      case 'next':
        return from + 1;
      case 'pagePrev':
        return from - page;
      case 'pageNext':
        return from + page;
      case 'first':
        return 0;
      case 'last':
        return rowCount - 1;
    }
  })();
  return Math.min(Math.max(to, 0), rowCount - 1);
}

/**
 * Where the active row is after the list changed (a filter, a new row from a colleague): the same
 * row when it is still listed, otherwise the row now at its old position, clamped to the list.
 */
export function reconcileActive(ids: readonly string[], activeId: string | null, previousIndex: number): number {
  if (ids.length === 0) return -1;
  if (activeId !== null) {
    const found = ids.indexOf(activeId);
    if (found >= 0) return found;
  }
  return Math.min(Math.max(previousIndex, 0), ids.length - 1);
}
