import { z } from 'zod';
import { IdSchema } from '../ids.js';
import { IsoDateSchema, UkOrIsoDateSchema, formatUkDate } from '../dates.js';
import { Line, OptionalDate, Text, VersionSchema } from './fields.js';
import { MAX_LEARNING_ACTIONS } from './limits.js';

/**
 * Agency scoping for a Rapid Review (seed 002, section 4.3 and Document 2): each agency is asked for
 * an initial scoping and information sharing form within 2 working days of the referral and answers
 * within 5, either with the completed form or by confirming the family is not known to it.
 */

/** Where an agency's scoping stands. */
export const ScopingStatusSchema = z.enum(['not-requested', 'requested', 'returned', 'not-known']);

/** An agency's scoping status. */
export type ScopingStatus = z.infer<typeof ScopingStatusSchema>;

/** How each status reads on screen and in the Rapid Review. */
export const SCOPING_STATUS_LABELS: Record<ScopingStatus, string> = {
  'not-requested': 'Not requested yet',
  requested: 'Requested',
  returned: 'Returned',
  'not-known': 'Not known to the agency',
};

/** The progress rating of a learning action (Document 2, question 5): planned until work starts, then red, amber or green. */
export const RagSchema = z.enum(['planned', 'red', 'amber', 'green']);

/** A learning action's rating. */
export type Rag = z.infer<typeof RagSchema>;

/** Labels for the ratings; the word always carries the meaning, never the colour alone. */
export const RAG_LABELS: Record<Rag, string> = {
  planned: 'P – planned, not started',
  red: 'R – not on track',
  amber: 'A – in progress',
  green: 'G – completed',
};

/** One row of the learning action tracker. */
export const LearningActionSchema = z.strictObject({
  learningPoint: Text,
  actionRequired: Text,
  lead: Line,
  targetDate: OptionalDate,
  evidence: Text,
  rag: RagSchema,
});

/** A learning action tracker row. */
export type LearningAction = z.infer<typeof LearningActionSchema>;

/** The parts of Document 2 an agency completes (Section 2); the family composition comes from the people register. */
export const ScopingFormSchema = z.strictObject({
  /** Who completed the form, and their designation (Document 2, contact details). */
  completedBy: Line,
  designation: Line,
  /** Question 1: the agency's involvement with the child and family, key events in date order. */
  summaryOfInvolvement: Text,
  /** Question 3: brief analysis of individual and multi-agency practice. */
  briefAnalysis: Text,
  /** Question 4: concerns about how partners worked together to safeguard the child. */
  partnershipConcerns: Text,
  /** Question 5: learning identified and acted on. */
  learningActions: z.array(LearningActionSchema).max(MAX_LEARNING_ACTIONS),
  /** Question 6: other agencies the author knows were involved. */
  otherAgencies: Text,
  /** Question 7: anything else for the Rapid Review meeting. */
  furtherInformation: Text,
});

/** An agency's scoping form. */
export type ScopingForm = z.infer<typeof ScopingFormSchema>;

/** An empty form, as an agency first sees it. */
export function emptyScopingForm(): ScopingForm {
  return {
    completedBy: '',
    designation: '',
    summaryOfInvolvement: '',
    briefAnalysis: '',
    partnershipConcerns: '',
    learningActions: [],
    otherAgencies: '',
    furtherInformation: '',
  };
}

/** A blank learning action row. */
export function blankLearningAction(): LearningAction {
  return { learningPoint: '', actionRequired: '', lead: '', targetDate: null, evidence: '', rag: 'planned' };
}

/** The stored scoping of one agency in one review. */
export const AgencyScopingSchema = z.strictObject({
  id: IdSchema,
  reviewId: IdSchema,
  agencyId: IdSchema,
  status: ScopingStatusSchema,
  requestedOn: IsoDateSchema.nullable(),
  returnedOn: IsoDateSchema.nullable(),
  notKnownOn: IsoDateSchema.nullable(),
  form: ScopingFormSchema,
  version: VersionSchema,
  updatedAt: z.string(),
});

/** A stored agency scoping record. */
export type AgencyScoping = z.infer<typeof AgencyScopingSchema>;

/** The scoping of an agency that has none stored yet. */
export function blankScoping(reviewId: string, agencyId: string, id: string): AgencyScoping {
  return {
    id,
    reviewId,
    agencyId,
    status: 'not-requested',
    requestedOn: null,
    returnedOn: null,
    notKnownOn: null,
    form: emptyScopingForm(),
    version: 0,
    updatedAt: '',
  };
}

/** PUT .../scoping/:agencyId/form */
export const ScopingFormBodySchema = z.strictObject({ baseVersion: VersionSchema, form: ScopingFormSchema });

/** PUT .../scoping/:agencyId/status: the date defaults to today. */
export const ScopingStatusBodySchema = z.strictObject({
  baseVersion: VersionSchema,
  status: ScopingStatusSchema,
  date: UkOrIsoDateSchema.optional(),
});

/** The body of a scoping form save. */
export type ScopingFormBody = z.infer<typeof ScopingFormBodySchema>;
/** The body of a scoping status change. */
export type ScopingStatusBody = z.infer<typeof ScopingStatusBodySchema>;

/**
 * Applies a status change. Each status keeps its own date; "requested" reopens the agency (clearing a
 * return), and "not requested" clears every date. Pure: returns the new record without the version bump.
 */
export function withScopingStatus(s: AgencyScoping, status: ScopingStatus, on: string): AgencyScoping {
  switch (status) {
    case 'not-requested':
      return { ...s, status, requestedOn: null, returnedOn: null, notKnownOn: null };
    case 'requested':
      return { ...s, status, requestedOn: on, returnedOn: null, notKnownOn: null };
    case 'returned':
      return { ...s, status, returnedOn: on, notKnownOn: null };
    case 'not-known':
      return { ...s, status, notKnownOn: on, returnedOn: null };
  }
}

/** The date an agency answered (returned or not known), or null while it has not. */
export function answeredOn(s: Pick<AgencyScoping, 'status' | 'returnedOn' | 'notKnownOn'>): string | null {
  if (s.status === 'returned') return s.returnedOn;
  if (s.status === 'not-known') return s.notKnownOn;
  return null;
}

/** One agency's scoping beside its name, as the Rapid Review draws on it. */
export type ScopingWithAgency = { agency: { id: string; name: string; shortCode: string }; scoping: AgencyScoping };

/** What the returned scoping forms contribute to the Rapid Review record. */
export type ScopingDigest = {
  /** Agencies that returned a form, with its answers. */
  returned: { agencyName: string; returnedOn: string | null; form: ScopingForm }[];
  /** Agencies that confirmed the family was not known to them. */
  notKnown: { agencyName: string; on: string | null }[];
  /** Agencies still to answer. */
  outstanding: { agencyName: string; status: ScopingStatus }[];
  /** Suggested text for "Previous agency involvement": each returned summary under its agency. */
  involvementText: string;
  /** Suggested text for "Documentation available": each returned form, and each not-known confirmation. */
  documentationText: string;
};

/** Gathers the returned forms for the Rapid Review, agencies in name order. */
export function scopingDigest(items: readonly ScopingWithAgency[]): ScopingDigest {
  const sorted = [...items].sort((a, b) => a.agency.name.localeCompare(b.agency.name, 'en-GB'));
  const returned = sorted.filter((x) => x.scoping.status === 'returned').map((x) => ({ agencyName: x.agency.name, returnedOn: x.scoping.returnedOn, form: x.scoping.form }));
  const notKnown = sorted.filter((x) => x.scoping.status === 'not-known').map((x) => ({ agencyName: x.agency.name, on: x.scoping.notKnownOn }));
  const outstanding = sorted
    .filter((x) => x.scoping.status === 'not-requested' || x.scoping.status === 'requested')
    .map((x) => ({ agencyName: x.agency.name, status: x.scoping.status }));
  const day = (iso: string | null) => (iso ? ` (${formatUkDate(iso)})` : '');
  const involvementText = returned
    .filter((r) => r.form.summaryOfInvolvement.trim())
    .map((r) => `${r.agencyName}:\n${r.form.summaryOfInvolvement.trim()}`)
    .join('\n\n');
  const documentationText = [
    ...returned.map((r) => `Initial scoping and information sharing form: ${r.agencyName}${day(r.returnedOn)}`),
    ...notKnown.map((n) => `Confirmation that the family was not known: ${n.agencyName}${day(n.on)}`),
  ].join('\n');
  return { returned, notKnown, outstanding, involvementText, documentationText };
}
