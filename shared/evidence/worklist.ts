import type { EvidenceRequest } from './request.js';
import type { EvidenceQuery } from './queries.js';
import { isAwaitingAgency } from './status.js';
import { isSeniorLeadOf, type SeniorLeadMember } from '../roles.js';

/**
 * An agency author's waiting list: what their agency owes the review (requests not yet submitted,
 * returns to revise, queries to answer) and, for its senior lead, evidence waiting for endorsement.
 */

/** One item waiting for a member. */
export type WorkItem =
  | { kind: 'request'; requestId: string; agencyId: string; dueOn: string; returned: boolean }
  | { kind: 'endorsement'; requestId: string; agencyId: string; dueOn: string }
  | { kind: 'query'; queryId: string; agencyId: string; askedAt: string };

/** What is waiting for `member`, oldest deadline first; empty for anyone who is not an agency author. */
export function waitingFor(member: SeniorLeadMember, requests: readonly EvidenceRequest[], queries: readonly EvidenceQuery[]): WorkItem[] {
  if (member.role !== 'agency-author' || !member.agencyId) return [];
  const agencyId = member.agencyId;
  const items: WorkItem[] = [];
  const own = requests.filter((r) => r.agencyId === agencyId);
  for (const r of own) {
    if (!isAwaitingAgency(r.status)) continue;
    items.push({ kind: 'request', requestId: r.id, agencyId, dueOn: r.dueOn, returned: r.status === 'returned' });
    if (isSeniorLeadOf(member, agencyId) && !r.endorsement && r.status !== 'requested') {
      items.push({ kind: 'endorsement', requestId: r.id, agencyId, dueOn: r.dueOn });
    }
  }
  const dated = items.sort((a, b) => ('dueOn' in a && 'dueOn' in b ? a.dueOn.localeCompare(b.dueOn) : 0));
  const asked = queries
    .filter((q) => q.agencyId === agencyId && q.status === 'open')
    .map((q): WorkItem => ({ kind: 'query', queryId: q.id, agencyId, askedAt: q.messages.at(-1)!.at }))
    .sort((a, b) => (a.kind === 'query' && b.kind === 'query' ? a.askedAt.localeCompare(b.askedAt) : 0));
  return [...dated, ...asked];
}
