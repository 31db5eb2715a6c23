import { useEffect, useState, type FormEvent } from 'react';
import { errorMessage } from '../api/client.js';
import { ErrorSummary, type FormError } from '../components/ErrorSummary.js';
import { TextField } from '../components/TextField.js';
import { saveSetup, type WorkshopView } from './api.js';
import { AgendaEditor, LessonsEditor, PhasesEditor } from './SetupLists.js';
import { QuestionsEditor } from './QuestionsEditor.js';
import { formFromSetup, isDirty, lockedItems, minimumK, setupFromForm, type SetupForm as Form } from './setupForm.js';
import { KeyThemeLessons } from './KeyThemeLessons.js';

/** Focuses an element by id after the next render (a new row's first field, or the list's Add button). */
function useFocusAfterRender(): (id: string) => void {
  const [target, setTarget] = useState<string | null>(null);
  useEffect(() => {
    if (!target) return;
    document.getElementById(target)?.focus();
    setTarget(null);
  }, [target]);
  return setTarget;
}

/**
 * The lead reviewer's set-up: date and time, the agenda (Document 18), timeline phases, numbered
 * proposed lessons, the worksheet questions (Document 18a) and the anonymity threshold k. Once any
 * response exists, k can only go up and nothing answers hang from can be removed.
 */
export function SetupForm({ reviewId, workshop, open, onSaved }: { reviewId: string; workshop: WorkshopView; open: boolean; onSaved(updated: WorkshopView): void }) {
  const saved = workshop.setup;
  const savedKey = JSON.stringify(saved);
  const [form, setForm] = useState<Form>(() => formFromSetup(saved));
  // A newly saved set-up (here or by a reload) becomes the form's starting point.
  useEffect(() => setForm(formFromSetup(JSON.parse(savedKey))), [savedKey]);
  const [errors, setErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const focusLater = useFocusAfterRender();
  const locked = lockedItems(saved, workshop.responsesExist);
  const minK = minimumK(saved, workshop.responsesExist);
  const errorFor = (id: string) => errors.find((e) => e.fieldId === id)?.message;
  const change = (patch: Partial<Form>) => setForm((f) => ({ ...f, ...patch }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setAttempt((n) => n + 1);
    setStatus('');
    const result = setupFromForm(form, saved, workshop.responsesExist);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setBusy(true);
    try {
      const updated = await saveSetup(reviewId, workshop.id, result.setup);
      setErrors([]);
      setStatus('Set-up saved.');
      onSaved(updated);
    } catch (err) {
      setErrors([{ fieldId: null, message: errorMessage(err) }]);
    } finally {
      setBusy(false);
    }
  };

  const dirty = isDirty(form, saved);
  return (
    <details className="ws-details ws-setup" open={open || undefined}>
      <summary>{open ? 'Workshop set-up' : 'Edit the set-up'}</summary>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <ErrorSummary errors={errors} focusKey={attempt} />
        <fieldset className="fieldset">
          <legend className="fieldset__legend">Date and time</legend>
          <div className="date-range">
            <TextField
              id="setup-date"
              label="Date"
              hint="DD/MM/YYYY"
              value={form.date}
              onChange={(date) => change({ date })}
              error={errorFor('setup-date')}
              className="input--date"
              inputMode="numeric"
              autoComplete="off"
            />
            <TextField
              id="setup-time"
              label="Start time"
              hint="HH:MM, 24-hour"
              value={form.startTime}
              onChange={(startTime) => change({ startTime })}
              error={errorFor('setup-time')}
              className="input--date"
              autoComplete="off"
            />
          </div>
        </fieldset>
        <AgendaEditor items={form.agenda} onChange={(agenda) => change({ agenda })} errorFor={errorFor} focusLater={focusLater} />
        <PhasesEditor items={form.phases} onChange={(phases) => change({ phases })} errorFor={errorFor} focusLater={focusLater} locked={locked.ids} />
        <LessonsEditor items={form.lessons} onChange={(lessons) => change({ lessons })} errorFor={errorFor} focusLater={focusLater} locked={locked.ids} />
        <KeyThemeLessons
          reviewId={reviewId}
          lessons={form.lessons}
          onAdd={(added) => {
            change({ lessons: [...form.lessons, ...added] });
            focusLater(`lesson-${form.lessons.length}`);
          }}
        />
        <QuestionsEditor form={form} change={change} errorFor={errorFor} focusLater={focusLater} locked={locked} />
        <fieldset className="fieldset">
          <legend className="fieldset__legend">Anonymity</legend>
          <TextField
            id="setup-k"
            label="Anonymity threshold (k)"
            inputMode="numeric"
            className="input--date"
            value={form.k}
            onChange={(k) => change({ k })}
            error={errorFor('setup-k')}
            autoComplete="off"
            hint={
              workshop.responsesExist
                ? `Answers to a question are shown only once at least this many have arrived. Responses exist, so it can only stay at ${minK} or go up.`
                : 'Answers to a question are shown only once at least this many have arrived. At least 3.'
            }
          />
        </fieldset>
        <div className="button-row">
          <button type="submit" className="button" aria-disabled={busy || undefined}>
            Save the set-up
          </button>
          {dirty && <span className="muted">You have unsaved changes.</span>}
        </div>
        <p role="status" className="live-line">
          {status}
        </p>
      </form>
    </details>
  );
}
