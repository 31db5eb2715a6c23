import { useCallback, useState } from 'react';
import { ApiRequestError } from '../api/ApiRequestError.js';
import type { FormError } from '../components/ErrorSummary.js';
import { lifecycleFormErrors } from './formErrors.js';
import { savedAt, type SaveState } from './SaveStatus.js';

/**
 * The save cycle every lifecycle form shares: client-side problems first, then the request; a 409
 * version conflict becomes the "someone else saved first" notice, other refusals the error summary.
 */
export function useLifecycleForm(idPrefix: string, stripPrefix: string) {
  const [errors, setErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });

  const run = useCallback(
    async (problems: FormError[], request: () => Promise<void>) => {
      setErrors(problems);
      setAttempt((a) => a + 1);
      if (problems.length > 0) {
        setSave({ kind: 'idle' });
        return false;
      }
      setSave({ kind: 'saving' });
      try {
        await request();
        setSave({ kind: 'saved', at: savedAt() });
        return true;
      } catch (err) {
        if (err instanceof ApiRequestError && err.status === 409) {
          setSave({ kind: 'conflict', message: err.message });
        } else {
          setSave({ kind: 'idle' });
          setErrors(lifecycleFormErrors(err, idPrefix, stripPrefix));
          setAttempt((a) => a + 1);
        }
        return false;
      }
    },
    [idPrefix, stripPrefix],
  );

  const errorFor = useCallback((id: string) => errors.find((e) => e.fieldId === id)?.message, [errors]);
  return { errors, attempt, save, setSave, run, errorFor };
}
