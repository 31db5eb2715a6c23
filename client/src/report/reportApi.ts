import { z } from 'zod';
import { ChronologyDateSchema } from '../../../shared/chronology/chronologyDate.js';
import { ReportDraftSchema } from '../../../shared/report/draft.js';

/** The API paths the report tab uses. */
export const reportPaths = {
  draft: (reviewId: string) => `/api/reviews/${encodeURIComponent(reviewId)}/report/draft`,
  preview: (reviewId: string) => `/api/reviews/${encodeURIComponent(reviewId)}/report/preview`,
  export: (reviewId: string, format: 'docx' | 'md') => `/api/reviews/${encodeURIComponent(reviewId)}/export/report.${format}`,
  chronology: (reviewId: string) => `/api/reviews/${encodeURIComponent(reviewId)}/chronology`,
  workshops: (reviewId: string) => `/api/reviews/${encodeURIComponent(reviewId)}/workshops`,
};

/** GET and PUT /api/reviews/:id/report/draft */
export const DraftResponseSchema = z.object({ draft: ReportDraftSchema });

const Text = z.string();

/** One block of the assembled report (shared/report/model.ts ReportBlock), as the preview reads it. */
export const ReportBlockSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('title-page'), title: Text, childPseudonym: Text, partnership: Text, leadReviewers: z.array(Text), date: Text, marking: Text }),
  z.object({ kind: z.literal('contents') }),
  z.object({ kind: z.literal('heading'), level: z.union([z.literal(1), z.literal(2), z.literal(3)]), text: Text }),
  z.object({ kind: z.literal('paragraph'), text: Text }),
  z.object({ kind: z.literal('prompt'), id: Text, text: Text }),
  z.object({ kind: z.literal('placeholder'), text: Text }),
  z.object({ kind: z.literal('bullets'), items: z.array(Text) }),
  z.object({ kind: z.literal('quote'), text: Text }),
  z.object({ kind: z.literal('learning-point'), number: z.number(), text: Text }),
  z.object({ kind: z.literal('table'), header: z.array(Text), rows: z.array(z.array(Text)) }),
  z.object({ kind: z.literal('page-break') }),
]);

/** A block of the report preview. */
export type PreviewBlock = z.infer<typeof ReportBlockSchema>;

/** GET /api/reviews/:id/report/preview: the same model the Word file is rendered from, and its Markdown. */
export const PreviewResponseSchema = z.object({
  markdown: z.string(),
  model: z.object({ title: Text, marking: Text, blocks: z.array(ReportBlockSchema) }),
});

/** The report model the preview shows. */
export type PreviewModel = z.infer<typeof PreviewResponseSchema>['model'];

/** The parts of GET /api/reviews/:id/chronology the builder reads: each row's date, agency, event and key-learning mark. */
export const ChronologyRowsSchema = z.object({
  rows: z.array(
    z.object({
      id: z.string(),
      date: ChronologyDateSchema,
      agencyCode: z.string(),
      keyEvent: z.string(),
      team: z.object({ keyLearning: z.boolean() }),
    }),
  ),
});

/** A chronology row as the theme editor lists it. */
export type ChronologyRowView = z.infer<typeof ChronologyRowsSchema>['rows'][number];

/**
 * GET /api/reviews/:id/workshops. Set-ups and outcomes are read as they come and checked one by one
 * (themeSources.ts, workshopLearningPoints.ts), so one this page cannot read does not hide the rest of the builder.
 */
export const WorkshopListSchema = z.object({ workshops: z.array(z.object({ id: z.string(), setup: z.unknown(), outcome: z.unknown().optional() })) });
