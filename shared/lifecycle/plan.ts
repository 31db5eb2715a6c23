import { z } from 'zod';
import { IdSchema } from '../ids.js';
import { IsoDateSchema, UkOrIsoDateSchema } from '../dates.js';
import { CompletedMilestonesSchema, MilestoneKeySchema } from '../milestones/index.js';
import { VersionSchema } from './fields.js';

/**
 * A review's milestone plan: the dates its milestones are computed from beyond the referral date
 * (which lives on the review itself), and the milestones someone marked as done by hand. One per
 * review, keyed by the review's id.
 */
export const MilestonePlanSchema = z.strictObject({
  id: IdSchema,
  reviewId: IdSchema,
  /** The date the partners decided to hold an LCSPR; its six months run from here. */
  decisionDate: IsoDateSchema.nullable(),
  /** The planned publication date of the LCSPR report. */
  publicationDate: IsoDateSchema.nullable(),
  /** Milestones marked done by hand, with the date; these win over dates the app works out itself. */
  completed: CompletedMilestonesSchema,
  version: VersionSchema,
  updatedAt: z.string(),
  updatedBy: IdSchema,
});

/** A stored milestone plan. */
export type MilestonePlan = z.infer<typeof MilestonePlanSchema>;

/** PUT .../lifecycle/milestones: the referral date (written to the review), the LCSPR dates and the hand-marked completions. */
export const MilestonePlanBodySchema = z
  .strictObject({
    baseVersion: VersionSchema,
    referralDate: UkOrIsoDateSchema.nullable(),
    decisionDate: UkOrIsoDateSchema.nullable(),
    publicationDate: UkOrIsoDateSchema.nullable(),
    completed: z.partialRecord(MilestoneKeySchema, UkOrIsoDateSchema),
  })
  .refine((b) => !b.decisionDate || !b.publicationDate || b.publicationDate > b.decisionDate, {
    message: 'the publication date must be after the decision date',
    path: ['publicationDate'],
  });

/** The body of a milestone plan save. */
export type MilestonePlanBody = z.infer<typeof MilestonePlanBodySchema>;
