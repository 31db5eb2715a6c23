import { useState, type FormEvent } from 'react';
import { parseUkDate } from '../../../shared/dates.js';
import { errorMessage } from '../api/client.js';
import { DateField } from '../components/DateField.js';
import { ErrorSummary, type FormError } from '../components/ErrorSummary.js';
import { createWorkshop } from './api.js';

/** Creates a workshop on a date; the agenda and worksheets come prefilled from Documents 18 and 18a. */
export function CreateWorkshopForm({ reviewId, onCreated, first = false }: { reviewId: string; onCreated(id: string): Promise<void>; first?: boolean }) {
  const [date, setDate] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const id = first ? 'workshop-date' : 'workshop-date-another';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setAttempt((n) => n + 1);
    const iso = parseUkDate(date);
    if (!iso) {
      setErrors([{ fieldId: id, message: 'Enter the date of the workshop as DD/MM/YYYY, for example 01/12/2026' }]);
      return;
    }
    setBusy(true);
    try {
      const created = await createWorkshop(reviewId, iso);
      setErrors([]);
      setDate('');
      await onCreated(created.id);
    } catch (err) {
      setErrors([{ fieldId: id, message: errorMessage(err) }]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="panel" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{first ? 'Set up the workshop' : 'Another workshop'}</h3>
      <p>The agenda and worksheet questions are filled in from the toolkit (Documents 18 and 18a). You can change them next.</p>
      <ErrorSummary errors={errors} focusKey={attempt} />
      <DateField id={id} label="Date of the workshop" value={date} onChange={setDate} error={errors.find((x) => x.fieldId === id)?.message} />
      <button type="submit" className="button" aria-disabled={busy || undefined}>
        Create workshop
      </button>
    </form>
  );
}
