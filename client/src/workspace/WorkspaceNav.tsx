import { Link } from '../router/Link.js';
import type { Role } from '../../../shared/roles.js';
import { WORKSPACE_STAGES, WORKSPACE_TABS, nextStep, tabVisibleTo, type WorkspaceTab } from './tabs.js';

/**
 * The review's section links (those the viewer's role may see), grouped by the stage of the review
 * they belong to; the current one is marked with aria-current and a visible underline. Beneath, the
 * next step when something is holding the review up, with what it blocks.
 */
export function WorkspaceNav({ reviewId, current, role, agencyCount }: { reviewId: string; current: WorkspaceTab; role?: Role; agencyCount?: number }) {
  const href = (tab: WorkspaceTab) => `/reviews/${encodeURIComponent(reviewId)}/${tab}`;
  const next = role && agencyCount !== undefined ? nextStep({ agencyCount, role }) : null;
  return (
    <>
      <nav className="subnav" aria-label="Review sections">
        <ul className="subnav__stages">
          {WORKSPACE_STAGES.map((stage) => {
            const tabs = WORKSPACE_TABS.filter((t) => t.stage === stage.id && (!role || tabVisibleTo(t.id, role)));
            if (tabs.length === 0) return null;
            return (
              <li key={stage.id} className="subnav__stage">
                <span className="subnav__stage-label" id={`stage-${stage.id}`}>
                  {stage.label}
                </span>
                <ul className="subnav__list" aria-labelledby={`stage-${stage.id}`}>
                  {tabs.map((t) => (
                    <li key={t.id} className="subnav__item">
                      <Link to={href(t.id)} className={`subnav__link${t.id === current ? ' subnav__link--current' : ''}`} aria-current={t.id === current ? 'page' : undefined}>
                        {t.label}
                      </Link>
                    </li>
                  ))}
                </ul>
              </li>
            );
          })}
        </ul>
      </nav>
      {next && (
        <div className="next-step" data-testid="next-step">
          <p className="next-step__text">
            <strong>Next step:</strong> {next.text} {next.tab !== current && <Link to={href(next.tab)}>Go to {WORKSPACE_TABS.find((t) => t.id === next.tab)!.label}</Link>}
          </p>
          <p className="next-step__blocks">{next.blocks}</p>
        </div>
      )}
    </>
  );
}
