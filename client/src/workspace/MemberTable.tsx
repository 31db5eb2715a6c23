import { useEffect, useState } from 'react';
import { ROLE_LABELS } from '../../../shared/roles.js';
import type { AgencyView, Member } from '../api/schemas.js';
import { AgencyTag } from '../components/AgencyTag.js';
import { TableWrap } from '../components/TableWrap.js';
import { RemoveMemberConfirm } from './RemoveMemberConfirm.js';
import { RoleChangeForm } from './RoleChangeForm.js';

/** The review's members with their roles; the lead reviewer can change a member's role or remove them. */
export function MemberTable({
  reviewId,
  members,
  agencies,
  selfMembershipId,
  canManage,
  onChanged,
}: {
  reviewId: string;
  members: readonly Member[];
  agencies: readonly AgencyView[];
  selfMembershipId: string;
  canManage: boolean;
  /** Called after a role change or a removal; `self` is true when the lead reviewer changed their own role. */
  onChanged(self: boolean): Promise<void>;
}) {
  const [editing, setEditing] = useState<string | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const [changed, setChanged] = useState<string | null>(null);
  // When the inline form closes, focus goes back to that member's "Change role" button, not the page top.
  const [refocus, setRefocus] = useState<string | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `members` is the trigger: after the list reloads, the member's button is rendered again and can take focus
  useEffect(() => {
    if (!refocus || editing || removing) return;
    const target = document.getElementById(refocus) ?? document.querySelector<HTMLElement>('[data-route-focus]');
    target?.focus();
    setRefocus(null);
  }, [refocus, editing, removing, members]);
  const close = (id: string) => {
    setEditing(null);
    setRefocus(`change-role-${id}`);
  };
  return (
    <>
      <div aria-live="polite" className="live-line">
        {changed}
      </div>
      <TableWrap label="Members table">
        <table className="table">
          <caption className="table__caption">Members of this review</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              {canManage && (
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {members.map((m) => {
              const agency = m.agencyId ? agencies.find((a) => a.id === m.agencyId) : undefined;
              const isSelf = m.id === selfMembershipId;
              return (
                <tr key={m.id}>
                  <th scope="row">
                    {m.name}
                    {isSelf && <span className="muted"> (you)</span>}
                    {m.disabled && <span className="aka">Account disabled: cannot sign in</span>}
                  </th>
                  <td className="break">{m.email}</td>
                  <td>
                    {ROLE_LABELS[m.role]}
                    {agency && (
                      <>
                        {' '}
                        for <AgencyTag shortCode={agency.shortCode} colour={agency.colour} name={agency.name} />
                      </>
                    )}
                  </td>
                  {canManage && (
                    <td>
                      {editing === m.id ? (
                        <RoleChangeForm
                          reviewId={reviewId}
                          member={m}
                          agencies={agencies}
                          onCancel={() => close(m.id)}
                          onSaved={async (text) => {
                            setChanged(text);
                            await onChanged(isSelf);
                            close(m.id);
                          }}
                        />
                      ) : removing === m.id ? (
                        <RemoveMemberConfirm
                          reviewId={reviewId}
                          member={m}
                          onCancel={() => {
                            setRemoving(null);
                            setRefocus(`remove-member-${m.id}`);
                          }}
                          onRemoved={async (text) => {
                            setChanged(text);
                            setRemoving(null);
                            // The row is gone: focus goes to the page heading (the effect's fallback).
                            setRefocus('section-heading');
                            await onChanged(false);
                          }}
                        />
                      ) : (
                        <div className="button-row">
                          <button
                            type="button"
                            id={`change-role-${m.id}`}
                            className="button button--secondary button--small"
                            onClick={() => {
                              setChanged(null);
                              setEditing(m.id);
                            }}
                          >
                            Change role<span className="visually-hidden"> for {m.name}</span>
                          </button>
                          {!isSelf && (
                            <button
                              type="button"
                              id={`remove-member-${m.id}`}
                              className="button button--secondary button--small"
                              onClick={() => {
                                setChanged(null);
                                setEditing(null);
                                setRemoving(m.id);
                              }}
                            >
                              Remove<span className="visually-hidden"> {m.name} from the review</span>
                            </button>
                          )}
                        </div>
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
