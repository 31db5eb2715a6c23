import { EVIDENCE_KIND_LABELS, type EvidenceKind, type EvidenceQuery, type WorkItem } from '../../../shared/evidence/index.js';
import { queryTargetText } from './queryCounts.js';

/**
 * The words of an agency author's waiting list (shared/evidence/worklist.ts decides what is on it):
 * what to do, and where it is done. Pure, so tests/client checks every kind of item.
 */

/** Where an item is dealt with: a learning template or report opened on the Evidence tab, or the chronology. */
export type WaitingPlace = { kind: 'document'; requestId: string } | { kind: 'chronology' } | null;

/** One line of the waiting list. */
export type WaitingLine = { key: string; text: string; place: WaitingPlace };

/** The line for one item; `requests` and `queries` are those the member sees. */
export function waitingLine(w: WorkItem, requests: readonly { id: string; kind: EvidenceKind; agencyId: string }[], queries: readonly EvidenceQuery[]): WaitingLine {
  if (w.kind === 'query') {
    const q = queries.find((x) => x.id === w.queryId);
    const about = q ? queryTargetText(q.target) : 'your evidence';
    let place: WaitingPlace = null;
    if (q && (q.target.kind === 'chronology-row' || q.target.kind === 'org-change')) place = { kind: 'chronology' };
    else if (q) {
      const kind: EvidenceKind = q.target.kind === 'template-section' ? 'learning-template' : 'information-report';
      const r = requests.find((x) => x.agencyId === q.agencyId && x.kind === kind);
      if (r) place = { kind: 'document', requestId: r.id };
    }
    return { key: `q-${w.queryId}`, text: `Answer the review team’s query on ${about}`, place };
  }
  const r = requests.find((x) => x.id === w.requestId);
  const what = r ? EVIDENCE_KIND_LABELS[r.kind].toLowerCase() : 'evidence';
  const text = w.kind === 'endorsement' ? `Endorse the ${what}` : w.returned ? `Revise the returned ${what}` : `Complete the ${what}`;
  const place: WaitingPlace = r && (r.kind === 'learning-template' || r.kind === 'information-report') ? { kind: 'document', requestId: r.id } : r ? { kind: 'chronology' } : null;
  return { key: `${w.kind}-${w.requestId}`, text, place };
}
