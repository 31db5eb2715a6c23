import type { ReactNode } from 'react';
import { Link } from '../router/Link.js';
import { unsavedChanges } from '../hooks/useSharedDoc.js';
import { useSession } from '../session/sessionContext.js';

/**
 * The page frame: skip link, the protective marking, the header with the signed-in user, the main
 * landmark every page renders into, and the footer.
 */
export function Layout({ children }: { children: ReactNode }) {
  const { state, signOut } = useSession();
  return (
    <>
      <a className="skip-link" href="#main-content">
        Skip to main content
      </a>
      <header className="header">
        <p className="marking">
          <span className="visually-hidden">Protective marking: </span>OFFICIAL-SENSITIVE
        </p>
        <div className="header__inner">
          <Link to="/" className="header__brand">
            Review Room
          </Link>
          {state.status === 'signed-in' && (
            <nav aria-label="Account" className="header__nav">
              <Link to="/" className="header__link">
                Your reviews
              </Link>
              <span className="header__user">
                Signed in as <strong>{state.me.user.name}</strong>
              </span>
              <button
                type="button"
                className="button button--header"
                onClick={() => {
                  // Signing out clears this browser's copies of the documents, so unsaved changes would go with them.
                  const unsaved = unsavedChanges();
                  if (
                    unsaved > 0 &&
                    !window.confirm(
                      `${unsaved === 1 ? '1 change has' : `${unsaved} changes have`} not reached the server yet. If you sign out now, ${unsaved === 1 ? 'it' : 'they'} will be lost. Sign out anyway?`,
                    )
                  )
                    return;
                  void signOut();
                }}
              >
                Sign out
              </button>
            </nav>
          )}
        </div>
      </header>
      <main id="main-content" className="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="footer">
        <p>Review Room supports child safeguarding practice reviews. Everything here is OFFICIAL-SENSITIVE: do not copy case details into other systems.</p>
      </footer>
    </>
  );
}
