import { z } from 'zod';
import { IdSchema } from '../ids.js';
import { Line, OptionalDate, RequiredLine, Text, VersionSchema } from './fields.js';
import { MAX_KLOES, MAX_KLOE_CHARS, MAX_OBSERVERS, MAX_OMISSIONS, MAX_PARTICIPANTS } from './limits.js';

/**
 * The Rapid Review record, following the regional toolkit's Rapid Review template (seed 002,
 * Document 4; Lewisham's version in seed 003). It is completed before and during the meeting, agreed
 * by the participants, and sent to the National Panel with a covering letter (Document 5). The family
 * table is not stored here: it is drawn from the people register whenever the record is shown or
 * exported, so there is one list of the family.
 */

/** The criteria of section 2.2 (Working Together 2023, chapter 4), in the template's order. */
export const CRITERIA = [
  'improvements-needed',
  'recurrent-themes',
  'working-together',
  'panel-suggests-local',
  'single-agency-concern',
  'no-agency-involvement',
  'cross-boundary',
  'institutional-setting',
  'none-of-the-above',
] as const;

/** A section 2.2 criterion. */
export const CriterionSchema = z.enum(CRITERIA);

/** A section 2.2 criterion. */
export type Criterion = z.infer<typeof CriterionSchema>;

/** The wording of each criterion, as in the template. */
export const CRITERION_LABELS: Record<Criterion, string> = {
  'improvements-needed':
    'Highlights or may highlight improvements needed to safeguard and promote the welfare of children, including where those improvements have been previously identified',
  'recurrent-themes': 'Highlights or may highlight recurrent themes in the safeguarding and promotion of the welfare of children',
  'working-together':
    'Highlights or may highlight concerns regarding two or more organisations or agencies working together effectively to safeguard and promote the welfare of children',
  'panel-suggests-local': 'Is one which the Child Safeguarding Practice Review Panel have considered and concluded a local review may be more appropriate',
  'single-agency-concern': 'Safeguarding partners have cause for concern about the actions of a single agency',
  'no-agency-involvement': 'There has been no agency involvement and this gives the safeguarding partners cause for concern',
  'cross-boundary': 'More than one local authority, police area or Integrated Care Board is involved, including in cases where families have moved around',
  'institutional-setting': 'The case may raise issues relating to safeguarding or promoting the welfare of children in institutional settings',
  'none-of-the-above': 'None of the above',
};

/** The recommendations of section 3, a to e. */
export const RecommendationSchema = z.enum(['a', 'b', 'c', 'd', 'e']);

/** A section 3 recommendation. */
export type Recommendation = z.infer<typeof RecommendationSchema>;

/** The wording of each recommendation, as in the template. */
export const RECOMMENDATION_LABELS: Record<Recommendation, string> = {
  a: 'Meets the criteria for a national Child Safeguarding Practice Review',
  b: 'Meets the criteria for a Local Child Safeguarding Practice Review',
  c: 'Does not meet the criteria but warrants a Local Child Safeguarding Practice Review',
  d: 'Warrants consideration of DHR, SAR, MAPPA or other',
  e: 'The Rapid Review has identified learning that has been acted upon, obviating the need for further review',
};

/** The discussion prompts of section 2.3, in the template's order. */
export const DISCUSSION_FIELDS = [
  'timePeriod',
  'previousInvolvement',
  'livedExperience',
  'discussion',
  'policeUpdate',
  'longTermImpact',
  'keyThemes',
  'nationalReviews',
  'goodPractice',
  'conclusion',
  'immediateLearning',
  'legalAdvice',
] as const;

/** A section 2.3 discussion field. */
export type DiscussionField = (typeof DISCUSSION_FIELDS)[number];

/** The heading of each discussion field, as in the template. */
export const DISCUSSION_LABELS: Record<DiscussionField, string> = {
  timePeriod: 'Time period',
  previousInvolvement: 'Previous agency involvement with significant family members',
  livedExperience: "What was the child's lived experience",
  discussion: 'Rapid Review discussion',
  policeUpdate: 'Update from police',
  longTermImpact: 'Long term impact of injuries sustained',
  keyThemes: 'Exploration of key themes and contextual factors',
  nationalReviews: 'Relevant national reviews that can be referenced and used to support local learning',
  goodPractice: 'Good practice identified',
  conclusion: 'Rapid Review conclusion',
  immediateLearning: 'Immediate learning: single or multi-agency, and how it will be shared and implemented',
  legalAdvice: 'Has legal advice been sought? If yes, details',
};

/** Someone at the meeting; their agency's partner type decides the quorum. */
export const ParticipantSchema = z.strictObject({ name: RequiredLine, role: Line, agencyId: IdSchema });

/** Someone observing the meeting, who is not counted towards the quorum. */
export const ObserverSchema = z.strictObject({ name: RequiredLine, role: Line, organisation: Line });

/** An agency whose involvement would normally be expected but which was not there, and why. */
export const OmissionSchema = z.strictObject({ agency: RequiredLine, reason: Text });

/** A proposed or agreed key line of enquiry. */
export const KloeSchema = z.string().trim().min(1, 'is required').max(MAX_KLOE_CHARS);

const discussionShape = Object.fromEntries(DISCUSSION_FIELDS.map((k) => [k, Text])) as Record<DiscussionField, typeof Text>;

/** The record's content. Everything may be empty while it is being drafted. */
export const RapidReviewContentSchema = z.strictObject({
  background: z.strictObject({
    /** Date of death or serious incident. */
    incidentDate: OptionalDate,
    ofstedNotifiedDate: OptionalDate,
    meetingDate: OptionalDate,
    /** Other key details about the child (disability, looked after, faith). */
    otherKeyDetails: Text,
  }),
  participants: z.array(ParticipantSchema).max(MAX_PARTICIPANTS),
  observers: z.array(ObserverSchema).max(MAX_OBSERVERS),
  omissions: z.array(OmissionSchema).max(MAX_OMISSIONS),
  caseSummary: Text,
  documentationAvailable: Text,
  immediateAction: z.strictObject({
    /** Has all appropriate immediate action been taken? Null until answered. */
    allTaken: z.enum(['yes', 'no']).nullable(),
    details: Text,
  }),
  criteria: z
    .array(CriterionSchema)
    .max(CRITERIA.length)
    .refine((c) => new Set(c).size === c.length, 'lists a criterion twice')
    .refine((c) => !c.includes('none-of-the-above') || c.length === 1, '"None of the above" cannot be ticked with another criterion'),
  discussion: z.strictObject(discussionShape),
  recommendation: RecommendationSchema.nullable(),
  /** For recommendation d: which review (DHR, SAR, MAPPA or other). */
  otherReviewType: Line,
  proposedKloes: z.array(KloeSchema).max(MAX_KLOES),
  reasons: Text,
  signOff: z.strictObject({
    /** How the three safeguarding partners ratified the Rapid Review. */
    ratification: Text,
    /** Who takes executive responsibility for each safeguarding partner. */
    localAuthorityLead: Line,
    policeLead: Line,
    icbLead: Line,
    /** An independent chair or scrutineer who endorsed the record, if any. */
    endorsedBy: Line,
    dateSubmitted: OptionalDate,
  }),
  /** The covering letter to the National Panel (Document 5). */
  panelLetter: z.strictObject({
    letterDate: OptionalDate,
    panelChairName: Line,
    caseReference: Line,
    contactDetails: Text,
    signatoryName: Line,
    signatoryTitle: Line,
  }),
});

/** The content of a Rapid Review record. */
export type RapidReviewContent = z.infer<typeof RapidReviewContentSchema>;

/** A participant. */
export type Participant = z.infer<typeof ParticipantSchema>;

/** An empty record, as a new Rapid Review starts. */
export function emptyRapidReview(): RapidReviewContent {
  return {
    background: { incidentDate: null, ofstedNotifiedDate: null, meetingDate: null, otherKeyDetails: '' },
    participants: [],
    observers: [],
    omissions: [],
    caseSummary: '',
    documentationAvailable: '',
    immediateAction: { allTaken: null, details: '' },
    criteria: [],
    discussion: Object.fromEntries(DISCUSSION_FIELDS.map((k) => [k, ''])) as Record<DiscussionField, string>,
    recommendation: null,
    otherReviewType: '',
    proposedKloes: [],
    reasons: '',
    signOff: { ratification: '', localAuthorityLead: '', policeLead: '', icbLead: '', endorsedBy: '', dateSubmitted: null },
    panelLetter: { letterDate: null, panelChairName: '', caseReference: '', contactDetails: '', signatoryName: '', signatoryTitle: '' },
  };
}

/** The stored record: one per review, keyed by the review's id. */
export const RapidReviewRecordSchema = z.strictObject({
  id: IdSchema,
  reviewId: IdSchema,
  content: RapidReviewContentSchema,
  version: VersionSchema,
  updatedAt: z.string(),
  updatedBy: IdSchema,
});

/** A stored Rapid Review record. */
export type RapidReviewRecord = z.infer<typeof RapidReviewRecordSchema>;

/** PUT .../lifecycle/rapid-review: the whole content, and the version it was edited from. */
export const RapidReviewBodySchema = z.strictObject({ baseVersion: VersionSchema, content: RapidReviewContentSchema });

/** The body of a Rapid Review record save. */
export type RapidReviewBody = z.infer<typeof RapidReviewBodySchema>;
