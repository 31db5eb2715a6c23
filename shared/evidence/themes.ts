import { z } from 'zod';
import { IdSchema } from '../ids.js';
import { LabelSchema } from '../schemas/records.js';
import { SectionKeySchema } from './queries.js';
import { MAX_EVIDENCE_MESSAGE_CHARS, MAX_THEME_EVIDENCE } from './limits.js';

/**
 * The key themes for analysis (seed 002, §8.8): few, about "why", each linked to the evidence it
 * rests on. They become the workshop's proposed lessons and the report's analysis sections, so a
 * reader can follow evidence → theme → learning point → recommendation.
 */

/** One piece of evidence a theme rests on. */
export const EvidenceLinkSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('chronology-row'), agencyId: IdSchema, entryId: IdSchema }),
  z.strictObject({ kind: z.literal('template-analysis'), agencyId: IdSchema, section: SectionKeySchema }),
  z.strictObject({ kind: z.literal('report-section'), agencyId: IdSchema, section: SectionKeySchema }),
  z.strictObject({ kind: z.literal('query-answer'), queryId: IdSchema, messageId: IdSchema }),
]);

/** One piece of evidence a theme rests on. */
export type EvidenceLink = z.infer<typeof EvidenceLinkSchema>;

/** Words for each kind of link. */
export const EVIDENCE_LINK_LABELS: Record<EvidenceLink['kind'], string> = {
  'chronology-row': 'Chronology row',
  'template-analysis': 'Learning template analysis',
  'report-section': 'Information report section',
  'query-answer': 'Answer to a review-team query',
};

/** A stable key for a link, to spot duplicates. */
export function evidenceLinkKey(l: EvidenceLink): string {
  switch (l.kind) {
    case 'chronology-row':
      return `row:${l.agencyId}:${l.entryId}`;
    case 'template-analysis':
      return `template:${l.agencyId}:${l.section}`;
    case 'report-section':
      return `report:${l.agencyId}:${l.section}`;
    case 'query-answer':
      return `answer:${l.queryId}:${l.messageId}`;
  }
}

/** What a theme says: a short title ("Making space and time for children") and why it matters. */
export const KeyThemeContentSchema = z.strictObject({
  title: LabelSchema,
  summary: z.string().trim().max(MAX_EVIDENCE_MESSAGE_CHARS),
  evidence: z
    .array(EvidenceLinkSchema)
    .max(MAX_THEME_EVIDENCE)
    .refine((ls) => new Set(ls.map(evidenceLinkKey)).size === ls.length, 'lists the same evidence twice'),
});

/** What a theme says. */
export type KeyThemeContent = z.infer<typeof KeyThemeContentSchema>;

/** A stored key theme. */
export const KeyThemeSchema = KeyThemeContentSchema.extend({
  id: IdSchema,
  reviewId: IdSchema,
  /** Position among the review's themes, from 0. */
  order: z.int().min(0),
  version: z.int().min(1),
  createdAt: z.string(),
  updatedAt: z.string(),
  updatedBy: IdSchema,
});

/** A stored key theme. */
export type KeyTheme = z.infer<typeof KeyThemeSchema>;

/** POST .../evidence/themes: a new theme. PUT .../themes/:themeId adds `baseVersion`. */
export const KeyThemeBodySchema = KeyThemeContentSchema;

/** PUT .../evidence/themes/:themeId: the edited theme and the version it was edited from. */
export const KeyThemeUpdateBodySchema = KeyThemeContentSchema.extend({ baseVersion: z.int().min(1) });
