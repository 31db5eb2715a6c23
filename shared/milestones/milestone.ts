import { z } from 'zod';
import { IsoDateSchema, type IsoDate } from '../dates.js';
import { workingDaysBetween } from '../calendar/workingDays.js';

/**
 * A milestone is a statutory or local deadline of a review, optionally with a window that opens
 * before it (the Rapid Review meeting is held "between 7 and 13 working days"). Milestones are
 * computed from the review's dates; only the completion dates are stored.
 */

/** Every milestone the app tracks, Rapid Review first, in the order they normally fall due. */
export const MILESTONE_KEYS = [
  'rr-scoping-requests',
  'rr-agency-returns',
  'rr-meeting',
  'rr-panel-submission',
  'lcspr-completion',
  'lcspr-report-to-panel',
  'lcspr-publication',
] as const;

/** A milestone's key. */
export const MilestoneKeySchema = z.enum(MILESTONE_KEYS);

/** A milestone's key. */
export type MilestoneKey = z.infer<typeof MilestoneKeySchema>;

/** What each milestone is called on screen and in letters (en-GB). */
export const MILESTONE_LABELS: Record<MilestoneKey, string> = {
  'rr-scoping-requests': 'Scoping requests sent to agencies',
  'rr-agency-returns': 'Agency scoping returns due',
  'rr-meeting': 'Rapid Review meeting',
  'rr-panel-submission': 'Rapid Review sent to the National Panel',
  'lcspr-completion': 'LCSPR completed (six months from the decision)',
  'lcspr-report-to-panel': 'Final report sent to the National Panel, Ofsted and the DfE',
  'lcspr-publication': 'Report published',
};

/** The dates on which milestones were completed, by key; absent means not done yet. */
export const CompletedMilestonesSchema = z.partialRecord(MilestoneKeySchema, IsoDateSchema);

/** Completion dates by milestone key. */
export type CompletedMilestones = z.infer<typeof CompletedMilestonesSchema>;

/** One computed milestone. `opens` is the first day of a window, or null for a plain deadline. */
export const MilestoneSchema = z.object({
  key: MilestoneKeySchema,
  label: z.string(),
  opens: IsoDateSchema.nullable(),
  due: IsoDateSchema,
  doneOn: IsoDateSchema.nullable(),
});

/** A computed milestone. */
export type Milestone = z.infer<typeof MilestoneSchema>;

/** Where a milestone stands on a given day. */
export type MilestoneStatus = 'done' | 'due' | 'overdue' | 'upcoming';

/**
 * A deadline without a window counts as 'due' from this many working days before it. Two, because the
 * Rapid Review steps are only two or three working days apart: a longer lead would mark every step
 * 'due' at once and the word would stop meaning anything.
 */
export const DUE_SOON_WORKING_DAYS = 2;

/** Makes a milestone record; `doneOn` comes from the stored completion dates. */
export function milestone(key: MilestoneKey, due: IsoDate, opens: IsoDate | null, completed: CompletedMilestones): Milestone {
  return { key, label: MILESTONE_LABELS[key], opens, due, doneOn: completed[key] ?? null };
}

/**
 * A milestone's status on `todayIso`: 'done' once completed; 'overdue' after its due date; 'due' while
 * its window is open, or within DUE_SOON_WORKING_DAYS of a deadline; otherwise 'upcoming'.
 */
export function milestoneStatus(m: Milestone, todayIso: IsoDate): MilestoneStatus {
  if (m.doneOn) return 'done';
  if (todayIso > m.due) return 'overdue';
  if (m.opens !== null) return todayIso >= m.opens ? 'due' : 'upcoming';
  return workingDaysBetween(todayIso, m.due) <= DUE_SOON_WORKING_DAYS ? 'due' : 'upcoming';
}

/**
 * Working days from today to the due date: 0 on the day, negative when overdue. An overdue milestone
 * is never reported as 0 (which happens at the weekend after a Friday deadline), because a dashboard
 * showing "overdue, 0 days" reads as a contradiction; it is at least one working day late by the time
 * anyone can act on it.
 */
export function workingDaysLeft(m: Milestone, todayIso: IsoDate): number {
  const left = workingDaysBetween(todayIso, m.due);
  return todayIso > m.due ? Math.min(left, -1) : left;
}

/** The milestone a dashboard shows, with its status and the working days left. */
export type NextMilestone = { milestone: Milestone; status: MilestoneStatus; workingDaysLeft: number };

/**
 * The next milestone to act on: the outstanding one with the earliest due date (so anything overdue
 * comes first; ties keep list order). When every milestone is done, the last one to fall due, with
 * status 'done'. Null for an empty list. Throws RangeError when a date is outside the calendar data.
 */
export function nextMilestone(milestones: readonly Milestone[], todayIso: IsoDate): NextMilestone | null {
  let pick: Milestone | undefined;
  for (const m of milestones) if (!m.doneOn && (!pick || m.due < pick.due)) pick = m;
  if (!pick) {
    for (const m of milestones) if (!pick || m.due >= pick.due) pick = m;
  }
  if (!pick) return null;
  return { milestone: pick, status: milestoneStatus(pick, todayIso), workingDaysLeft: workingDaysLeft(pick, todayIso) };
}
