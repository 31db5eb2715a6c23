import { z } from 'zod';
import { IsoDateSchema } from '../dates.js';
import { addWorkingDays } from '../calendar/workingDays.js';
import { CompletedMilestonesSchema, milestone, type Milestone } from './milestone.js';

/**
 * Rapid Review timescales, in working days from the referral or notification (day 0). The National
 * Panel requires the whole Rapid Review within 15 working days; the steps inside it are the regional
 * toolkit's suggestions (seed 002, section 4.8), which partnerships adapt (Lewisham holds the meeting
 * on days 9-11), so they are configurable and the 15 is not.
 */

/** The statutory limit for a Rapid Review, in working days; not configurable. */
export const RAPID_REVIEW_WORKING_DAYS = 15;

const Day = (fallback: number) =>
  z
    .int('must be a whole number of working days')
    .min(1, 'must be at least 1 working day')
    .max(RAPID_REVIEW_WORKING_DAYS, `must be within the ${RAPID_REVIEW_WORKING_DAYS} working days of a Rapid Review`)
    .default(fallback);

/** A partnership's Rapid Review timetable; every field defaults to the regional toolkit's value. */
export const RapidReviewConfigSchema = z
  .object({
    /** Scoping requests go out within this many working days (toolkit: 2). */
    scopingDays: Day(2),
    /** Agencies return their scoping within this many working days (toolkit: 5). */
    returnsDays: Day(5),
    /** The meeting window opens on this working day (toolkit: 7). */
    meetingFromDay: Day(7),
    /** The meeting window closes on this working day (toolkit: 13). */
    meetingToDay: Day(13),
  })
  .refine((c) => c.scopingDays <= c.returnsDays, {
    message: 'Scoping requests must go out on or before the day returns are due',
    path: ['returnsDays'],
  })
  .refine((c) => c.meetingFromDay <= c.meetingToDay, {
    message: 'The meeting window must open on or before the day it closes',
    path: ['meetingToDay'],
  })
  .refine((c) => c.returnsDays <= c.meetingToDay, {
    message: 'Agency returns must be due before the meeting window closes',
    path: ['meetingToDay'],
  });

/** A validated Rapid Review timetable. */
export type RapidReviewConfig = z.infer<typeof RapidReviewConfigSchema>;

/** The regional toolkit's timetable: 2, 5, 7-13 and 15 working days. */
export const DEFAULT_RAPID_REVIEW_CONFIG: RapidReviewConfig = RapidReviewConfigSchema.parse({});

/** What a Rapid Review's milestones are computed from. */
export const RapidReviewInputSchema = z.object({
  referralDate: IsoDateSchema,
  config: RapidReviewConfigSchema.prefault({}),
  completed: CompletedMilestonesSchema.default({}),
});

/** Input to rapidReviewMilestones, before defaults are applied. */
export type RapidReviewInput = z.input<typeof RapidReviewInputSchema>;

/**
 * The four Rapid Review milestones for a referral: scoping requests, agency returns, the meeting
 * window, and submission to the National Panel. Throws a ZodError for invalid input and a RangeError
 * when a date falls outside the bank holiday data.
 */
export function rapidReviewMilestones(input: RapidReviewInput): Milestone[] {
  const { referralDate, config, completed } = RapidReviewInputSchema.parse(input);
  const day = (n: number) => addWorkingDays(referralDate, n);
  return [
    milestone('rr-scoping-requests', day(config.scopingDays), null, completed),
    milestone('rr-agency-returns', day(config.returnsDays), null, completed),
    milestone('rr-meeting', day(config.meetingToDay), day(config.meetingFromDay), completed),
    milestone('rr-panel-submission', day(RAPID_REVIEW_WORKING_DAYS), null, completed),
  ];
}
