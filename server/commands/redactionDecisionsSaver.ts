import {
  emptyRedactionRecord,
  foldKey,
  MAX_ALLOWLIST_CHARS,
  MAX_ALLOWLIST_ENTRIES,
  MAX_STORED_DECISIONS,
  type RedactionDecision,
  type RedactionReviewRecord,
} from '../../shared/pseudonymise/index.js';
import type { AuditLog } from '../audit/AuditLog.js';
import { HttpError } from '../http/errors.js';
import type { RecordStore } from '../storage/types.js';
import type { SyncServer } from '../sync/SyncServer.js';
import type { ResponseStore } from '../workshop/ResponseStore.js';
import { reviewRedactions } from './redactionReviewer.js';
import type { TermsOfReferenceSource } from './reportExporter.js';

type Deps = { records: RecordStore; sync: SyncServer; responses: ResponseStore; audit: AuditLog };

/**
 * Stores the lead reviewer's decisions on findings of any output. Each id must be a finding the
 * review currently shows or one decided before; "not identifying" puts the text on the review's
 * allowlist (and a later different decision takes it off). Every decision is audited by id and action.
 */
export async function saveRedactionDecisions(
  deps: Deps,
  input: { reviewId: string; actorId: string; decisions: readonly RedactionDecision[]; termsOfReference: TermsOfReferenceSource; now?: Date },
): Promise<RedactionReviewRecord> {
  const textOf = new Map<string, string>();
  for (const output of ['report', 'chronology', 'workshop'] as const) {
    const review = await reviewRedactions(deps, { reviewId: input.reviewId, output, termsOfReference: input.termsOfReference });
    for (const item of [...review.replacements, ...review.flags]) textOf.set(item.id, item.text);
  }
  // Decided as stored at write time, so two saves never undo each other; the audit events commit with it.
  return deps.records.transaction(async (tx) => {
    const record = (await tx.get('redactionReviews', input.reviewId)) ?? emptyRedactionRecord(input.reviewId);
    const stored = new Map(record.decisions.map((d) => [d.id, d]));
    const unknown = input.decisions.filter((d) => !textOf.has(d.id) && !stored.has(d.id));
    if (unknown.length > 0)
      throw new HttpError(
        400,
        'unknown-finding',
        `${unknown.length} decision${unknown.length === 1 ? ' is' : 's are'} for something this review no longer shows. Reload the redaction review.`,
      );
    const at = (input.now ?? new Date()).toISOString();
    let allowlist = [...record.allowlist];
    for (const d of input.decisions) {
      const before = stored.get(d.id);
      if (before?.action === 'not-identifying' && before.text && d.action !== 'not-identifying') allowlist = allowlist.filter((a) => foldKey(a) !== foldKey(before.text!));
      const text = textOf.get(d.id) ?? before?.text;
      if (d.action === 'not-identifying' && text && text.length > MAX_ALLOWLIST_CHARS) throw new HttpError(400, 'too-long', 'That text is too long to mark as not identifying.');
      if (d.action === 'not-identifying' && text && !allowlist.some((a) => foldKey(a) === foldKey(text))) allowlist.push(text);
      stored.set(d.id, {
        id: d.id,
        action: d.action,
        decidedBy: input.actorId,
        decidedAt: at,
        ...(d.action === 'replace' ? { replacement: d.replacement } : {}),
        ...(d.action === 'not-identifying' && text ? { text } : {}),
      });
    }
    if (stored.size > MAX_STORED_DECISIONS || allowlist.length > MAX_ALLOWLIST_ENTRIES)
      throw new HttpError(400, 'too-many-decisions', 'This review holds as many redaction decisions as it can.');
    const updated: RedactionReviewRecord = { ...record, decisions: [...stored.values()], allowlist };
    tx.put('redactionReviews', updated);
    for (const d of input.decisions) tx.audit({ type: 'redaction.decided', actorId: input.actorId, reviewId: input.reviewId, targetId: d.id, reason: d.action });
    return updated;
  });
}
