import { useEffect, useState } from 'react';
import { SCOPING_STATUS_LABELS, mayEditRapidReview } from '../../../shared/lifecycle/index.js';
import type { ReviewDetail } from '../api/schemas.js';
import { AgencyTag } from '../components/AgencyTag.js';
import { LoadingMessage } from '../components/LoadingMessage.js';
import { Notice } from '../components/Notice.js';
import { TableWrap } from '../components/TableWrap.js';
import { useApiData } from '../hooks/useApiData.js';
import { showDate } from '../lib/labels.js';
import { FamilyTable } from './FamilyTable.js';
import { ScopingListSchema, type ScopingList } from './lifecycleSchemas.js';
import { ScopingPanel } from './ScopingPanel.js';

/** The date an agency answered, with what the answer was. */
function answered(s: ScopingList['agencies'][number]['scoping']): string {
  if (s.status === 'returned') return `Returned ${showDate(s.returnedOn)}`;
  if (s.status === 'not-known') return `Not known, ${showDate(s.notKnownOn)}`;
  return 'Not yet';
}

/**
 * Agency scoping (Document 2): each agency's status with its dates, and the selected agency's form.
 * The review's staff and observers see every agency; an agency author sees only their own, and goes
 * straight to its form.
 */
export function ScopingTab({ detail }: { detail: ReviewDetail }) {
  const path = `/api/reviews/${encodeURIComponent(detail.review.id)}/lifecycle/scoping`;
  const list = useApiData(path, ScopingListSchema);
  const [data, setData] = useState<ScopingList | null>(null);
  const [generation, setGeneration] = useState(0);
  const [selected, setSelected] = useState<string | null>(detail.membership.agencyId);
  // Opening an agency from the table moves focus to its panel; the author's own agency, shown on arrival, does not.
  const [opened, setOpened] = useState(false);
  useEffect(() => {
    if (list.data) {
      setData(list.data);
      setGeneration((g) => g + 1);
    }
  }, [list.data]);
  const staff = mayEditRapidReview(detail.membership);
  const current = data?.agencies.find((a) => a.agency.id === selected) ?? null;

  return (
    <>
      <h2 id="section-heading" data-route-focus tabIndex={-1}>
        Agency scoping
      </h2>
      <p>
        Each agency is asked for an initial scoping and information sharing form (Document 2) within 2 working days of the referral, and answers within 5: with the completed form,
        or by confirming the family is not known to it. Returned forms feed the Rapid Review record.
      </p>
      {list.loading && !data && <LoadingMessage text="Loading scoping…" />}
      {list.error && (
        <Notice tone="error" role="alert" title="Scoping could not be loaded">
          {list.error}
        </Notice>
      )}
      {data && data.agencies.length === 0 && <p>No agencies have been added to this review yet.</p>}
      {data && data.agencies.length > 0 && (
        <TableWrap label="Scoping status table">
          <table className="table" data-testid="scoping-table">
            <caption className="visually-hidden">Scoping status of each agency</caption>
            <thead>
              <tr>
                <th scope="col">Agency</th>
                <th scope="col">Status</th>
                <th scope="col">Requested</th>
                <th scope="col">Answered</th>
                <th scope="col">
                  <span className="visually-hidden">Form</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.agencies.map(({ agency, scoping }) => (
                <tr key={agency.id}>
                  <th scope="row">
                    <AgencyTag shortCode={agency.shortCode} colour={agency.colour} /> {agency.name}
                  </th>
                  <td>
                    <span className={`scoping-status scoping-status--${scoping.status}`}>{SCOPING_STATUS_LABELS[scoping.status]}</span>
                  </td>
                  <td>{showDate(scoping.requestedOn, 'Not yet')}</td>
                  <td>{answered(scoping)}</td>
                  <td>
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      aria-pressed={selected === agency.id}
                      onClick={() => {
                        setSelected(agency.id);
                        setOpened(true);
                      }}
                    >
                      {staff ? 'Open' : 'View'}
                      <span className="visually-hidden"> the scoping of {agency.name}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {data && (
        <details className="panel">
          <summary>
            Section 1: composition of the child’s family ({data.family.length} {data.family.length === 1 ? 'person' : 'people'})
          </summary>
          <p>From the people register. Please check these details against your agency’s records and tell the review of any differences.</p>
          <FamilyTable rows={data.family} skipped={data.skipped} caption="Family composition" />
        </details>
      )}
      {current && (
        <ScopingPanel
          key={`${current.agency.id}-${generation}`}
          reviewId={detail.review.id}
          member={detail.membership}
          item={current}
          focusOnOpen={opened}
          onSaved={(saved) => setData((d) => d && { ...d, agencies: d.agencies.map((a) => (a.agency.id === saved.agency.id ? saved : a)) })}
          onReload={() => void list.reload()}
        />
      )}
    </>
  );
}
