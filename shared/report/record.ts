import { z } from 'zod';
import { IdSchema } from '../ids.js';
import { ReportDraftSchema } from './draft.js';

/** The stored draft of a review's report; its id is the review's id (one draft per review). */
export const ReportDraftRecordSchema = z.object({ id: IdSchema, reviewId: IdSchema, draft: ReportDraftSchema });

/** A stored report draft. */
export type ReportDraftRecord = z.infer<typeof ReportDraftRecordSchema>;
