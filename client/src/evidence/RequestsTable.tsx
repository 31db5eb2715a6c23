import { EVIDENCE_KIND_LABELS, EVIDENCE_STATUS_LABELS, isAnalysisKind, mayRequestEvidence } from '../../../shared/evidence/index.js';
import { AgencyTag } from '../components/AgencyTag.js';
import { Badge } from '../components/Badge.js';
import { TableWrap } from '../components/TableWrap.js';
import { evidenceEmptyText } from '../lib/emptyStates.js';
import { showDate } from '../lib/labels.js';
import { MilestoneStatusTag } from '../lifecycle/MilestoneStatusTag.js';
import type { EvidenceOverview, RequestView } from './evidenceApi.js';
import { RequestActions } from './RequestActions.js';

/**
 * Every request the member may see: agency, kind, status in words, due date with where it stands
 * (icon and words, never colour alone), open queries, endorsement, and the steps they may take.
 */
export function RequestsTable({
  reviewId,
  data,
  onOpen,
  onChanged,
}: {
  reviewId: string;
  data: EvidenceOverview;
  onOpen(request: RequestView): void;
  onChanged(message: string): void;
}) {
  const agency = (id: string) => data.agencies.find((a) => a.id === id);
  if (data.requests.length === 0) return <p>{evidenceEmptyText({ role: data.me.role, mayRequest: mayRequestEvidence(data.me), agencyCount: data.agencies.length })}</p>;
  return (
    <TableWrap label="Evidence requests">
      <table className="table">
        <caption className="visually-hidden">Evidence requests, with status, due date and actions</caption>
        <thead>
          <tr>
            <th scope="col">Agency</th>
            <th scope="col">Evidence</th>
            <th scope="col">Status</th>
            <th scope="col">Due</th>
            <th scope="col">Sign-off and queries</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {data.requests.map((r) => {
            const a = agency(r.agencyId);
            const what = `${a?.name ?? 'Agency'} ${EVIDENCE_KIND_LABELS[r.kind].toLowerCase()}`;
            const last = r.history.at(-1);
            return (
              <tr key={r.id}>
                <td>
                  {a ? (
                    <>
                      <AgencyTag shortCode={a.shortCode} colour={a.colour} name={a.name} /> {a.name}
                    </>
                  ) : (
                    'Agency'
                  )}
                </td>
                <td>
                  {EVIDENCE_KIND_LABELS[r.kind]}
                  {isAnalysisKind(r.kind) && (
                    <div>
                      <button type="button" className="button button--secondary button--small" onClick={() => onOpen(r)} aria-label={`Open the ${what}`}>
                        Open
                      </button>
                    </div>
                  )}
                </td>
                <td>
                  <strong>{EVIDENCE_STATUS_LABELS[r.status]}</strong>
                  {last && <span className="aka">since {showDate(last.on)}</span>}
                  {r.status === 'returned' && last?.reason && <p className="pre-wrap">Reasons: {last.reason}</p>}
                </td>
                <td>
                  {showDate(r.dueOn)}
                  <div>
                    <MilestoneStatusTag status={r.deadline.status} />
                  </div>
                  <span className="aka">{r.deadline.phrase}</span>
                </td>
                <td>
                  {r.endorsement ? `Endorsed by ${r.endorsement.name}, ${r.endorsement.designation}, ${showDate(r.endorsement.on)}` : 'Not endorsed'}
                  {r.openQueries > 0 && (
                    <div>
                      <Badge tone="info">{r.openQueries === 1 ? '1 open query' : `${r.openQueries} open queries`}</Badge>
                    </div>
                  )}
                </td>
                <td>
                  <RequestActions reviewId={reviewId} request={r} what={what} onDone={onChanged} />
                  {r.status === 'submitted' && r.openQueries > 0 && r.actions.includes('return') && (
                    <p>It can be accepted once its {r.openQueries === 1 ? 'open query is' : 'open queries are'} resolved.</p>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableWrap>
  );
}
