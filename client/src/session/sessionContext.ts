import { createContext, useContext } from 'react';
import type { Me } from '../api/schemas.js';

/**
 * Where the session stands: still asking the server, signed out (with an optional notice, and whether the
 * person chose to sign out, in which case the app does not offer to return to the page they left), or
 * signed in. A signed-in session that the server ended (idle timeout) is `expired`: the page stays as
 * it is, with its unsaved work, and offers to sign in again in a dialog (session/SessionGuard.tsx).
 */
export type SessionState = { status: 'loading' } | { status: 'signed-out'; notice: string | null; byUser?: boolean } | { status: 'signed-in'; me: Me; expired?: boolean };

/** The session and the actions that change it. */
export type SessionValue = {
  state: SessionState;
  signIn(email: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  refresh(): Promise<void>;
  /** Refreshes the session's idle timer (activity); false when the session has ended. */
  keepAlive(): Promise<boolean>;
};

/** React context carrying the session; SessionProvider fills it. */
export const SessionContext = createContext<SessionValue | null>(null);

/** The current session; throws when used outside SessionProvider, which is a programming error. */
export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside SessionProvider');
  return value;
}

/** The signed-in user's data; only for pages that are shown to signed-in users. */
export function useMe(): Me {
  const { state } = useSession();
  if (state.status !== 'signed-in') throw new Error('useMe needs a signed-in session');
  return state.me;
}
