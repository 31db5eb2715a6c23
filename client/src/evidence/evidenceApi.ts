import { z } from 'zod';
import { EvidenceActionSchema, EvidenceQuerySchema, EvidenceRequestSchema, KeyThemeSchema } from '../../../shared/evidence/index.js';
import { RoleSchema } from '../../../shared/roles.js';

/** The response shapes of the evidence API (docs/api.md, "Evidence"), validated before a page renders them. */

const DeadlineSchema = z.object({ status: z.enum(['done', 'overdue', 'due', 'upcoming']), workingDaysLeft: z.number().nullable(), phrase: z.string() });

/** A request as the caller sees it: the record, where it stands today, and the buttons they may press. */
export const RequestViewSchema = EvidenceRequestSchema.extend({ openQueries: z.number(), deadline: DeadlineSchema, actions: z.array(EvidenceActionSchema) });

/** A request as the caller sees it. */
export type RequestView = z.infer<typeof RequestViewSchema>;

const WorkItemSchema = z.union([
  z.object({ kind: z.literal('request'), requestId: z.string(), agencyId: z.string(), dueOn: z.string(), returned: z.boolean() }),
  z.object({ kind: z.literal('endorsement'), requestId: z.string(), agencyId: z.string(), dueOn: z.string() }),
  z.object({ kind: z.literal('query'), queryId: z.string(), agencyId: z.string(), askedAt: z.string() }),
]);

/** GET /api/reviews/:id/evidence */
export const EvidenceOverviewSchema = z.object({
  today: z.string(),
  me: z.object({ role: RoleSchema, agencyId: z.string().nullable(), seniorLead: z.object({ designation: z.string() }).nullable(), mayAppointSeniorLead: z.boolean() }),
  scope: z.object({ keyLinesOfEnquiry: z.array(z.string()), periodStart: z.string().nullable(), periodEnd: z.string().nullable() }),
  agencies: z.array(z.object({ id: z.string(), name: z.string(), shortCode: z.string(), colour: z.string() })),
  authors: z.array(z.object({ membershipId: z.string(), agencyId: z.string(), name: z.string(), seniorLead: z.object({ designation: z.string() }).nullable() })),
  requests: z.array(RequestViewSchema),
  milestones: z.array(z.object({ requestId: z.string(), label: z.string(), due: z.string(), status: DeadlineSchema.shape.status, workingDaysLeft: z.number().nullable() })),
  waiting: z.array(WorkItemSchema),
});

/** The evidence overview. */
export type EvidenceOverview = z.infer<typeof EvidenceOverviewSchema>;

/** GET /api/reviews/:id/evidence/queries */
export const QueriesSchema = z.object({
  queries: z.array(EvidenceQuerySchema),
  badges: z.record(z.string(), z.object({ unresolved: z.number(), waitingForAgency: z.number() })),
});

/** GET /api/reviews/:id/evidence/themes */
export const ThemesSchema = z.object({ themes: z.array(KeyThemeSchema) });

/** Paths of the evidence API. */
export const evidencePaths = {
  overview: (reviewId: string) => `/api/reviews/${encodeURIComponent(reviewId)}/evidence`,
  requests: (reviewId: string) => `/api/reviews/${encodeURIComponent(reviewId)}/evidence/requests`,
  action: (reviewId: string, requestId: string) => `/api/reviews/${encodeURIComponent(reviewId)}/evidence/requests/${encodeURIComponent(requestId)}/actions`,
  seniorLead: (reviewId: string, membershipId: string) => `/api/reviews/${encodeURIComponent(reviewId)}/evidence/senior-leads/${encodeURIComponent(membershipId)}`,
  queries: (reviewId: string) => `/api/reviews/${encodeURIComponent(reviewId)}/evidence/queries`,
  messages: (reviewId: string, queryId: string) => `/api/reviews/${encodeURIComponent(reviewId)}/evidence/queries/${encodeURIComponent(queryId)}/messages`,
  resolution: (reviewId: string, queryId: string) => `/api/reviews/${encodeURIComponent(reviewId)}/evidence/queries/${encodeURIComponent(queryId)}/resolution`,
  themes: (reviewId: string) => `/api/reviews/${encodeURIComponent(reviewId)}/evidence/themes`,
  theme: (reviewId: string, themeId: string) => `/api/reviews/${encodeURIComponent(reviewId)}/evidence/themes/${encodeURIComponent(themeId)}`,
  exportFile: (reviewId: string, file: string) => `/api/reviews/${encodeURIComponent(reviewId)}/evidence/exports/${file}`,
};
