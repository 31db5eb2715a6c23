import { useState, type FormEvent } from 'react';
import { ErrorSummary, type FormError } from '../components/ErrorSummary.js';
import { TextField } from '../components/TextField.js';
import { normaliseCode } from './joinStorage.js';

/** The first step: type the short code the lead reviewer shared. No name, no account. */
export function CodeForm({ serverError, onJoin, busy = false }: { serverError: string | null; onJoin(code: string): void; busy?: boolean }) {
  const [code, setCode] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const error = localError ?? serverError;
  const errors: FormError[] = error ? [{ fieldId: 'join-code', message: error }] : [];

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setAttempt((n) => n + 1);
    const normalised = normaliseCode(code);
    if (!normalised) {
      setLocalError('Enter the 6-character workshop code the lead reviewer gave you, for example K7M3QP.');
      return;
    }
    setLocalError(null);
    onJoin(normalised);
  };

  return (
    <div className="narrow">
      <h1 data-step-focus tabIndex={-1}>
        Join the Reflective Learning Workshop
      </h1>
      <p>You do not need to sign in, and you will not be asked for your name.</p>
      <p>
        <strong>If the lead reviewer sent you a personal invitation link, open that link instead.</strong> It gives this browser an anonymous pass, so that your answers count once,
        as one person.
      </p>
      <h2>Join with the workshop code only (lower assurance)</h2>
      <p>
        Only if you have no invitation, and the lead reviewer has allowed it. The code cannot tell one person from another, so answers sent this way count less towards the number
        needed before anyone sees them.
      </p>
      <ErrorSummary errors={errors} focusKey={attempt + (serverError ? 1000 : 0)} />
      <form onSubmit={submit} noValidate>
        <TextField
          id="join-code"
          label="Workshop code"
          hint="6 letters and numbers, from the lead reviewer's invitation."
          value={code}
          onChange={setCode}
          error={error ?? undefined}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          className="input--short input--mono"
          maxLength={12}
        />
        <button type="submit" className="button" aria-disabled={busy || undefined}>
          Join with the code
        </button>
        <p role="status" className="muted">
          {busy ? 'Checking the code…' : ''}
        </p>
      </form>
    </div>
  );
}
