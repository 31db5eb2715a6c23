import type { Id } from './ids.js';

/**
 * Yjs document names, as used in /yjs/<docName>. Every shared document belongs to exactly one review,
 * and its kind decides who may read or write it (see docAccess.ts). The grammar is deliberately tiny so
 * that the server can parse a name before it touches storage:
 *
 *   review.<reviewId>.people                  the people register (family composition)
 *   review.<reviewId>.genogram                positions and relationships of the genogram
 *   review.<reviewId>.chronology.<agencyId>   one agency's chronology rows (owned by that agency)
 *   review.<reviewId>.chronology-team         review-team fields keyed by entry id
 *   review.<reviewId>.learning-template.<agencyId>   one agency's learning template (Document 13)
 *   review.<reviewId>.information-report.<agencyId>  one agency's information report (Document 14)
 *   review.<reviewId>.report                  the lead reviewer's report draft (shared/report/draftDoc.ts)
 */
export type DocRef =
  | { reviewId: Id; kind: 'people' }
  | { reviewId: Id; kind: 'genogram' }
  | { reviewId: Id; kind: 'chronology-team' }
  | { reviewId: Id; kind: 'report' }
  | { reviewId: Id; kind: 'chronology'; agencyId: Id }
  | { reviewId: Id; kind: AgencyEvidenceDocKind; agencyId: Id };

/** The agency-owned evidence documents (shared/evidence). */
export type AgencyEvidenceDocKind = 'learning-template' | 'information-report';

/** The kinds of shared document. */
export type DocKind = DocRef['kind'];

const ID = '[A-Za-z0-9_-]{16,24}';
const DOC_NAME = new RegExp(`^review\\.(${ID})\\.(people|genogram|chronology-team|report|chronology\\.(${ID}))$`);
const EVIDENCE_DOC_NAME = new RegExp(`^review\\.(${ID})\\.(learning-template|information-report)\\.(${ID})$`);

/** Parses a doc name; null for anything outside the grammar (which the server refuses). */
export function parseDocName(name: string): DocRef | null {
  const e = EVIDENCE_DOC_NAME.exec(name);
  if (e) return { reviewId: e[1]!, kind: e[2] as AgencyEvidenceDocKind, agencyId: e[3]! };
  const m = DOC_NAME.exec(name);
  if (!m) return null;
  const reviewId = m[1]!;
  if (m[3]) return { reviewId, kind: 'chronology', agencyId: m[3] };
  return { reviewId, kind: m[2] as 'people' | 'genogram' | 'chronology-team' | 'report' };
}

/** Formats a doc reference as its name. */
export function docName(ref: DocRef): string {
  if (ref.kind === 'learning-template' || ref.kind === 'information-report') return `review.${ref.reviewId}.${ref.kind}.${ref.agencyId}`;
  return ref.kind === 'chronology' ? `review.${ref.reviewId}.chronology.${ref.agencyId}` : `review.${ref.reviewId}.${ref.kind}`;
}
