import type { IsoDate } from '../../shared/dates.js';
import {
  MILESTONE_PROBLEM_LABELS,
  blankScoping,
  milestoneViews,
  reviewMilestones,
  type MilestoneFacts,
  type MilestoneProblem,
  type MilestoneView,
} from '../../shared/lifecycle/index.js';
import type { Milestone } from '../../shared/milestones/index.js';
import type { RecordStore } from '../storage/types.js';
import { readRapidReviewConfig } from './lifecycleSettingsSaver.js';

/** Gathers what a review's milestones are computed from: its dates, plan, scoping and Rapid Review record. */
export async function milestoneFacts(records: RecordStore, reviewId: string, todayIso: IsoDate): Promise<MilestoneFacts> {
  const review = (await records.get('reviews', reviewId))!;
  const plan = (await records.get('milestonePlans', reviewId)) ?? null;
  const stored = new Map((await records.find('agencyScopings', { reviewId })).map((s) => [s.agencyId, s]));
  const scoping = (await records.find('agencies', { reviewId })).map((a) => stored.get(a.id) ?? blankScoping(reviewId, a.id, a.id));
  const rr = (await records.get('rapidReviewRecords', reviewId))?.content ?? null;
  return {
    review: { kind: review.kind, referralDate: review.referralDate },
    plan,
    config: await readRapidReviewConfig(records),
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
export async function calculateReviewMilestones(records: RecordStore, reviewId: string, todayIso: IsoDate): Promise<ReviewMilestones> {
  const { milestones, problem } = reviewMilestones(await milestoneFacts(records, reviewId, todayIso));
  return {
    today: todayIso,
    milestones: milestoneViews(milestones, todayIso),
    raw: milestones,
    problem,
    problemLabel: problem ? MILESTONE_PROBLEM_LABELS[problem] : null,
  };
}
