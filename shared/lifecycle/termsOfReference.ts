import { z } from 'zod';
import { IdSchema } from '../ids.js';
import { UkOrIsoDateSchema } from '../dates.js';
import { Line, OptionalDate, RequiredLine, Text, VersionSchema } from './fields.js';
import { KloeSchema } from './rapidReviewRecord.js';
import { MAX_KEY_DATES, MAX_KLOES, MAX_TEAM_MEMBERS } from './limits.js';

/**
 * The terms of reference of a Local Child Safeguarding Practice Review (seed 002, Document 7). The
 * time period is not stored here: it is the review's own period (Review.periodStart/periodEnd), which
 * the terms of reference edit, so the chronology, the report and this document always agree.
 */

/** A member of the review team and what they are responsible for. */
export const TeamMemberSchema = z.strictObject({ name: RequiredLine, organisation: Line, responsibilities: Text });

/** A key date of the review's timeline (section 6 of Document 7). */
export const KeyDateSchema = z.strictObject({ date: OptionalDate, milestone: RequiredLine });

/** The content of the terms of reference, by section of Document 7. */
export const TermsOfReferenceContentSchema = z.strictObject({
  childReference: Line,
  date: OptionalDate,
  /** Section 2: case summary. */
  incidentSummary: Text,
  familyInformation: Text,
  /** Section 3: review team. */
  leadReviewerName: Line,
  teamMembers: z.array(TeamMemberSchema).max(MAX_TEAM_MEMBERS),
  /** Section 4: scope. */
  periodRationale: Text,
  keyLinesOfEnquiry: z.array(KloeSchema).max(MAX_KLOES),
  /** Section 5: plans to involve the child and family. */
  familyInvolvement: Text,
  /** Section 6: methodology. */
  chronologies: Text,
  learningTemplate: Text,
  workshop: Text,
  /** Section 7: legal considerations. */
  parallelInvestigations: Text,
  legalAdvice: Text,
  /** Section 8: other considerations (race, culture, language, religion). */
  otherConsiderations: Text,
  /** Section 9: timeline and key dates. */
  keyDates: z.array(KeyDateSchema).max(MAX_KEY_DATES),
});

/** The content of the terms of reference. */
export type TermsOfReferenceContent = z.infer<typeof TermsOfReferenceContentSchema>;

/** Empty terms of reference. */
export function emptyTermsOfReference(): TermsOfReferenceContent {
  return {
    childReference: '',
    date: null,
    incidentSummary: '',
    familyInformation: '',
    leadReviewerName: '',
    teamMembers: [],
    periodRationale: '',
    keyLinesOfEnquiry: [],
    familyInvolvement: '',
    chronologies: '',
    learningTemplate: '',
    workshop: '',
    parallelInvestigations: '',
    legalAdvice: '',
    otherConsiderations: '',
    keyDates: [],
  };
}

/** The stored terms of reference: one per review, keyed by the review's id. */
export const TermsOfReferenceRecordSchema = z.strictObject({
  id: IdSchema,
  reviewId: IdSchema,
  content: TermsOfReferenceContentSchema,
  version: VersionSchema,
  updatedAt: z.string(),
  updatedBy: IdSchema,
});

/** A stored terms of reference record. */
export type TermsOfReferenceRecord = z.infer<typeof TermsOfReferenceRecordSchema>;

/** PUT .../lifecycle/terms-of-reference: the content, the review's period, and the version edited from. */
export const TermsOfReferenceBodySchema = z
  .strictObject({
    baseVersion: VersionSchema,
    content: TermsOfReferenceContentSchema,
    periodStart: UkOrIsoDateSchema.nullable(),
    periodEnd: UkOrIsoDateSchema.nullable(),
  })
  .refine((b) => !b.periodStart || !b.periodEnd || b.periodStart <= b.periodEnd, {
    message: 'the period must start before it ends',
    path: ['periodEnd'],
  });

/** The body of a terms of reference save. */
export type TermsOfReferenceBody = z.infer<typeof TermsOfReferenceBodySchema>;

/**
 * What other features read from the terms of reference: the key lines of enquiry (blank ones
 * dropped) and the time period under review. This is the shape the report export expects
 * (server/commands/reportExporter.ts TermsOfReferenceSource). Null when neither has been set, so a
 * reader can fall back to its own defaults.
 */
export type TermsOfReferenceSummary = { keyLinesOfEnquiry: string[]; periodStart: string | null; periodEnd: string | null };

/** Summarises the terms of reference and the review's period for other features; pure. */
export function termsOfReferenceSummary(
  review: { periodStart: string | null; periodEnd: string | null },
  terms: Pick<TermsOfReferenceContent, 'keyLinesOfEnquiry'> | null,
): TermsOfReferenceSummary | null {
  const keyLinesOfEnquiry = (terms?.keyLinesOfEnquiry ?? []).map((k) => k.trim()).filter(Boolean);
  if (keyLinesOfEnquiry.length === 0 && !review.periodStart && !review.periodEnd) return null;
  return { keyLinesOfEnquiry, periodStart: review.periodStart, periodEnd: review.periodEnd };
}
