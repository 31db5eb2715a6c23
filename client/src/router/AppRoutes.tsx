import { LoadingMessage } from '../components/LoadingMessage.js';
import { useRouteFocus } from '../hooks/useRouteFocus.js';
import { AcceptInvitationPage } from '../pages/AcceptInvitationPage.js';
import { CreateReviewPage } from '../pages/CreateReviewPage.js';
import { NotFoundPage } from '../pages/NotFoundPage.js';
import { JoinCodePage } from '../participant/JoinCodePage.js';
import { JoinPage } from '../participant/JoinPage.js';
import { PresenterPage } from '../workshop/PresenterPage.js';
import { ReviewsPage } from '../pages/ReviewsPage.js';
import { SignInPage } from '../pages/SignInPage.js';
import { RequireSignIn } from '../session/RequireSignIn.js';
import { useSession } from '../session/sessionContext.js';
import { ReviewWorkspacePage } from '../workspace/ReviewWorkspacePage.js';
import { HistoryPage } from '../history/HistoryPage.js';
import { isWorkspaceTab } from '../workspace/tabs.js';
import { matchPath } from './matchPath.js';
import { useLocation } from './navigation.js';

/** Picks the page for the current path. Pages for signed-in users are wrapped in RequireSignIn. */
export function AppRoutes() {
  const { pathname, search } = useLocation();
  const { state } = useSession();
  useRouteFocus(pathname);

  // Workshop participants never sign in: their page does not wait for, or depend on, a session.
  if (matchPath('/join', pathname)) return <JoinCodePage />;
  const join = matchPath('/join/:workshopId', pathname);
  if (join) return <JoinPage workshopId={join.workshopId!} />;

  if (state.status === 'loading') return <LoadingMessage text="Checking whether you are signed in…" />;

  if (matchPath('/sign-in', pathname)) return <SignInPage />;
  const invite = matchPath('/invite/:token', pathname);
  if (invite) return <AcceptInvitationPage token={invite.token!} />;

  if (matchPath('/', pathname))
    return (
      <RequireSignIn>
        <ReviewsPage />
      </RequireSignIn>
    );
  if (matchPath('/reviews/new', pathname))
    return (
      <RequireSignIn>
        <CreateReviewPage />
      </RequireSignIn>
    );
  const present = matchPath('/reviews/:id/workshops/:workshopId/present', pathname);
  if (present)
    return (
      <RequireSignIn>
        <PresenterPage reviewId={present.id!} workshopId={present.workshopId!} />
      </RequireSignIn>
    );
  const review = matchPath('/reviews/:id', pathname);
  if (review)
    return (
      <RequireSignIn>
        <ReviewWorkspacePage reviewId={review.id!} tab="overview" />
      </RequireSignIn>
    );
  const history = matchPath('/reviews/:id/history/:doc', pathname);
  if (history) {
    const q = new URLSearchParams(search);
    const root = q.get('root');
    const key = q.get('key');
    return (
      <RequireSignIn>
        <HistoryPage reviewId={history.id!} doc={history.doc!} item={root && key ? { root, key } : null} />
      </RequireSignIn>
    );
  }
  const tabbed = matchPath('/reviews/:id/:tab', pathname);
  if (tabbed && isWorkspaceTab(tabbed.tab!)) {
    return (
      <RequireSignIn>
        <ReviewWorkspacePage reviewId={tabbed.id!} tab={tabbed.tab} />
      </RequireSignIn>
    );
  }
  return <NotFoundPage />;
}
