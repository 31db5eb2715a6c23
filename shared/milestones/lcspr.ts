import { z } from 'zod';
import { IsoDateSchema } from '../dates.js';
import { addCalendarMonths } from '../calendar/isoDay.js';
import { subtractWorkingDays } from '../calendar/workingDays.js';
import { CompletedMilestonesSchema, milestone, type Milestone } from './milestone.js';

/**
 * LCSPR timescales (Working Together 2023; seed 002 sections 3.1.2 and 10.5.1): the review should be
 * completed within six months of the decision to start it, and the full report must reach the
 * National Panel, Ofsted and the Secretary of State (DfE) at least seven working days before it is
 * published.
 */

/** Calendar months from the decision to start an LCSPR to its completion. */
export const LCSPR_COMPLETION_MONTHS = 6;

/** Working days by which the final report must precede publication. */
export const LCSPR_REPORT_WORKING_DAYS_BEFORE_PUBLICATION = 7;

/** What an LCSPR's milestones are computed from; the publication date is set once it is planned. */
export const LcsprInputSchema = z
  .object({
    decisionDate: IsoDateSchema,
    publicationDate: IsoDateSchema.nullable().default(null),
    completed: CompletedMilestonesSchema.default({}),
  })
  .refine((x) => x.publicationDate === null || x.publicationDate > x.decisionDate, {
    message: 'The publication date must be after the decision date',
    path: ['publicationDate'],
  });

/** Input to lcsprMilestones, before defaults are applied. */
export type LcsprInput = z.input<typeof LcsprInputSchema>;

/**
 * The LCSPR milestones: completion six calendar months after the decision (end-of-month clamped, so a
 * decision on 31/08 is due on 28/02 or 29/02), and, once a publication date is planned, the report to
 * the Panel, Ofsted and the DfE seven working days before it, and the publication itself. Throws a
 * ZodError for invalid input and a RangeError when the publication date is outside the bank holiday data.
 */
export function lcsprMilestones(input: LcsprInput): Milestone[] {
  const { decisionDate, publicationDate, completed } = LcsprInputSchema.parse(input);
  const out = [milestone('lcspr-completion', addCalendarMonths(decisionDate, LCSPR_COMPLETION_MONTHS), null, completed)];
  if (publicationDate) {
    const reportBy = subtractWorkingDays(publicationDate, LCSPR_REPORT_WORKING_DAYS_BEFORE_PUBLICATION);
    out.push(milestone('lcspr-report-to-panel', reportBy, null, completed));
    out.push(milestone('lcspr-publication', publicationDate, null, completed));
  }
  return out;
}
