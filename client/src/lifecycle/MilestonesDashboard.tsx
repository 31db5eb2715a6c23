import { MILESTONE_PROBLEM_LABELS, workingDaysPhrase } from '../../../shared/lifecycle/index.js';
import { ROLE_LABELS } from '../../../shared/roles.js';
import { LoadingMessage } from '../components/LoadingMessage.js';
import { Notice } from '../components/Notice.js';
import { TableWrap } from '../components/TableWrap.js';
import { useApiData } from '../hooks/useApiData.js';
import { REVIEW_KIND_LABELS, showDate } from '../lib/labels.js';
import { Link } from '../router/Link.js';
import { DashboardSchema, type MilestoneViewData } from './lifecycleSchemas.js';
import { EvidenceDeadlines } from './EvidenceDeadlines.js';
import { MilestoneStatusTag } from './MilestoneStatusTag.js';

/** The due date, or the window "from ... to ..." for the meeting. */
export function dueText(m: Pick<MilestoneViewData, 'opens' | 'due'>): string {
  return m.opens ? `${showDate(m.opens)} to ${showDate(m.due)}` : showDate(m.due);
}

/**
 * Deadlines across every review the user belongs to: the next milestone of each, its due date, the
 * working days left and its status. Overdue rows come first and say "Overdue" with a warning icon as
 * well as being red.
 */
export function MilestonesDashboard() {
  const { data, error, loading } = useApiData('/api/lifecycle/dashboard', DashboardSchema);
  return (
    <section className="dashboard" aria-labelledby="dashboard-heading">
      <h2 id="dashboard-heading">Deadlines</h2>
      {loading && !data && <LoadingMessage text="Loading deadlines…" />}
      {error && (
        <Notice tone="error" role="alert" title="Deadlines could not be loaded">
          {error}
        </Notice>
      )}
      {data && data.rows.length > 0 && (
        <>
          <p className="dashboard__summary" data-testid="dashboard-summary">
            {data.summary.overdue > 0 ? (
              <strong>{data.summary.overdue === 1 ? '1 review has an overdue milestone.' : `${data.summary.overdue} reviews have overdue milestones.`}</strong>
            ) : (
              'No review has an overdue milestone.'
            )}{' '}
            {data.summary.dueNow > 0 && `${data.summary.dueNow} ${data.summary.dueNow === 1 ? 'is' : 'are'} due now.`} Working days skip weekends and bank holidays in England and
            Wales. Today is {showDate(data.today)}.
          </p>
          <TableWrap label="Deadlines table">
            <table className="table" data-testid="dashboard-table">
              <caption className="visually-hidden">Next milestone of each of your reviews, overdue first</caption>
              <thead>
                <tr>
                  <th scope="col">Review</th>
                  <th scope="col">Next milestone</th>
                  <th scope="col">Due</th>
                  <th scope="col">Working days</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {data.rows.map((r) => (
                  <tr key={r.reviewId} className={r.next?.status === 'overdue' ? 'row--overdue' : undefined}>
                    <th scope="row">
                      <Link to={`/reviews/${encodeURIComponent(r.reviewId)}/timescales`}>{r.title}</Link>
                      <span className="aka">
                        {REVIEW_KIND_LABELS[r.kind]} · {ROLE_LABELS[r.role]}
                        {r.fictional ? ' · Fictional demo' : ''}
                      </span>
                    </th>
                    {r.next ? (
                      <>
                        <td>
                          {r.next.label}
                          {r.overdueCount > 1 && <span className="aka">{r.overdueCount} milestones overdue</span>}
                        </td>
                        <td>{r.next.status === 'done' ? `Done ${showDate(r.next.doneOn)}` : dueText(r.next)}</td>
                        <td>{workingDaysPhrase(r.next)}</td>
                        <td>
                          <MilestoneStatusTag status={r.next.status} />
                        </td>
                      </>
                    ) : (
                      <td colSpan={4}>{r.problem ? MILESTONE_PROBLEM_LABELS[r.problem] : 'No milestones'}</td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          <EvidenceDeadlines rows={data.rows} />
        </>
      )}
    </section>
  );
}
