import { useEffect, type ReactNode } from 'react';
import { LoadingMessage } from '../components/LoadingMessage.js';
import { navigate, useLocation } from '../router/navigation.js';
import { useSession } from './sessionContext.js';

/** Shows its children to a signed-in user; sends anyone else to sign in, remembering where they were going. */
export function RequireSignIn({ children }: { children: ReactNode }) {
  const { state } = useSession();
  const { pathname, search } = useLocation();
  useEffect(() => {
    if (state.status === 'signed-out') {
      navigate(`/sign-in?next=${encodeURIComponent(pathname + search)}`, { replace: true });
    }
  }, [state.status, pathname, search]);
  if (state.status !== 'signed-in') return <LoadingMessage />;
  return <>{children}</>;
}
