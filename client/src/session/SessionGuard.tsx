import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { errorMessage } from '../api/client.js';
import { ErrorSummary, type FormError } from '../components/ErrorSummary.js';
import { TextField } from '../components/TextField.js';
import type { Me } from '../api/schemas.js';
import { useSession } from './sessionContext.js';
import { idleSchedule, shouldKeepAlive } from './idleSchedule.js';

/** The idle timeout assumed when the server does not say (its default, SESSION_IDLE_MINUTES = 30). */
const DEFAULT_IDLE_SECONDS = 30 * 60;

/** How often the page checks whether to warn (the check is cheap; the warning needs no precision). */
const CHECK_EVERY_MS = 5_000;

/**
 * Keeps a signed-in page's work safe from the idle timeout. Typing, clicking and touching count as
 * activity and refresh the session (a request at most once a minute): edits to shared documents make no
 * HTTP request of their own. Two minutes before the session would end, a dialog offers to stay signed
 * in. If it ends anyway, the page stays as it is, with every unsaved form and every unsent edit (shared
 * documents also keep them in the browser), and a dialog asks to sign in again; the edits are sent once
 * it succeeds.
 */
export function SessionGuard({ me, expired }: { me: Me; expired: boolean }) {
  const { keepAlive, signOut } = useSession();
  const lastRefresh = useRef(Date.now());
  const [warning, setWarning] = useState(false);
  const idleMs = (me.session?.idleSeconds ?? DEFAULT_IDLE_SECONDS) * 1000;

  const refresh = async () => {
    lastRefresh.current = Date.now();
    setWarning(false);
    await keepAlive();
  };
  const refreshRef = useRef(refresh);
  refreshRef.current = refresh;

  useEffect(() => {
    if (expired) return undefined;
    const onActivity = () => {
      if (shouldKeepAlive(lastRefresh.current, Date.now())) void refreshRef.current();
    };
    const events = ['keydown', 'input', 'pointerdown'] as const;
    for (const e of events) document.addEventListener(e, onActivity, { capture: true, passive: true });
    const timer = window.setInterval(() => {
      const { warnAt, endsAt } = idleSchedule(lastRefresh.current, idleMs);
      const now = Date.now();
      // Past the end: ask the server, which marks the session expired if it has ended.
      if (now >= endsAt) void refreshRef.current();
      else setWarning(now >= warnAt);
    }, CHECK_EVERY_MS);
    return () => {
      for (const e of events) document.removeEventListener(e, onActivity, { capture: true });
      window.clearInterval(timer);
    };
  }, [expired, idleMs]);

  if (expired) return <SignInAgainDialog me={me} />;
  if (!warning) return null;
  return (
    <ModalDialog titleId="session-warning-title" title="You will be signed out soon">
      <p>You have not done anything for a while, so you will be signed out in about two minutes. Your work is kept either way.</p>
      <div className="button-row">
        <button type="button" className="button" data-autofocus onClick={() => void refresh()}>
          Stay signed in
        </button>
        <button type="button" className="button button--secondary" onClick={() => void signOut()}>
          Sign out now
        </button>
      </div>
    </ModalDialog>
  );
}

/** The sign-in form shown over the page when the session has ended. */
function SignInAgainDialog({ me }: { me: Me }) {
  const { signIn } = useSession();
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!password) {
      setErrors([{ fieldId: 'session-password', message: 'Enter your password' }]);
      setAttempt((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      await signIn(me.user.email, password);
    } catch (err) {
      setErrors([{ fieldId: 'session-password', message: errorMessage(err) }]);
      setAttempt((n) => n + 1);
      setBusy(false);
    }
  };
  return (
    <ModalDialog titleId="session-ended-title" title="Your session has ended">
      <p>Sign in again to carry on. Nothing you have typed is lost: it stays on this page, and changes are sent once you are signed in.</p>
      <ErrorSummary errors={errors} focusKey={attempt} />
      <form onSubmit={submit} noValidate>
        <p>
          <strong>Email address:</strong> {me.user.email}
        </p>
        <TextField id="session-password" label="Password" type="password" autoComplete="current-password" value={password} onChange={setPassword} error={errors[0]?.message} />
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </ModalDialog>
  );
}

/**
 * A modal dialog without a close button (it closes when its question is answered): the native <dialog>
 * traps focus and hides the page from assistive technology, and Escape is ignored.
 */
function ModalDialog({ title, titleId, children }: { title: string; titleId: string; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return undefined;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    (dialog.querySelector<HTMLElement>('input, [data-autofocus]') ?? dialog).focus();
    const cancel = (e: Event) => e.preventDefault();
    dialog.addEventListener('cancel', cancel);
    return () => {
      dialog.removeEventListener('cancel', cancel);
      if (dialog.open) dialog.close();
      // Back to where the person was typing.
      if (opener?.isConnected) opener.focus();
    };
  }, []);
  return (
    <dialog ref={ref} className="side-panel session-dialog" aria-labelledby={titleId}>
      <div className="side-panel__header">
        <h2 id={titleId} className="side-panel__title">
          {title}
        </h2>
      </div>
      <div className="side-panel__body">{children}</div>
    </dialog>
  );
}
