import { PARTNER_TYPE_LABELS } from '../../../shared/schemas/records.js';
import { canManageReview } from '../../../shared/roles.js';
import type { ReviewDetail } from '../api/schemas.js';
import { AgencyTag } from '../components/AgencyTag.js';
import { TableWrap } from '../components/TableWrap.js';
import { colourName } from '../lib/colours.js';
import { agenciesEmptyText } from '../lib/emptyStates.js';
import { AddAgencyForm } from './AddAgencyForm.js';

/** The review's agencies, each with its colour, short code, name and partner type; the lead reviewer can add more. */
export function AgenciesTab({ detail, onChanged }: { detail: ReviewDetail; onChanged(): Promise<void> }) {
  const { agencies, membership } = detail;
  return (
    <>
      <h2 id="section-heading" data-route-focus tabIndex={-1}>
        Agencies
      </h2>
      <p>Each agency has a colour in the integrated chronology. Its short code is always shown with the colour.</p>
      {agencies.length === 0 ? (
        <p>{agenciesEmptyText(membership.role)}</p>
      ) : (
        <TableWrap label="Agencies table">
          <table className="table">
            <caption className="visually-hidden">Agencies in this review</caption>
            <thead>
              <tr>
                <th scope="col">Short code and colour</th>
                <th scope="col">Name</th>
                <th scope="col">Partner type</th>
              </tr>
            </thead>
            <tbody>
              {agencies.map((a) => (
                <tr key={a.id}>
                  <td>
                    <AgencyTag shortCode={a.shortCode} colour={a.colour} /> <span className="muted">{colourName(a.colour)}</span>
                  </td>
                  <th scope="row">{a.name}</th>
                  <td>{PARTNER_TYPE_LABELS[a.partnerType]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {canManageReview(membership.role) ? (
        <AddAgencyForm reviewId={detail.review.id} usedColours={agencies.map((a) => a.colour)} onAdded={onChanged} />
      ) : (
        <p className="muted">Only the lead reviewer can add agencies.</p>
      )}
    </>
  );
}
