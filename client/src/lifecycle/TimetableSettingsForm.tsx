import { useEffect, useState, type FormEvent } from 'react';
import { apiRequest } from '../api/client.js';
import { ErrorSummary, type FormError } from '../components/ErrorSummary.js';
import { TextField } from '../components/TextField.js';
import { useApiData } from '../hooks/useApiData.js';
import { lifecycleFormErrors } from './formErrors.js';
import { SettingsSchema } from './lifecycleSchemas.js';
import { SaveStatus, savedAt, type SaveState } from './SaveStatus.js';

const FIELDS = [
  { key: 'scopingDays', label: 'Scoping requests sent within', hint: 'Regional toolkit: 2 working days' },
  { key: 'returnsDays', label: 'Agency returns due within', hint: 'Regional toolkit: 5 working days' },
  { key: 'meetingFromDay', label: 'Meeting window opens on working day', hint: 'Regional toolkit: 7; Lewisham: 9' },
  { key: 'meetingToDay', label: 'Meeting window closes on working day', hint: 'Regional toolkit: 13; Lewisham: 11' },
] as const;

type Key = (typeof FIELDS)[number]['key'];

/**
 * The partnership's Rapid Review timetable, for partnership admins. The 15 working days to the
 * National Panel are statutory and not configurable; the steps inside them are.
 */
export function TimetableSettingsForm() {
  const settings = useApiData('/api/lifecycle/settings', SettingsSchema);
  const [values, setValues] = useState<Record<Key, string>>({ scopingDays: '', returnsDays: '', meetingFromDay: '', meetingToDay: '' });
  const [errors, setErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });

  useEffect(() => {
    const r = settings.data?.rapidReview;
    if (r) setValues({ scopingDays: String(r.scopingDays), returnsDays: String(r.returnsDays), meetingFromDay: String(r.meetingFromDay), meetingToDay: String(r.meetingToDay) });
  }, [settings.data]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found: FormError[] = [];
    const body: Record<string, number> = {};
    for (const f of FIELDS) {
      const n = Number(values[f.key].trim());
      if (!/^\d{1,2}$/.test(values[f.key].trim()) || n < 1 || n > 15)
        found.push({ fieldId: `tt-rapidReview-${f.key}`, message: `${f.label}: enter a whole number of working days from 1 to 15` });
      body[f.key] = n;
    }
    setErrors(found);
    setAttempt((a) => a + 1);
    if (found.length > 0) return;
    setSave({ kind: 'saving' });
    try {
      await apiRequest('PUT', '/api/lifecycle/settings', { body: { rapidReview: body } });
      setSave({ kind: 'saved', at: savedAt() });
    } catch (err) {
      setSave({ kind: 'idle' });
      setErrors(lifecycleFormErrors(err, 'tt'));
      setAttempt((a) => a + 1);
    }
  };

  const error = (key: Key) => errors.find((x) => x.fieldId === `tt-rapidReview-${key}`)?.message;
  return (
    <details className="panel settings-panel">
      <summary>
        <span className="settings-panel__summary">Partnership settings: Rapid Review timetable</span>
      </summary>
      <p>
        Working days are counted from the referral or notification date. The whole Rapid Review must reach the National Panel within {settings.data?.statutoryWorkingDays ?? 15}{' '}
        working days; that limit cannot be changed.
      </p>
      <ErrorSummary errors={errors} focusKey={attempt} />
      <form onSubmit={submit} noValidate>
        <div className="timetable-fields">
          {FIELDS.map((f) => (
            <TextField
              key={f.key}
              id={`tt-rapidReview-${f.key}`}
              label={f.label}
              hint={f.hint}
              inputMode="numeric"
              className="input--short"
              value={values[f.key]}
              onChange={(v) => setValues((x) => ({ ...x, [f.key]: v }))}
              error={error(f.key)}
              autoComplete="off"
            />
          ))}
        </div>
        <button type="submit" className="button" disabled={save.kind === 'saving'}>
          Save the timetable
        </button>
        <SaveStatus state={save} onReload={() => void settings.reload()} />
      </form>
    </details>
  );
}
