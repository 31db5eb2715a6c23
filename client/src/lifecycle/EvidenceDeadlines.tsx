import { deadlinePhrase } from '../../../shared/evidence/index.js';
import { TableWrap } from '../components/TableWrap.js';
import { showDate } from '../lib/labels.js';
import { Link } from '../router/Link.js';
import type { Dashboard } from './lifecycleSchemas.js';
import { MilestoneStatusTag } from './MilestoneStatusTag.js';

/**
 * Evidence requests on the dashboard: for each review with any, the request to act on next, its due
 * date and where it stands, by word and icon, and how many are overdue.
 */
export function EvidenceDeadlines({ rows }: { rows: Dashboard['rows'] }) {
  const withEvidence = rows.filter((r) => r.evidence && r.evidence.total > 0);
  if (withEvidence.length === 0) return null;
  return (
    <TableWrap label="Evidence deadlines table">
      <table className="table" data-testid="evidence-deadlines-table">
        <caption>Agency evidence requested for your reviews</caption>
        <thead>
          <tr>
            <th scope="col">Review</th>
            <th scope="col">Next request</th>
            <th scope="col">Due</th>
            <th scope="col">Working days</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {withEvidence.map((r) => {
            const e = r.evidence!;
            return (
              <tr key={r.reviewId} className={e.next?.status === 'overdue' ? 'row--overdue' : undefined}>
                <th scope="row">
                  <Link to={`/reviews/${encodeURIComponent(r.reviewId)}/evidence`}>{r.title}</Link>
                </th>
                {e.next ? (
                  <>
                    <td>
                      {e.next.label}
                      {e.overdueCount > 1 && <span className="aka">{e.overdueCount} requests overdue</span>}
                    </td>
                    <td>{showDate(e.next.due)}</td>
                    <td>{deadlinePhrase(e.next)}</td>
                    <td>
                      <MilestoneStatusTag status={e.next.status} />
                    </td>
                  </>
                ) : (
                  <td colSpan={4}>Every request has been answered</td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableWrap>
  );
}
