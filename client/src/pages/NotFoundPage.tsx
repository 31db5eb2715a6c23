import { usePageTitle } from '../hooks/usePageTitle.js';
import { Link } from '../router/Link.js';

/** Shown for any path the app does not know. */
export function NotFoundPage() {
  usePageTitle('Page not found');
  return (
    <>
      <h1>Page not found</h1>
      <p>If you typed the web address, check it is correct.</p>
      <p>
        <Link to="/">Go to your reviews</Link>
      </p>
    </>
  );
}
