import { Link } from '../router/Link.js';
import { WORKSPACE_TABS, type WorkspaceTab } from './tabs.js';

/** The review's section links; the current one is marked with aria-current and a visible underline. */
export function WorkspaceNav({ reviewId, current }: { reviewId: string; current: WorkspaceTab }) {
  return (
    <nav className="subnav" aria-label="Review sections">
      <ul className="subnav__list">
        {WORKSPACE_TABS.map((t) => (
          <li key={t.id} className="subnav__item">
            <Link
              to={`/reviews/${encodeURIComponent(reviewId)}/${t.id}`}
              className={`subnav__link${t.id === current ? ' subnav__link--current' : ''}`}
              aria-current={t.id === current ? 'page' : undefined}
            >
              {t.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
