import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { apiRequest, setUnauthorisedHandler } from '../api/client.js';
import { ApiRequestError } from '../api/ApiRequestError.js';
import { MeSchema } from '../api/schemas.js';
import { forgetLocalCopies } from '../hooks/useSharedDoc.js';
import { SessionContext, type SessionState, type SessionValue } from './sessionContext.js';

/** Loads the session from GET /api/me and offers sign-in and sign-out to the app. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const refresh = useCallback(async () => {
    try {
      const me = await apiRequest('GET', '/api/me', { schema: MeSchema, skipUnauthorisedHandler: true });
      setState({ status: 'signed-in', me });
    } catch (err) {
      // A page already open keeps its work when the session ended: it signs in again in a dialog.
      if (err instanceof ApiRequestError && err.status === 401) setState((s) => (s.status === 'signed-in' ? { ...s, expired: true } : { status: 'signed-out', notice: null }));
      else setState({ status: 'signed-out', notice: 'Could not check whether you are signed in. Please sign in.' });
    }
  }, []);

  useEffect(() => {
    // Workshop participants are anonymous: the join page never asks whether a staff session exists.
    if (window.location.pathname.startsWith('/join/')) setState({ status: 'signed-out', notice: null });
    else void refresh();
    // Any request answered 401 means the session ended (idle timeout, sign-out elsewhere).
    setUnauthorisedHandler(() => {
      // The page stays, with everything typed into it; SessionGuard asks to sign in again.
      setState((s) => (s.status === 'signed-in' ? { ...s, expired: true } : s));
    });
    return () => setUnauthorisedHandler(null);
  }, [refresh]);

  const signIn = useCallback(async (email: string, password: string) => {
    await apiRequest('POST', '/api/auth/login', { body: { email, password }, skipUnauthorisedHandler: true });
    const me = await apiRequest('GET', '/api/me', { schema: MeSchema });
    setState({ status: 'signed-in', me });
  }, []);

  const current = useRef(state);
  current.current = state;
  const signOut = useCallback(async () => {
    const userId = current.current.status === 'signed-in' ? current.current.me.user.id : null;
    try {
      await apiRequest('POST', '/api/auth/logout', { skipUnauthorisedHandler: true });
    } finally {
      setState({ status: 'signed-out', notice: 'You have signed out.', byUser: true });
      // Choosing to sign out also clears this browser's copies of the shared documents.
      if (userId) void forgetLocalCopies(userId).catch(() => undefined);
    }
  }, []);

  const keepAlive = useCallback(async () => {
    try {
      await apiRequest('GET', '/api/me', { schema: MeSchema });
      return true;
    } catch {
      return false; // a 401 has already marked the session expired
    }
  }, []);

  const value = useMemo<SessionValue>(() => ({ state, signIn, signOut, refresh, keepAlive }), [state, signIn, signOut, refresh, keepAlive]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
