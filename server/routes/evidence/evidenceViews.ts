import {
  availableEvidenceActions,
  deadlinePhrase,
  mayReadAgencyEvidence,
  openQueryCount,
  requestDeadline,
  type EvidenceActor,
  type EvidenceQuery,
  type EvidenceRequest,
} from '../../../shared/evidence/index.js';
import type { IsoDate } from '../../../shared/dates.js';

/**
 * The public shapes of evidence records in responses. A request carries where it stands today and
 * the buttons the caller may press; the server decides again on every action.
 */

/** A request as the caller sees it. */
export function requestView(r: EvidenceRequest, actor: EvidenceActor, queries: readonly EvidenceQuery[], todayIso: IsoDate) {
  const openQueries = openQueryCount(queries, r.agencyId, r.kind);
  const deadline = requestDeadline(r.dueOn, r.status, todayIso);
  return {
    ...r,
    openQueries,
    deadline: { ...deadline, phrase: deadlinePhrase(deadline) },
    actions: availableEvidenceActions(actor, r.agencyId, { status: r.status, endorsed: r.endorsement !== null, openQueries }),
  };
}

/** The threads `actor` may read. */
export function visibleQueries(queries: readonly EvidenceQuery[], actor: EvidenceActor): EvidenceQuery[] {
  return queries.filter((q) => mayReadAgencyEvidence(actor, q.agencyId));
}
