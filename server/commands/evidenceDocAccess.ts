import { docAccess, type Access } from '../../shared/docAccess.js';
import type { DocRef } from '../../shared/docNames.js';
import { agencyEvidenceDocAccess, type EvidenceKind } from '../../shared/evidence/index.js';
import type { Membership } from '../../shared/schemas/records.js';
import type { RecordStore } from '../storage/types.js';

/**
 * A connection's access to a shared document: docAccess, narrowed for an agency's learning template or
 * information report to agencies of that review, and by the state of its request (read-only while
 * submitted or accepted).
 */
export async function sharedDocAccess(records: RecordStore, ref: DocRef, m: Membership | null): Promise<Access> {
  const base = docAccess(ref, m);
  if (ref.kind !== 'learning-template' && ref.kind !== 'information-report') return base;
  if (base === 'none') return base;
  // A name for an agency that is not part of this review opens nothing: no room, no file.
  const agency = await records.get('agencies', ref.agencyId);
  if (!agency || agency.reviewId !== ref.reviewId) return 'none';
  if (base !== 'write') return base;
  const kind: EvidenceKind = ref.kind;
  const request = (await records.find('evidenceRequests', { reviewId: ref.reviewId, agencyId: ref.agencyId })).find((r) => r.kind === kind);
  return agencyEvidenceDocAccess(base, request?.status ?? null);
}

/** The user ids of an agency's authors in a review, whose sync sockets must be re-authorised when its evidence locks or unlocks. */
export async function agencyAuthorIds(records: RecordStore, reviewId: string, agencyId: string): Promise<string[]> {
  return (await records.find('memberships', { reviewId })).filter((m) => m.role === 'agency-author' && m.agencyId === agencyId).map((m) => m.userId);
}
