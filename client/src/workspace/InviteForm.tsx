import { useState, type FormEvent } from 'react';
import { ROLES, ROLE_LABELS, type Role } from '../../../shared/roles.js';
import { apiRequest } from '../api/client.js';
import { InvitationCreatedSchema, type AgencyView } from '../api/schemas.js';
import { ErrorSummary, type FormError } from '../components/ErrorSummary.js';
import { SelectField } from '../components/SelectField.js';
import { TextField } from '../components/TextField.js';
import { formErrorsFromApi } from '../lib/apiErrors.js';

const IDS = { email: 'invite-email', role: 'invite-role', agencyId: 'invite-agency' } as const;
const LABELS = { email: 'Email address', role: 'Role', agencyId: 'Agency' };

/** A just-created invitation: its id in the sent list, its one-time link and the invitee's email. */
export type NewInvitation = { id: string; url: string; email: string };

/** The lead reviewer's form to invite someone by email with a role (and an agency for agency authors). */
export function InviteForm({ reviewId, agencies, onInvited }: { reviewId: string; agencies: readonly AgencyView[]; onInvited(invite: NewInvitation): void }) {
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role | ''>('');
  const [agencyId, setAgencyId] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found: FormError[] = [];
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) found.push({ fieldId: IDS.email, message: 'Enter an email address in the correct format, like name@example.org' });
    if (!role) found.push({ fieldId: IDS.role, message: 'Select a role' });
    if (role === 'agency-author' && !agencyId) found.push({ fieldId: IDS.agencyId, message: 'Select the agency this author writes for' });
    setErrors(found);
    setAttempt((n) => n + 1);
    if (found.length > 0 || !role) return;
    setBusy(true);
    try {
      const body = { email: email.trim(), role, ...(role === 'agency-author' ? { agencyId } : {}) };
      const res = await apiRequest('POST', `/api/reviews/${encodeURIComponent(reviewId)}/invitations`, { body, schema: InvitationCreatedSchema });
      onInvited({ id: res.id, url: new URL(res.inviteUrl, window.location.origin).href, email: email.trim() });
      setEmail('');
      setRole('');
      setAgencyId('');
    } catch (err) {
      setErrors(formErrorsFromApi(err, IDS, LABELS, IDS.email, { 'already-member': 'email' }));
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };

  const error = (id: string) => errors.find((x) => x.fieldId === id)?.message;
  return (
    <section className="panel" aria-labelledby="invite-heading">
      <h3 id="invite-heading">Invite someone</h3>
      <p>The app makes a single-use link that expires after 7 days. Send it to the person yourself, for example by secure email.</p>
      <ErrorSummary errors={errors} focusKey={attempt} />
      <form onSubmit={submit} noValidate>
        <TextField id={IDS.email} label="Email address" type="email" autoComplete="off" spellCheck={false} value={email} onChange={setEmail} error={error(IDS.email)} />
        <SelectField
          id={IDS.role}
          label="Role"
          value={role}
          onChange={(v) => setRole(v as Role | '')}
          error={error(IDS.role)}
          options={[{ value: '', label: 'Select a role' }, ...ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))]}
        />
        {role === 'agency-author' &&
          (agencies.length === 0 ? (
            <p className="field__error" id={IDS.agencyId} tabIndex={-1}>
              Add the agency first, on the Agencies page.
            </p>
          ) : (
            <SelectField
              id={IDS.agencyId}
              label="Agency"
              hint="An agency author writes that agency's chronology."
              value={agencyId}
              onChange={setAgencyId}
              error={error(IDS.agencyId)}
              options={[{ value: '', label: 'Select an agency' }, ...agencies.map((a) => ({ value: a.id, label: `${a.shortCode} – ${a.name}` }))]}
            />
          ))}
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Creating link…' : 'Create invitation link'}
        </button>
      </form>
    </section>
  );
}
