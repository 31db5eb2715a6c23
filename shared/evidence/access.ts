import type { Role } from '../roles.js';
import { isEditableByAgency, type EvidenceStatus } from './status.js';

/**
 * Who may see and do what with a review's evidence records (requests, query threads, key themes).
 * The server enforces these on every request; the client uses them only to hide controls. Agency
 * authors see only their own agency's evidence; observers read everything and change nothing.
 */

/** The parts of a membership these rules read. */
export type EvidenceMember = { role: Role; agencyId: string | null };

const isStaff = (m: EvidenceMember) => m.role === 'lead-reviewer' || m.role === 'review-team';

/** Reads one agency's requests, query threads and documents: staff and observers, or that agency's authors. */
export function mayReadAgencyEvidence(m: EvidenceMember, agencyId: string): boolean {
  return m.role !== 'agency-author' || m.agencyId === agencyId;
}

/** Sends, changes the due date of, or withdraws requests: the lead reviewer and review team. */
export function mayRequestEvidence(m: EvidenceMember): boolean {
  return isStaff(m);
}

/** Downloads request letters and the evidence pack: the lead reviewer and review team. */
export function mayExportEvidencePack(m: EvidenceMember): boolean {
  return isStaff(m);
}

/** Downloads one agency's template or report as Word: staff, or that agency's own authors. */
export function mayExportAgencyEvidence(m: EvidenceMember, agencyId: string): boolean {
  return isStaff(m) || (m.role === 'agency-author' && m.agencyId === agencyId);
}

/** Opens a query thread or asks a follow-up: the review team (§8.7 quality assurance). */
export function mayAskQuery(m: EvidenceMember): boolean {
  return isStaff(m);
}

/** Answers a query about `agencyId`'s evidence: that agency's authors. */
export function mayAnswerQuery(m: EvidenceMember, agencyId: string): boolean {
  return m.role === 'agency-author' && m.agencyId === agencyId;
}

/** Resolves (or reopens) a query: the review team, who asked it and decide when it is settled. */
export function mayResolveQuery(m: EvidenceMember): boolean {
  return isStaff(m);
}

/** Reads the key themes for analysis: everyone but agency authors, as they draw on every agency's evidence. */
export function mayReadKeyThemes(m: EvidenceMember): boolean {
  return m.role !== 'agency-author';
}

/** Records and edits the key themes for analysis (§8.8): the lead reviewer and review team. */
export function mayEditKeyThemes(m: EvidenceMember): boolean {
  return isStaff(m);
}

/**
 * Narrows an agency's access to its own learning template or information report by the state of its
 * request: once submitted or accepted, what the senior lead endorsed and the review team reviews must
 * not change underneath them, so the agency's write access becomes read until it is returned or
 * reopened. With no request yet the agency may prepare its document. `base` is docAccess's answer.
 */
export function agencyEvidenceDocAccess(base: 'none' | 'read' | 'write', status: EvidenceStatus | null): 'none' | 'read' | 'write' {
  if (base !== 'write' || status === null) return base;
  return isEditableByAgency(status) ? 'write' : 'read';
}
