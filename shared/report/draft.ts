import { z } from 'zod';
import { safeString } from '../text.js';
import { MAX_LABEL_CHARS, MAX_TEXT_CHARS } from '../limits.js';

const Slug = z.string().regex(/^[a-z0-9-]{1,40}$/);
const Text = safeString().max(MAX_TEXT_CHARS);

/** The parts of the report the lead reviewer writes; everything else is drawn from the review. */
export const ReportDraftSchema = z.strictObject({
  executiveSummary: Text,
  introduction: Text,
  /** The child's lived experience, drawing on the workshop's notes. */
  aboutTheChild: Text,
  /** Key lines of enquiry when the terms of reference do not give them. */
  keyLinesOfEnquiry: z.array(safeString().trim().min(1).max(1000)).max(20),
  familyInvolved: z.boolean().nullable(),
  familyInvolvementStatement: Text,
  workshopParticipants: z.number().int().min(0).max(500).nullable(),
  themes: z
    .array(
      z.strictObject({
        id: Slug,
        title: safeString().trim().min(1).max(MAX_LABEL_CHARS),
        analysis: Text,
        /** Chronology entries discussed under this theme. */
        entryIds: z.array(z.string().max(40)).max(200),
        /** Workshop prompts whose released responses are quoted as practitioners' reflections. */
        promptIds: z.array(z.string().max(60)).max(50),
        /** The key theme for analysis this section grew from (shared/evidence/themes.ts), tracing it to its evidence. */
        keyThemeId: z
          .string()
          .regex(/^[A-Za-z0-9_-]{16,24}$/)
          .nullable()
          .optional(),
      }),
    )
    .max(20),
  goodPractice: Text,
  learningPoints: z.array(z.strictObject({ id: Slug, text: safeString().trim().min(1).max(MAX_TEXT_CHARS), themeId: Slug.nullable() })).max(40),
  recommendations: z
    .array(
      z.strictObject({
        id: Slug,
        text: safeString().trim().min(1).max(MAX_TEXT_CHARS),
        organisation: safeString().trim().max(MAX_LABEL_CHARS),
        measure: safeString().max(MAX_TEXT_CHARS),
        learningPointIds: z.array(Slug).max(40),
      }),
    )
    .max(30),
  actionPlan: z
    .array(
      z.strictObject({
        recommendationId: Slug,
        actions: Text,
        responsible: safeString().max(MAX_LABEL_CHARS),
        timescale: safeString().max(MAX_LABEL_CHARS),
        actionsTaken: Text,
        progress: Text,
        rag: z.enum(['red', 'amber', 'green', 'not-started']),
        evidence: Text,
      }),
    )
    .max(100),
  /** Guidance prompts the lead reviewer has removed. */
  removedPrompts: z.array(Slug).max(50),
});

/** The lead reviewer's part of the report. */
export type ReportDraft = z.infer<typeof ReportDraftSchema>;

/** An empty draft: every section shows its guidance prompt until the lead reviewer writes it. */
export function emptyDraft(): ReportDraft {
  return {
    executiveSummary: '',
    introduction: '',
    aboutTheChild: '',
    keyLinesOfEnquiry: [],
    familyInvolved: null,
    familyInvolvementStatement: '',
    workshopParticipants: null,
    themes: [],
    goodPractice: '',
    learningPoints: [],
    recommendations: [],
    actionPlan: [],
    removedPrompts: [],
  };
}
