import { useState, type FormEvent } from 'react';
import { ROLE_LABELS } from '../../../shared/roles.js';
import { MAX_PASSWORD_CHARS, MIN_PASSWORD_CHARS, MAX_LABEL_CHARS } from '../../../shared/limits.js';
import { apiRequest } from '../api/client.js';
import { ApiRequestError } from '../api/ApiRequestError.js';
import { InvitationAcceptedSchema, InvitationViewSchema } from '../api/schemas.js';
import { ErrorSummary, type FormError } from '../components/ErrorSummary.js';
import { LoadingMessage } from '../components/LoadingMessage.js';
import { Notice } from '../components/Notice.js';
import { TextField } from '../components/TextField.js';
import { useApiData } from '../hooks/useApiData.js';
import { usePageTitle } from '../hooks/usePageTitle.js';
import { formErrorsFromApi } from '../lib/apiErrors.js';
import { Link } from '../router/Link.js';
import { navigate } from '../router/navigation.js';
import { useSession } from '../session/sessionContext.js';

const IDS = { name: 'invite-name', password: 'invite-password', confirm: 'invite-confirm' } as const;

/**
 * Accepting an invitation link: the invitee sets their name and password and joins the review, then is
 * signed in with them and taken to the review. Someone who already has an account with the invited
 * email gives that account's password instead (the server checks it, so a leaked link cannot take an
 * account over).
 */
export function AcceptInvitationPage({ token }: { token: string }) {
  usePageTitle('Accept your invitation');
  const { signIn } = useSession();
  const invitation = useApiData(`/api/invitations/${encodeURIComponent(token)}`, InvitationViewSchema);
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  /** Set once the server accepted; the review to open, if signing in afterwards did not work. */
  const [joined, setJoined] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!invitation.data) return;
    const found: FormError[] = [];
    if (!name.trim()) found.push({ fieldId: IDS.name, message: 'Enter your full name' });
    else if (name.trim().length > MAX_LABEL_CHARS) found.push({ fieldId: IDS.name, message: `Name must be ${MAX_LABEL_CHARS} characters or fewer` });
    if (password.length < MIN_PASSWORD_CHARS) found.push({ fieldId: IDS.password, message: `Password must be at least ${MIN_PASSWORD_CHARS} characters` });
    else if (password.length > MAX_PASSWORD_CHARS) found.push({ fieldId: IDS.password, message: `Password must be ${MAX_PASSWORD_CHARS} characters or fewer` });
    if (confirm !== password) found.push({ fieldId: IDS.confirm, message: 'The passwords do not match' });
    setErrors(found);
    setAttempt((n) => n + 1);
    if (found.length > 0) return;
    setBusy(true);
    let reviewId: string;
    try {
      ({ reviewId } = await apiRequest('POST', `/api/invitations/${encodeURIComponent(token)}/accept`, {
        body: { name: name.trim(), password },
        schema: InvitationAcceptedSchema,
        skipUnauthorisedHandler: true,
      }));
    } catch (err) {
      // The server answers a wrong password here exactly as sign-in does; only an email that already has
      // an account can get that answer, so the page can say what to do.
      if (err instanceof ApiRequestError && err.code === 'bad-credentials') {
        setErrors([{ fieldId: IDS.password, message: 'An account with this email already exists. Enter that account\u2019s password to join the review.' }]);
      } else {
        setErrors(formErrorsFromApi(err, { name: IDS.name, password: IDS.password }, { name: 'Name', password: 'Password' }, IDS.name));
      }
      setAttempt((n) => n + 1);
      setBusy(false);
      return;
    }
    const target = `/reviews/${encodeURIComponent(reviewId)}/overview`;
    try {
      await signIn(invitation.data.email, password);
      navigate(target, { replace: true });
    } catch {
      // The membership exists; only the automatic sign-in failed (for example, throttled). Say so plainly.
      setJoined(target);
      setBusy(false);
    }
  };

  const error = (id: string) => errors.find((x) => x.fieldId === id)?.message;
  return (
    <div className="narrow">
      <h1>Accept your invitation</h1>
      {invitation.loading && !invitation.data && !joined && <LoadingMessage text="Checking your invitation…" />}
      {invitation.error && !joined && (
        <Notice tone="error" role="alert" title="This invitation cannot be used">
          <p>{invitation.error}</p>
          <p>Invitation links work once and expire after 7 days. Ask your lead reviewer for a new link.</p>
        </Notice>
      )}
      {joined && (
        <Notice tone="success" role="status" title="You have joined the review">
          <p>
            <Link to={`/sign-in?next=${encodeURIComponent(joined)}`}>Sign in to open the review</Link>
          </p>
        </Notice>
      )}
      {invitation.data && !joined && (
        <>
          <p>
            You have been invited to <strong>{invitation.data.reviewTitle}</strong> as <strong>{ROLE_LABELS[invitation.data.role].toLowerCase()}</strong>.
          </p>
          <dl className="summary-list">
            <div>
              <dt>Your email address</dt>
              <dd>{invitation.data.email}</dd>
            </div>
          </dl>
          <ErrorSummary errors={errors} focusKey={attempt} />
          <form onSubmit={submit} noValidate>
            <TextField
              id={IDS.name}
              label="Your full name"
              hint="Colleagues in the review will see this name."
              autoComplete="name"
              value={name}
              onChange={setName}
              error={error(IDS.name)}
            />
            <TextField
              id={IDS.password}
              label="Create a password"
              type="password"
              autoComplete="new-password"
              hint={`At least ${MIN_PASSWORD_CHARS} characters. A few unrelated words make a strong password. If you already have a Review Room account with this email address, enter that account's password.`}
              value={password}
              onChange={setPassword}
              error={error(IDS.password)}
            />
            <TextField
              id={IDS.confirm}
              label="Type the password again"
              type="password"
              autoComplete="new-password"
              value={confirm}
              onChange={setConfirm}
              error={error(IDS.confirm)}
            />
            <button type="submit" className="button" disabled={busy}>
              {busy ? 'Joining…' : 'Accept and join the review'}
            </button>
          </form>
        </>
      )}
      {!joined && (
        <p className="hint-text">
          Already have an account? <Link to="/sign-in">Sign in</Link>
        </p>
      )}
    </div>
  );
}
