import { useEffect, type ReactNode } from 'react';
import { LoadingMessage } from '../components/LoadingMessage.js';
import { navigate, useLocation } from '../router/navigation.js';
import { useSession } from './sessionContext.js';
import { SessionGuard } from './SessionGuard.js';

/**
 * Shows its children to a signed-in user; sends anyone else to sign in, remembering where they were
 * going, except after choosing to sign out (the next person at this computer should not land on the
 * previous person's review). While signed in, SessionGuard keeps the session alive during activity and,
 * if it ends, asks to sign in again over the page instead of leaving it.
 */
export function RequireSignIn({ children }: { children: ReactNode }) {
  const { state } = useSession();
  const { pathname, search } = useLocation();
  const byUser = state.status === 'signed-out' && state.byUser === true;
  useEffect(() => {
    if (state.status === 'signed-out') {
      navigate(byUser ? '/sign-in' : `/sign-in?next=${encodeURIComponent(pathname + search)}`, { replace: true });
    }
  }, [state.status, byUser, pathname, search]);
  if (state.status !== 'signed-in') return <LoadingMessage />;
  return (
    <>
      {children}
      <SessionGuard me={state.me} expired={state.expired === true} />
    </>
  );
}
