import { matchPath } from '../router/matchPath.js';
import { Link } from '../router/Link.js';
import { useLocation } from '../router/navigation.js';

/**
 * A link to the history of one item of a shared doc (who changed what and when, with restore), or of
 * the whole doc when no item is given (its versions, named or not), for the review in the current path.
 * `doc` is the doc's name after `review.<id>.` (docs/api.md, "History").
 */
export function HistoryLink({
  doc,
  root,
  itemKey,
  children,
  hiddenContext,
}: {
  doc: string;
  root?: string;
  itemKey?: string;
  children: string;
  /** Words only screen readers hear after the link text, so a table of "History" links tells them apart. */
  hiddenContext?: string;
}) {
  const { pathname } = useLocation();
  const reviewId = matchPath('/reviews/:id/:tab', pathname)?.id ?? matchPath('/reviews/:id', pathname)?.id;
  if (!reviewId) return null;
  const item = root && itemKey ? `?root=${encodeURIComponent(root)}&key=${encodeURIComponent(itemKey)}` : '';
  const to = `/reviews/${encodeURIComponent(reviewId)}/history/${encodeURIComponent(doc)}${item}`;
  return (
    <p>
      <Link to={to}>
        {children}
        {hiddenContext && <span className="visually-hidden"> {hiddenContext}</span>}
      </Link>
    </p>
  );
}
