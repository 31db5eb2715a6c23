import type { IsoDate } from '../dates.js';
import type { Role } from '../roles.js';
import type { Milestone } from '../milestones/index.js';
import { milestoneViews, type MilestoneProblem, type MilestoneView } from './reviewMilestones.js';

/**
 * The milestones dashboard: one row per review the user belongs to, with the next milestone to act on
 * and the working days left. Rows needing attention come first: overdue (the longest overdue first),
 * then due now, then upcoming by due date, then reviews whose milestones are all done, then reviews
 * whose dates are not recorded yet.
 */

/** What the dashboard knows about one review before shaping. */
export type DashboardInput = {
  reviewId: string;
  title: string;
  kind: 'rapid-review' | 'lcspr';
  role: Role;
  fictional: boolean;
  milestones: readonly Milestone[];
  problem: MilestoneProblem | null;
};

/** One dashboard row. */
export type DashboardRow = Omit<DashboardInput, 'milestones'> & {
  /** The milestone to act on next; when all are done, the last one, with status 'done'. */
  next: MilestoneView | null;
  /** How many of the review's milestones are overdue. */
  overdueCount: number;
};

const RANK = { overdue: 0, due: 1, upcoming: 2, done: 3 } as const;

/** Picks the next milestone: the outstanding one due first, else the last one done. */
function pickNext(views: readonly MilestoneView[]): MilestoneView | null {
  let pick: MilestoneView | null = null;
  for (const v of views) if (v.status !== 'done' && (!pick || v.due < pick.due)) pick = v;
  if (pick) return pick;
  for (const v of views) if (!pick || v.due >= pick.due) pick = v;
  return pick;
}

/** Shapes and orders the dashboard rows for `todayIso`; pure. */
export function dashboardRows(inputs: readonly DashboardInput[], todayIso: IsoDate): DashboardRow[] {
  const rows = inputs.map((i): DashboardRow => {
    const views = milestoneViews(i.milestones, todayIso);
    const { milestones: _omit, ...rest } = i;
    return { ...rest, next: pickNext(views), overdueCount: views.filter((v) => v.status === 'overdue').length };
  });
  const rank = (r: DashboardRow) => (r.next ? RANK[r.next.status] : 4);
  return rows.sort((a, b) => rank(a) - rank(b) || (a.next && b.next ? a.next.due.localeCompare(b.next.due) : 0) || a.title.localeCompare(b.title, 'en-GB'));
}

/** Counts for the dashboard's summary line. */
export function dashboardSummary(rows: readonly DashboardRow[]): { overdue: number; dueNow: number; total: number } {
  return {
    overdue: rows.filter((r) => r.next?.status === 'overdue').length,
    dueNow: rows.filter((r) => r.next?.status === 'due').length,
    total: rows.length,
  };
}
