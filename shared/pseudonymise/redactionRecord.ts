import { z } from 'zod';
import { RedactionActionSchema, MAX_REPLACEMENT_CHARS } from './findings.js';
import type { Role } from '../roles.js';

/** Most decisions one review keeps; a review's text rarely has more than a few hundred distinct findings. */
export const MAX_STORED_DECISIONS = 10_000;

/** Most phrases on one review's allowlist. */
export const MAX_ALLOWLIST_ENTRIES = 1_000;

/** Longest allowlisted phrase. */
export const MAX_ALLOWLIST_CHARS = 200;

/** One stored decision: who decided, when, and on what text (kept so "not identifying" can be audited and undone). */
export const StoredRedactionDecisionSchema = z.object({
  id: z.string().max(64),
  action: RedactionActionSchema,
  replacement: z.string().max(MAX_REPLACEMENT_CHARS).optional(),
  /** For "not identifying": the allowlisted text, so changing the decision later takes it off the list. */
  text: z.string().max(MAX_ALLOWLIST_CHARS).optional(),
  decidedBy: z.string().max(64),
  decidedAt: z.string().max(40),
});

/**
 * A review's redaction decisions and allowlist, one record per review (id = review id). Later exports
 * of any output reuse them, so the reviewer decides each finding once.
 */
export const RedactionReviewRecordSchema = z.object({
  id: z.string().min(1).max(64),
  reviewId: z.string().min(1).max(64),
  decisions: z.array(StoredRedactionDecisionSchema).max(MAX_STORED_DECISIONS),
  allowlist: z.array(z.string().min(1).max(MAX_ALLOWLIST_CHARS)).max(MAX_ALLOWLIST_ENTRIES),
});

/** A review's stored redaction decisions and allowlist. */
export type RedactionReviewRecord = z.infer<typeof RedactionReviewRecordSchema>;

/** The empty record for a review with no decisions yet. */
export function emptyRedactionRecord(reviewId: string): RedactionReviewRecord {
  return { id: reviewId, reviewId, decisions: [], allowlist: [] };
}

/** Whether a review role may see and decide the redaction review: the lead reviewer only, who answers for what is published. */
export function canReviewRedactions(role: Role): boolean {
  return role === 'lead-reviewer';
}
