import { useState, type FormEvent } from 'react';
import { ErrorSummary, type FormError } from '../components/ErrorSummary.js';
import { TextField } from '../components/TextField.js';
import { normaliseCode } from './joinStorage.js';

/** The first step: type the short code the lead reviewer shared. No name, no account. */
export function CodeForm({ serverError, onJoin }: { serverError: string | null; onJoin(code: string): void }) {
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
      <h1 data-step-focus tabIndex={-1}>Join the Reflective Learning Workshop</h1>
      <p>You do not need to sign in, and you will not be asked for your name.</p>
      <ErrorSummary errors={errors} focusKey={attempt + (serverError ? 1000 : 0)} />
      <form onSubmit={submit} noValidate>
        <TextField
          id="join-code" label="Workshop code" hint="6 letters and numbers, from the lead reviewer's invitation."
          value={code} onChange={setCode} error={error ?? undefined}
          autoComplete="off" autoCapitalize="characters" spellCheck={false} className="input--short input--mono" maxLength={12}
        />
        <button type="submit" className="button">Join</button>
      </form>
    </div>
  );
}
