import { useEffect, useState, type FormEvent } from 'react';
import { errorMessage } from '../api/client.js';
import { ErrorSummary, type FormError } from '../components/ErrorSummary.js';
import { Notice } from '../components/Notice.js';
import { TextField } from '../components/TextField.js';
import { usePageTitle } from '../hooks/usePageTitle.js';
import { safeNextPath } from '../router/matchPath.js';
import { navigate, useLocation } from '../router/navigation.js';
import { useSession } from '../session/sessionContext.js';

/** The sign-in page; after signing in it returns to the page the person was trying to reach. */
export function SignInPage() {
  usePageTitle('Sign in');
  const { state, signIn } = useSession();
  const { search } = useLocation();
  const next = safeNextPath(new URLSearchParams(search).get('next'));
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (state.status === 'signed-in') navigate(next, { replace: true });
  }, [state.status, next]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found: FormError[] = [];
    if (!email.trim()) found.push({ fieldId: 'sign-in-email', message: 'Enter your email address' });
    if (!password) found.push({ fieldId: 'sign-in-password', message: 'Enter your password' });
    setErrors(found);
    setAttempt((n) => n + 1);
    if (found.length > 0) return;
    setBusy(true);
    try {
      await signIn(email.trim(), password);
    } catch (err) {
      setErrors([{ fieldId: 'sign-in-email', message: errorMessage(err) }]);
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };

  const fieldError = (id: string) => errors.find((x) => x.fieldId === id)?.message;
  return (
    <div className="narrow">
      <h1>Sign in</h1>
      {state.status === 'signed-out' && state.notice && <Notice role="status">{state.notice}</Notice>}
      <ErrorSummary errors={errors} focusKey={attempt} />
      <form onSubmit={submit} noValidate>
        <TextField
          id="sign-in-email"
          label="Email address"
          type="email"
          autoComplete="username"
          spellCheck={false}
          value={email}
          onChange={setEmail}
          error={fieldError('sign-in-email')}
        />
        <TextField
          id="sign-in-password"
          label="Password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          error={fieldError('sign-in-password')}
        />
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <p className="hint-text">New to a review? Use the invitation link your lead reviewer gave you.</p>
    </div>
  );
}
