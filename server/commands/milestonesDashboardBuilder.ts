import type { IsoDate } from '../../shared/dates.js';
import { dashboardRows, dashboardSummary, type DashboardInput } from '../../shared/lifecycle/index.js';
import type { RecordStore } from '../storage/types.js';
import { calculateReviewMilestones } from './milestonesCalculator.js';

/**
 * The milestones dashboard for one user: every review they are a member of, shaped and ordered by the
 * shared dashboard rule. It shows dates and milestone names only, no case content, so every role sees it.
 */
export async function buildMilestonesDashboard(records: RecordStore, userId: string, todayIso: IsoDate) {
  const inputs: DashboardInput[] = [];
  for (const m of await records.find('memberships', { userId })) {
    const review = await records.get('reviews', m.reviewId);
    if (!review) continue;
    const { raw, problem } = await calculateReviewMilestones(records, review.id, todayIso);
    inputs.push({ reviewId: review.id, title: review.title, kind: review.kind, role: m.role, fictional: review.fictional, milestones: raw, problem });
  }
  const rows = dashboardRows(inputs, todayIso);
  return { today: todayIso, summary: dashboardSummary(rows), rows };
}
