import type { Role } from '../roles.js';

/**
 * Who may open the report draft (REST, the report builder and the draft's shared document
 * review.<id>.report): the lead reviewer writes it, as the report's author; the review team reads it;
 * agency authors and observers do not see the draft before publication.
 */
export function reportDraftAccess(role: Role): 'none' | 'read' | 'write' {
  if (role === 'lead-reviewer') return 'write';
  return role === 'review-team' ? 'read' : 'none';
}
