import { MILESTONE_STATUS_LABELS } from '../../../shared/lifecycle/index.js';
import type { MilestoneStatus } from '../../../shared/milestones/index.js';

/** A distinct shape per status, so the status never rests on colour alone (WCAG 1.4.1). */
function StatusIcon({ status }: { status: MilestoneStatus }) {
  return (
    <svg width={18} height={18} viewBox="0 0 20 20" aria-hidden="true" focusable="false" className="ms-tag__icon">
      {statusShape(status)}
    </svg>
  );
}

/** The shapes inside the icon for one status. */
function statusShape(status: MilestoneStatus) {
  switch (status) {
    case 'overdue':
      return (
        <>
          <path d="M10 1.5 19 18H1z" fill="currentColor" />
          <path d="M9 7h2v5.5H9zM9 14h2v2H9z" fill="#fff" />
        </>
      );
    case 'due':
      return (
        <>
          <circle cx="10" cy="10" r="8" fill="none" stroke="currentColor" strokeWidth="2.5" />
          <path d="M9 5h2v5.2l3.2 2-1 1.6L9 11.3z" fill="currentColor" />
        </>
      );
    case 'upcoming':
      return (
        <>
          <rect x="2" y="4" width="16" height="14" rx="1.5" fill="none" stroke="currentColor" strokeWidth="2" />
          <path d="M2 8h16M6 2v4M14 2v4" stroke="currentColor" strokeWidth="2" />
        </>
      );
    case 'done':
      return (
        <>
          <circle cx="10" cy="10" r="9" fill="currentColor" />
          <path d="m5.5 10.2 3 3 6-6.4" fill="none" stroke="#fff" strokeWidth="2.4" />
        </>
      );
  }
}

/** A milestone's status as an icon and a word ("Overdue", "Due now", "Upcoming", "Done"), coloured as well. */
export function MilestoneStatusTag({ status }: { status: MilestoneStatus }) {
  return (
    <span className={`ms-tag ms-tag--${status}`}>
      <StatusIcon status={status} />
      <span>{MILESTONE_STATUS_LABELS[status]}</span>
    </span>
  );
}
