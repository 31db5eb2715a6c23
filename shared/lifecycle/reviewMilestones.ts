import type { IsoDate } from '../dates.js';
import {
  lcsprMilestones,
  milestoneStatus,
  rapidReviewMilestones,
  workingDaysLeft,
  type CompletedMilestones,
  type Milestone,
  type MilestoneKey,
  type MilestoneStatus,
  type RapidReviewConfig,
} from '../milestones/index.js';
import { answeredOn, type ScopingStatus } from './scoping.js';

/**
 * A review's milestones, worked out from its dates and records. Completion is read from what the
 * review's records already say (every agency asked, every agency answered, the meeting held, the
 * record sent to the Panel), so nobody has to tick a milestone twice; a date marked by hand wins.
 */

/** What a review's milestones are computed from. */
export type MilestoneFacts = {
  review: { kind: 'rapid-review' | 'lcspr'; referralDate: string | null };
  plan: { decisionDate: string | null; publicationDate: string | null; completed: CompletedMilestones } | null;
  config: RapidReviewConfig;
  /** Each agency's scoping (an agency with none stored counts as not requested). */
  scoping: readonly { status: ScopingStatus; requestedOn: string | null; returnedOn: string | null; notKnownOn: string | null }[];
  rapidReview: { meetingDate: string | null; dateSubmitted: string | null } | null;
  todayIso: IsoDate;
};

/** Why a review has no milestones to show. */
export type MilestoneProblem = 'no-referral-date' | 'no-decision-date' | 'outside-calendar';

/** Explanations of the problems, for the screen. */
export const MILESTONE_PROBLEM_LABELS: Record<MilestoneProblem, string> = {
  'no-referral-date': 'No referral date recorded yet',
  'no-decision-date': 'No LCSPR decision date recorded yet',
  'outside-calendar': 'A date is outside the bank holiday calendar (2018 to 2030)',
};

const latest = (dates: readonly (string | null)[]): string | null => {
  if (dates.some((d) => d === null) || dates.length === 0) return null;
  return (dates as string[]).reduce((a, b) => (b > a ? b : a));
};

/** Completion dates the records imply. A date still in the future (a meeting booked) is not done yet. */
export function derivedCompletions(f: MilestoneFacts): CompletedMilestones {
  const out: Partial<Record<MilestoneKey, string>> = {};
  const past = (d: string | null) => (d && d <= f.todayIso ? d : null);
  const asked = latest(f.scoping.map((s) => s.requestedOn ?? answeredOn(s)));
  const answered = latest(f.scoping.map((s) => answeredOn(s)));
  if (past(asked)) out['rr-scoping-requests'] = asked!;
  if (past(answered)) out['rr-agency-returns'] = answered!;
  const met = past(f.rapidReview?.meetingDate ?? null);
  if (met) out['rr-meeting'] = met;
  const sent = past(f.rapidReview?.dateSubmitted ?? null);
  if (sent) out['rr-panel-submission'] = sent;
  return out;
}

/**
 * The review's milestones. A Rapid Review has the four Rapid Review milestones from its referral date,
 * and the LCSPR ones too once a decision date is set; an LCSPR has only the LCSPR ones. A missing date
 * or one outside the calendar data is reported as a problem rather than thrown.
 */
export function reviewMilestones(f: MilestoneFacts): { milestones: Milestone[]; problem: MilestoneProblem | null } {
  const completed = { ...derivedCompletions(f), ...(f.plan?.completed ?? {}) };
  const decisionDate = f.plan?.decisionDate ?? null;
  try {
    const out: Milestone[] = [];
    if (f.review.kind === 'rapid-review') {
      if (!f.review.referralDate) return { milestones: [], problem: 'no-referral-date' };
      out.push(...rapidReviewMilestones({ referralDate: f.review.referralDate, config: f.config, completed }));
    } else if (!decisionDate) {
      return { milestones: [], problem: 'no-decision-date' };
    }
    if (decisionDate) {
      out.push(...lcsprMilestones({ decisionDate, publicationDate: f.plan?.publicationDate ?? null, completed }));
    }
    return { milestones: out, problem: null };
  } catch (err) {
    if (err instanceof RangeError) return { milestones: [], problem: 'outside-calendar' };
    throw err;
  }
}

/** A milestone with where it stands today. */
export type MilestoneView = Milestone & { status: MilestoneStatus; workingDaysLeft: number | null };

/** Adds today's status and working days left to each milestone (null days when today is outside the calendar data). */
export function milestoneViews(milestones: readonly Milestone[], todayIso: IsoDate): MilestoneView[] {
  return milestones.map((m) => {
    let left: number | null = null;
    try {
      left = m.doneOn ? null : workingDaysLeft(m, todayIso);
    } catch (err) {
      if (!(err instanceof RangeError)) throw err;
    }
    const status: MilestoneStatus = m.doneOn ? 'done' : left === null ? (todayIso > m.due ? 'overdue' : 'upcoming') : milestoneStatus(m, todayIso);
    return { ...m, status, workingDaysLeft: left };
  });
}

/** Status words, for the screen; shown beside an icon, never as colour alone. */
export const MILESTONE_STATUS_LABELS: Record<MilestoneStatus, string> = {
  overdue: 'Overdue',
  due: 'Due now',
  upcoming: 'Upcoming',
  done: 'Done',
};

/** "3 working days left", "due today", "2 working days overdue": the days in words. */
export function workingDaysPhrase(v: Pick<MilestoneView, 'status' | 'workingDaysLeft'>): string {
  if (v.status === 'done') return 'Done';
  const n = v.workingDaysLeft;
  if (n === null) return 'Cannot be counted';
  if (n < 0) return `${-n} working ${-n === 1 ? 'day' : 'days'} overdue`;
  if (n === 0) return v.status === 'overdue' ? 'Overdue' : 'Due today';
  return `${n} working ${n === 1 ? 'day' : 'days'} left`;
}
