import { useState, type FormEvent } from 'react';
import { ROLES, ROLE_LABELS, type Role } from '../../../shared/roles.js';
import { apiRequest, errorMessage } from '../api/client.js';
import type { AgencyView, Member } from '../api/schemas.js';
import { SelectField } from '../components/SelectField.js';

/** An inline form that changes one member's role (and agency, for agency authors). */
export function RoleChangeForm({
  reviewId,
  member,
  agencies,
  onCancel,
  onSaved,
}: {
  reviewId: string;
  member: Member;
  agencies: readonly AgencyView[];
  onCancel(): void;
  onSaved(message: string): Promise<void>;
}) {
  const [role, setRole] = useState<Role>(member.role);
  const [agencyId, setAgencyId] = useState(member.agencyId ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const base = `role-${member.id}`;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (role === 'agency-author' && !agencyId) {
      setError('Select the agency this author writes for');
      return;
    }
    setBusy(true);
    try {
      await apiRequest('PATCH', `/api/reviews/${encodeURIComponent(reviewId)}/members/${encodeURIComponent(member.id)}`, {
        body: { role, agencyId: role === 'agency-author' ? agencyId : null },
      });
      await onSaved(`${member.name} is now ${ROLE_LABELS[role].toLowerCase()}.`);
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  };

  return (
    <form className="inline-form" onSubmit={submit} noValidate aria-label={`Change role for ${member.name}`}>
      <SelectField
        id={`${base}-role`}
        label={`New role for ${member.name}`}
        value={role}
        onChange={(v) => setRole(v as Role)}
        options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
        autoFocus
      />
      {role === 'agency-author' && (
        <SelectField
          id={`${base}-agency`}
          label="Agency"
          value={agencyId}
          onChange={setAgencyId}
          options={[{ value: '', label: 'Select an agency' }, ...agencies.map((a) => ({ value: a.id, label: `${a.shortCode} – ${a.name}` }))]}
        />
      )}
      {error && (
        <p className="field__error" role="alert">
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="button button--small" disabled={busy}>
          Save role
        </button>
        <button type="button" className="button button--secondary button--small" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
