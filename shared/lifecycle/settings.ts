import { z } from 'zod';
import { IdSchema } from '../ids.js';
import { RapidReviewConfigSchema } from '../milestones/index.js';

/**
 * The partnership's lifecycle settings: its Rapid Review timetable (for example a meeting window of
 * working days 9-11 instead of the toolkit's 7-13). One record per partnership, keyed by the
 * partnership's id; a partnership admin edits it, and it applies to every review's milestones.
 */
export const LifecycleSettingsSchema = z.strictObject({
  id: IdSchema,
  rapidReview: RapidReviewConfigSchema,
  updatedAt: z.string(),
  updatedBy: IdSchema,
});

/** A stored lifecycle settings record. */
export type LifecycleSettings = z.infer<typeof LifecycleSettingsSchema>;

/**
 * PUT /api/lifecycle/settings: every timetable field is required, so nothing changes by omission, and
 * the shared timetable rules (1-15 working days, windows in order) are checked with their own messages.
 */
export const LifecycleSettingsBodySchema = z.strictObject({
  rapidReview: z
    .strictObject({
      scopingDays: z.int(),
      returnsDays: z.int(),
      meetingFromDay: z.int(),
      meetingToDay: z.int(),
    })
    .superRefine((v, ctx) => {
      const checked = RapidReviewConfigSchema.safeParse(v);
      if (!checked.success) for (const i of checked.error.issues) ctx.addIssue({ code: 'custom', message: i.message, path: i.path });
    }),
});

/** The body of PUT /api/lifecycle/settings. */
export type LifecycleSettingsBody = z.infer<typeof LifecycleSettingsBodySchema>;
