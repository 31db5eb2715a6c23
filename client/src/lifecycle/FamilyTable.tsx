import { SkippedRecordsNotice } from '../components/SkippedRecordsNotice.js';
import { TableWrap } from '../components/TableWrap.js';
import { showDate } from '../lib/labels.js';
import type { FamilyRowData } from './lifecycleSchemas.js';

/**
 * The family composition from the people register (read-only here; it is edited in the People register),
 * with a notice when `skipped` register records could not be read and are missing from it.
 */
export function FamilyTable({ rows, caption, skipped }: { rows: readonly FamilyRowData[]; caption: string; skipped: number }) {
  const notice = <SkippedRecordsNotice count={skipped} place="the people register" />;
  if (rows.length === 0)
    return (
      <>
        {notice}
        <p className="muted">No one is recorded in the people register yet.</p>
      </>
    );
  return (
    <>
      {notice}
      <TableWrap label={caption}>
        <table className="table" data-testid="family-table">
          <caption className="table__caption">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Name and address</th>
              <th scope="col">Relationship to child</th>
              <th scope="col">Date of birth</th>
              <th scope="col">Ethnicity</th>
              <th scope="col">Other relevant information</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.personId}>
                <th scope="row">
                  {r.name}
                  {r.addresses.map((a) => (
                    <span className="aka" key={a}>
                      {a}
                    </span>
                  ))}
                </th>
                <td>{r.relationship || 'Not recorded'}</td>
                <td>{showDate(r.dateOfBirth)}</td>
                <td>{r.ethnicity || 'Not recorded'}</td>
                <td className="pre-wrap">{r.otherInformation}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </>
  );
}
