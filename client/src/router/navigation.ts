import { useSyncExternalStore } from 'react';

/**
 * A tiny client-side router on the History API. Navigation pushes a history entry and tells
 * subscribers; the browser's back and forward buttons arrive as popstate.
 */

const NAVIGATE_EVENT = 'rr:navigate';

/** The parts of the current location the app routes on. */
export type AppLocation = { pathname: string; search: string };

let cached: AppLocation = { pathname: '', search: '' };

function snapshot(): AppLocation {
  const { pathname, search } = window.location;
  if (cached.pathname !== pathname || cached.search !== search) cached = { pathname, search };
  return cached;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

/** Goes to an in-app path; `replace` swaps the current history entry instead of adding one. */
export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  const current = window.location.pathname + window.location.search;
  if (to === current) return;
  if (opts.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

/** The current location; re-renders the caller when it changes. */
export function useLocation(): AppLocation {
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}
