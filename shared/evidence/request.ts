import { z } from 'zod';
import { IdSchema } from '../ids.js';
import { IsoDateSchema, UkOrIsoDateSchema } from '../dates.js';
import { LabelSchema } from '../schemas/records.js';
import { EvidenceKindSchema, EVIDENCE_KINDS } from './kinds.js';
import { EvidenceActionSchema, EvidenceStatusSchema } from './status.js';
import { MAX_DUE_WORKING_DAYS, MAX_EVIDENCE_MESSAGE_CHARS, MAX_REQUEST_HISTORY, MIN_DUE_WORKING_DAYS } from './limits.js';

/**
 * A request for one agency's evidence of one kind, and everything that has happened to it. Every
 * change of state is kept in `history` with its date, so the agency and the review team see the
 * same dated trail the audit log proves.
 */

/** Working days an agency is given to answer. */
export const DueWorkingDaysSchema = z.int().min(MIN_DUE_WORKING_DAYS).max(MAX_DUE_WORKING_DAYS);

/** A reason for returning a submission, or any evidence message: free text, trimmed, bounded. */
export const EvidenceMessageSchema = z.string().trim().max(MAX_EVIDENCE_MESSAGE_CHARS);

/** The senior lead's sign-off: who (name and designation as they were then) and when. */
export const EndorsementSchema = z.strictObject({
  userId: IdSchema,
  name: LabelSchema,
  designation: LabelSchema,
  on: IsoDateSchema,
  at: z.string(),
});

/** One dated event in a request's life. */
export const RequestEventSchema = z.strictObject({
  action: z.union([z.literal('request'), EvidenceActionSchema]),
  /** The status after the event. */
  status: EvidenceStatusSchema,
  on: IsoDateSchema,
  at: z.string(),
  by: IdSchema,
  /** The reasons given with a return; empty otherwise. */
  reason: EvidenceMessageSchema,
});

/** A stored evidence request. */
export const EvidenceRequestSchema = z.strictObject({
  id: IdSchema,
  reviewId: IdSchema,
  agencyId: IdSchema,
  kind: EvidenceKindSchema,
  status: EvidenceStatusSchema,
  sentOn: IsoDateSchema,
  workingDays: DueWorkingDaysSchema,
  dueOn: IsoDateSchema,
  endorsement: EndorsementSchema.nullable(),
  history: z.array(RequestEventSchema).max(MAX_REQUEST_HISTORY),
  version: z.int().min(1),
  updatedAt: z.string(),
});

/** A stored evidence request. */
export type EvidenceRequest = z.infer<typeof EvidenceRequestSchema>;

/** One dated event of a request. */
export type RequestEvent = z.infer<typeof RequestEventSchema>;

/** POST .../evidence/requests: ask these agencies for these kinds, due in so many working days from `sentOn` (today by default). */
export const CreateRequestsBodySchema = z.strictObject({
  agencyIds: z.array(IdSchema).min(1).max(100),
  kinds: z.array(EvidenceKindSchema).min(1).max(EVIDENCE_KINDS.length),
  workingDays: DueWorkingDaysSchema.optional(),
  sentOn: UkOrIsoDateSchema.optional(),
});

/** The body of a request creation. */
export type CreateRequestsBody = z.infer<typeof CreateRequestsBodySchema>;

/** POST .../evidence/requests/:requestId/actions: one action, from the version the caller saw. */
export const RequestActionBodySchema = z.strictObject({
  action: EvidenceActionSchema,
  reason: EvidenceMessageSchema.default(''),
  baseVersion: z.int().min(1),
});

/** The body of a request action. */
export type RequestActionBody = z.infer<typeof RequestActionBodySchema>;

/** PUT .../evidence/senior-leads/:membershipId: name an agency author as their agency's senior lead, or remove them (null). */
export const SeniorLeadBodySchema = z.strictObject({ designation: LabelSchema.nullable() });
