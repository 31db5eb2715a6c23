import { useState } from 'react';
import { ROLE_LABELS } from '../../../shared/roles.js';
import type { AgencyView, Member } from '../api/schemas.js';
import { AgencyTag } from '../components/AgencyTag.js';
import { TableWrap } from '../components/TableWrap.js';
import { RoleChangeForm } from './RoleChangeForm.js';

/** The review's members with their roles; the lead reviewer can change a member's role. */
export function MemberTable({ reviewId, members, agencies, selfMembershipId, canManage, onChanged }: {
  reviewId: string;
  members: readonly Member[];
  agencies: readonly AgencyView[];
  selfMembershipId: string;
  canManage: boolean;
  onChanged(): Promise<void>;
}) {
  const [editing, setEditing] = useState<string | null>(null);
  const [changed, setChanged] = useState<string | null>(null);
  return (
    <>
      <div aria-live="polite" className="live-line">{changed}</div>
      <TableWrap label="Members table">
        <table className="table">
          <caption className="table__caption">Members of this review</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              {canManage && <th scope="col"><span className="visually-hidden">Actions</span></th>}
            </tr>
          </thead>
          <tbody>
            {members.map((m) => {
              const agency = m.agencyId ? agencies.find((a) => a.id === m.agencyId) : undefined;
              const isSelf = m.id === selfMembershipId;
              return (
                <tr key={m.id}>
                  <th scope="row">{m.name}{isSelf && <span className="muted"> (you)</span>}</th>
                  <td className="break">{m.email}</td>
                  <td>
                    {ROLE_LABELS[m.role]}
                    {agency && <> for <AgencyTag shortCode={agency.shortCode} colour={agency.colour} name={agency.name} /></>}
                  </td>
                  {canManage && (
                    <td>
                      {editing === m.id ? (
                        <RoleChangeForm
                          reviewId={reviewId} member={m} agencies={agencies}
                          onCancel={() => setEditing(null)}
                          onSaved={async (text) => {
                            setEditing(null);
                            setChanged(text);
                            await onChanged();
                          }}
                        />
                      ) : (
                        <button type="button" className="button button--secondary button--small" onClick={() => { setChanged(null); setEditing(m.id); }}>
                          Change role<span className="visually-hidden"> for {m.name}</span>
                        </button>
                      )}
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableWrap>
    </>
  );
}
