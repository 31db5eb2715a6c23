import { Link } from '../router/Link.js';
import type { Role } from '../../../shared/roles.js';
import { WORKSPACE_TABS, tabVisibleTo, type WorkspaceTab } from './tabs.js';

/** The review's section links (those the viewer's role may see); the current one is marked with aria-current and a visible underline. */
export function WorkspaceNav({ reviewId, current, role }: { reviewId: string; current: WorkspaceTab; role?: Role }) {
  return (
    <nav className="subnav" aria-label="Review sections">
      <ul className="subnav__list">
        {WORKSPACE_TABS.filter((t) => !role || tabVisibleTo(t.id, role)).map((t) => (
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
