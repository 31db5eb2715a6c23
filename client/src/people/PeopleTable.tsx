import type { Person } from '../../../shared/people.js';
import { Badge } from '../components/Badge.js';
import { TableWrap } from '../components/TableWrap.js';
import { showDate } from '../lib/labels.js';
import type { PresenceEntry } from '../lib/presence.js';

/** The register as a table: label, name, relationship, dates, and who is editing each row right now. */
export function PeopleTable({
  people,
  presence,
  canWrite,
  onOpen,
}: {
  people: readonly Person[];
  presence: readonly PresenceEntry[];
  canWrite: boolean;
  onOpen(id: string): void;
}) {
  if (people.length === 0) return <p>No one has been added to the register yet.</p>;
  return (
    <TableWrap label="People register table">
      <table className="table" data-testid="people-table">
        <caption className="visually-hidden">People in the register</caption>
        <thead>
          <tr>
            <th scope="col">Report label</th>
            <th scope="col">Name</th>
            <th scope="col">Relationship to the child</th>
            <th scope="col">Date of birth</th>
            <th scope="col">Being edited by</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {people.map((p) => {
            const editors = presence.filter((e) => !e.isSelf && e.editing === p.id);
            const shown = p.name || 'Name not recorded';
            return (
              <tr key={p.id} className={editors.length > 0 ? 'row--editing' : undefined}>
                <td>{p.reportLabel || <span className="muted">Not set</span>}</td>
                <th scope="row">
                  {shown}
                  {p.isSubject && (
                    <>
                      {' '}
                      <Badge tone="info">Subject child</Badge>
                    </>
                  )}
                  {p.aliases.length > 0 && <span className="aka">Also known as {p.aliases.join(', ')}</span>}
                  {p.dateOfDeath && <span className="aka">Died {showDate(p.dateOfDeath)}</span>}
                </th>
                <td>{p.relationship || <span className="muted">Not recorded</span>}</td>
                <td>{showDate(p.dateOfBirth, 'Not known')}</td>
                <td>{editors.length === 0 ? <span className="visually-hidden">No one</span> : editors.map((e) => e.name).join(', ')}</td>
                <td>
                  <button type="button" className="button button--secondary button--small" onClick={() => onOpen(p.id)}>
                    {canWrite ? 'Edit' : 'View'}
                    <span className="visually-hidden"> {shown}</span>
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableWrap>
  );
}
