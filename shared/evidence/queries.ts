import { z } from 'zod';
import { IdSchema } from '../ids.js';
import { LabelSchema } from '../schemas/records.js';
import type { EvidenceKind } from './kinds.js';
import { MAX_EVIDENCE_MESSAGE_CHARS, MAX_QUERY_MESSAGES } from './limits.js';

/**
 * Query threads: the review team's questions to an agency about one piece of its evidence (§8.7),
 * and the agency's answers. They are staff working notes: no published output, pseudonymised or
 * not, ever reads them (the report and exports never import this module's records).
 */

/** A section key of a learning template or information report (see templateDoc.ts / reportDoc.ts). */
export const SectionKeySchema = z.string().regex(/^[a-z0-9-]{1,40}$/, 'must be a section key');

/** What a query is about. */
export const QueryTargetSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('chronology-row'), entryId: IdSchema }),
  z.strictObject({ kind: z.literal('org-change'), changeId: IdSchema }),
  z.strictObject({ kind: z.literal('template-section'), section: SectionKeySchema }),
  z.strictObject({ kind: z.literal('report-section'), section: SectionKeySchema }),
]);

/** What a query is about. */
export type QueryTarget = z.infer<typeof QueryTargetSchema>;

/** The piece of evidence a query target belongs to, so open queries can block its acceptance. */
export const QUERY_TARGET_EVIDENCE: Record<QueryTarget['kind'], EvidenceKind> = {
  'chronology-row': 'key-events-chronology',
  'org-change': 'org-changes-chronology',
  'template-section': 'learning-template',
  'report-section': 'information-report',
};

/** A stable key for a target, for counting queries per row or section. */
export function queryTargetKey(t: QueryTarget): string {
  switch (t.kind) {
    case 'chronology-row':
      return `row:${t.entryId}`;
    case 'org-change':
      return `change:${t.changeId}`;
    case 'template-section':
      return `template:${t.section}`;
    case 'report-section':
      return `report:${t.section}`;
  }
}

/** Open: waiting for the agency. Answered: waiting for the review team. Resolved: settled. */
export const QueryStatusSchema = z.enum(['open', 'answered', 'resolved']);

/** A query's status. */
export type QueryStatus = z.infer<typeof QueryStatusSchema>;

/** Status words for badges. */
export const QUERY_STATUS_LABELS: Record<QueryStatus, string> = {
  open: 'Waiting for the agency',
  answered: 'Answered, waiting for the review team',
  resolved: 'Resolved',
};

/** The text of one message. */
export const QueryTextSchema = z.string().trim().min(1, 'is required').max(MAX_EVIDENCE_MESSAGE_CHARS);

/** One message: a question from the review team or an answer from the agency. */
export const QueryMessageSchema = z.strictObject({
  id: IdSchema,
  kind: z.enum(['question', 'answer']),
  by: IdSchema,
  byName: LabelSchema,
  at: z.string(),
  text: QueryTextSchema,
});

/** One message of a thread. */
export type QueryMessage = z.infer<typeof QueryMessageSchema>;

/** A stored query thread. */
export const EvidenceQuerySchema = z.strictObject({
  id: IdSchema,
  reviewId: IdSchema,
  agencyId: IdSchema,
  target: QueryTargetSchema,
  status: QueryStatusSchema,
  messages: z.array(QueryMessageSchema).min(1).max(MAX_QUERY_MESSAGES),
  createdAt: z.string(),
  createdBy: IdSchema,
  resolvedAt: z.string().nullable(),
  resolvedBy: IdSchema.nullable(),
  version: z.int().min(1),
});

/** A stored query thread. */
export type EvidenceQuery = z.infer<typeof EvidenceQuerySchema>;

/** POST .../evidence/queries: open a thread on one agency's evidence. */
export const AskQueryBodySchema = z.strictObject({ agencyId: IdSchema, target: QueryTargetSchema, text: QueryTextSchema });

/** POST .../evidence/queries/:queryId/messages: a follow-up question (review team) or an answer (agency). */
export const QueryMessageBodySchema = z.strictObject({ text: QueryTextSchema });

/** PUT .../evidence/queries/:queryId/resolution: resolve a thread, or reopen it. */
export const QueryResolutionBodySchema = z.strictObject({ resolved: z.boolean() });

/** True until someone resolves the thread; such threads block "accepted". */
export function isQueryOpen(q: Pick<EvidenceQuery, 'status'>): boolean {
  return q.status !== 'resolved';
}

/** The number of unresolved threads on one agency's evidence of one kind. */
export function openQueryCount(queries: readonly EvidenceQuery[], agencyId: string, kind: EvidenceKind): number {
  return queries.filter((q) => q.agencyId === agencyId && QUERY_TARGET_EVIDENCE[q.target.kind] === kind && isQueryOpen(q)).length;
}

/** The status after a new message: a question reopens the thread for the agency, an answer hands it back. */
export function statusAfterMessage(kind: QueryMessage['kind']): QueryStatus {
  return kind === 'question' ? 'open' : 'answered';
}

/** Badge counts per target key: unresolved threads and how many are waiting for the agency. */
export function queryBadges(queries: readonly EvidenceQuery[]): Record<string, { unresolved: number; waitingForAgency: number }> {
  const out: Record<string, { unresolved: number; waitingForAgency: number }> = {};
  for (const q of queries) {
    if (!isQueryOpen(q)) continue;
    const k = queryTargetKey(q.target);
    const b = out[k] ?? { unresolved: 0, waitingForAgency: 0 };
    out[k] = b;
    b.unresolved++;
    if (q.status === 'open') b.waitingForAgency++;
  }
  return out;
}
