import type { IsoDate } from '../dates.js';
import { EVIDENCE_KIND_LABELS } from './kinds.js';
import type { EvidenceRequest } from './request.js';
import { requestDeadline, type DeadlineStatus } from './deadlines.js';

/**
 * Evidence requests as milestones on the dashboard: each request is one dated milestone ("Police:
 * learning template due 30/11/2026"), overdue by word and icon once its agency is late.
 */

/** One request as a dashboard milestone. */
export type EvidenceMilestone = {
  requestId: string;
  agencyId: string;
  label: string;
  due: IsoDate;
  status: DeadlineStatus;
  workingDaysLeft: number | null;
};

/** A review's evidence milestones on the dashboard: how many are overdue, and the one to act on next. */
export type EvidenceMilestoneSummary = { total: number; overdueCount: number; next: EvidenceMilestone | null };

const RANK: Record<DeadlineStatus, number> = { overdue: 0, due: 1, upcoming: 2, done: 3 };

/** Every request as a milestone, the most urgent first; `agencyName` names the agency in the label. */
export function evidenceMilestones(requests: readonly EvidenceRequest[], agencyName: (agencyId: string) => string, todayIso: IsoDate): EvidenceMilestone[] {
  return requests
    .map(
      (r): EvidenceMilestone => ({
        requestId: r.id,
        agencyId: r.agencyId,
        label: `${agencyName(r.agencyId)}: ${EVIDENCE_KIND_LABELS[r.kind].toLowerCase()}`,
        due: r.dueOn,
        ...requestDeadline(r.dueOn, r.status, todayIso),
      }),
    )
    .sort((a, b) => RANK[a.status] - RANK[b.status] || a.due.localeCompare(b.due) || a.label.localeCompare(b.label, 'en-GB'));
}

/** The dashboard's summary of a review's evidence milestones. */
export function evidenceMilestoneSummary(milestones: readonly EvidenceMilestone[]): EvidenceMilestoneSummary {
  const outstanding = milestones.filter((m) => m.status !== 'done');
  return { total: milestones.length, overdueCount: milestones.filter((m) => m.status === 'overdue').length, next: outstanding[0] ?? null };
}
