import type { IsoDate } from '../../shared/dates.js';
import { dashboardRows, dashboardSummary, type DashboardInput } from '../../shared/lifecycle/index.js';
import type { RecordStore } from '../storage/types.js';
import { calculateReviewMilestones } from './milestonesCalculator.js';

/**
 * The milestones dashboard for one user: every review they are a member of, shaped and ordered by the
 * shared dashboard rule. It shows dates and milestone names only, no case content, so every role sees it.
 */
export function buildMilestonesDashboard(records: RecordStore, userId: string, todayIso: IsoDate) {
  const inputs: DashboardInput[] = records.find('memberships', (m) => m.userId === userId).flatMap((m) => {
    const review = records.get('reviews', m.reviewId);
    if (!review) return [];
    const { raw, problem } = calculateReviewMilestones(records, review.id, todayIso);
    return [{ reviewId: review.id, title: review.title, kind: review.kind, role: m.role, fictional: review.fictional, milestones: raw, problem }];
  });
  const rows = dashboardRows(inputs, todayIso);
  return { today: todayIso, summary: dashboardSummary(rows), rows };
}
