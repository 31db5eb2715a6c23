import { useEffect, useRef, useState } from 'react';
import { formatUkDate } from '../../../shared/dates.js';
import type { InvitationState } from '../../../shared/membership.js';
import { ROLE_LABELS } from '../../../shared/roles.js';
import { apiRequest, errorMessage } from '../api/client.js';
import type { AgencyView, SentInvitation } from '../api/schemas.js';
import { AgencyTag } from '../components/AgencyTag.js';
import { TableWrap } from '../components/TableWrap.js';

/** How each state reads in the list. */
const STATE_LABELS: Record<InvitationState, string> = {
  pending: 'Pending',
  accepted: 'Accepted',
  expired: 'Expired',
  revoked: 'Revoked',
};

/** The day an ISO instant falls on, DD/MM/YYYY (the server runs and stores in UTC). */
const dayOf = (instant: string): string => formatUkDate(instant.slice(0, 10));

/**
 * The invitations the lead reviewer has sent, with their state; a pending one can be revoked (after a
 * confirmation), and its link then stops working.
 */
export function InvitationsTable({
  reviewId,
  invitations,
  agencies,
  onChanged,
}: {
  reviewId: string;
  invitations: readonly SentInvitation[];
  agencies: readonly AgencyView[];
  onChanged(): Promise<void>;
}) {
  const [confirming, setConfirming] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const question = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (confirming) question.current?.focus();
  }, [confirming]);

  const revoke = async (inv: SentInvitation) => {
    setBusy(true);
    setError(null);
    try {
      await apiRequest('POST', `/api/reviews/${encodeURIComponent(reviewId)}/invitations/${encodeURIComponent(inv.id)}/revoke`, { body: {} });
      setMessage(`The invitation for ${inv.email} has been revoked. Its link no longer works.`);
      setConfirming(null);
      await onChanged();
      document.getElementById('invitations-heading')?.focus();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="invitations-heading">
      <h3 id="invitations-heading" tabIndex={-1}>
        Sent invitations
      </h3>
      <div aria-live="polite" className="live-line">
        {message}
      </div>
      {invitations.length === 0 ? (
        <p>No invitations have been sent yet. Use the form below to invite someone; their invitation appears here.</p>
      ) : (
        <TableWrap label="Sent invitations table">
          <table className="table">
            <caption className="table__caption">Invitations sent for this review</caption>
            <thead>
              <tr>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">Sent</th>
                <th scope="col">State</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {invitations.map((inv) => {
                const agency = inv.agencyId ? agencies.find((a) => a.id === inv.agencyId) : undefined;
                return (
                  <tr key={inv.id}>
                    <th scope="row" className="break">
                      {inv.email}
                    </th>
                    <td>
                      {ROLE_LABELS[inv.role]}
                      {agency && (
                        <>
                          {' '}
                          for <AgencyTag shortCode={agency.shortCode} colour={agency.colour} name={agency.name} />
                        </>
                      )}
                    </td>
                    <td>{dayOf(inv.sentAt)}</td>
                    <td>
                      {STATE_LABELS[inv.state]}
                      {inv.state === 'pending' && <span className="aka">Link valid until {dayOf(inv.expiresAt)}</span>}
                    </td>
                    <td>
                      {inv.state !== 'pending' ? null : confirming === inv.id ? (
                        <div className="inline-form">
                          <p id={`revoke-q-${inv.id}`} ref={question} tabIndex={-1}>
                            <strong>Revoke the invitation for {inv.email}?</strong> Its link stops working at once. You can send a new invitation later.
                          </p>
                          {error && (
                            <p className="field__error" role="alert">
                              <span className="visually-hidden">Error: </span>
                              {error}
                            </p>
                          )}
                          <div className="button-row">
                            <button type="button" className="button button--warning button--small" disabled={busy} onClick={() => void revoke(inv)}>
                              Yes, revoke<span className="visually-hidden"> the invitation for {inv.email}</span>
                            </button>
                            <button
                              type="button"
                              className="button button--secondary button--small"
                              onClick={() => {
                                setConfirming(null);
                                setError(null);
                                requestAnimationFrame(() => document.getElementById(`revoke-${inv.id}`)?.focus());
                              }}
                            >
                              Keep it<span className="visually-hidden"> (the invitation for {inv.email})</span>
                            </button>
                          </div>
                        </div>
                      ) : (
                        <button
                          type="button"
                          id={`revoke-${inv.id}`}
                          className="button button--secondary button--small"
                          onClick={() => {
                            setMessage(null);
                            setError(null);
                            setConfirming(inv.id);
                          }}
                        >
                          Revoke<span className="visually-hidden"> the invitation for {inv.email}</span>
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}
