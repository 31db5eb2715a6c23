import type { IsoDate } from '../../shared/dates.js';
import {
  MILESTONE_PROBLEM_LABELS, blankScoping, milestoneViews, reviewMilestones, type MilestoneFacts, type MilestoneProblem,
  type MilestoneView,
} from '../../shared/lifecycle/index.js';
import type { Milestone } from '../../shared/milestones/index.js';
import type { RecordStore } from '../storage/types.js';
import { readRapidReviewConfig } from './lifecycleSettingsSaver.js';

/** Gathers what a review's milestones are computed from: its dates, plan, scoping and Rapid Review record. */
export function milestoneFacts(records: RecordStore, reviewId: string, todayIso: IsoDate): MilestoneFacts {
  const review = records.get('reviews', reviewId)!;
  const plan = records.get('milestonePlans', reviewId) ?? null;
  const stored = new Map(records.find('agencyScopings', (s) => s.reviewId === reviewId).map((s) => [s.agencyId, s]));
  const scoping = records.find('agencies', (a) => a.reviewId === reviewId)
    .map((a) => stored.get(a.id) ?? blankScoping(reviewId, a.id, a.id));
  const rr = records.get('rapidReviewRecords', reviewId)?.content ?? null;
  return {
    review: { kind: review.kind, referralDate: review.referralDate },
    plan,
    config: readRapidReviewConfig(records),
    scoping,
    rapidReview: rr ? { meetingDate: rr.background.meetingDate, dateSubmitted: rr.signOff.dateSubmitted } : null,
    todayIso,
  };
}

/** A review's milestones as the REST API returns them. */
export type ReviewMilestones = {
  today: IsoDate;
  milestones: MilestoneView[];
  raw: Milestone[];
  problem: MilestoneProblem | null;
  problemLabel: string | null;
};

/** Computes a review's milestones for today with the shared rules. */
export function calculateReviewMilestones(records: RecordStore, reviewId: string, todayIso: IsoDate): ReviewMilestones {
  const { milestones, problem } = reviewMilestones(milestoneFacts(records, reviewId, todayIso));
  return {
    today: todayIso,
    milestones: milestoneViews(milestones, todayIso),
    raw: milestones,
    problem,
    problemLabel: problem ? MILESTONE_PROBLEM_LABELS[problem] : null,
  };
}
