import { useState, type FormEvent } from 'react';
import { DEFAULT_DUE_WORKING_DAYS, EVIDENCE_KINDS, EVIDENCE_KIND_LABELS, type EvidenceKind } from '../../../shared/evidence/index.js';
import { apiRequest, errorMessage } from '../api/client.js';
import { CheckboxField } from '../components/CheckboxField.js';
import { TextField } from '../components/TextField.js';
import { evidencePaths } from './evidenceApi.js';

/**
 * Sends requests from the terms of reference: which agencies, which evidence, and the working days
 * they have to answer (blank for each kind's default). An agency already asked keeps its request.
 */
export function SendRequestsForm({ reviewId, agencies, onSent }: { reviewId: string; agencies: readonly { id: string; name: string }[]; onSent(message: string): void }) {
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [kinds, setKinds] = useState<Set<EvidenceKind>>(new Set());
  const [days, setDays] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const toggle = <T,>(set: Set<T>, v: T) => {
    const n = new Set(set);
    if (n.has(v)) n.delete(v);
    else n.add(v);
    return n;
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError('');
    const workingDays = days.trim() === '' ? undefined : Number(days);
    if (picked.size === 0 || kinds.size === 0) return setError('Choose at least one agency and one kind of evidence.');
    if (workingDays !== undefined && (!Number.isInteger(workingDays) || workingDays < 1 || workingDays > 120))
      return setError('Working days must be a whole number from 1 to 120.');
    setBusy(true);
    try {
      const res = await apiRequest<{ created: unknown[]; existing: unknown[] }>('POST', evidencePaths.requests(reviewId), {
        body: { agencyIds: [...picked], kinds: [...kinds], ...(workingDays === undefined ? {} : { workingDays }) },
      });
      setPicked(new Set());
      setKinds(new Set());
      setDays('');
      onSent(`${res.created.length === 1 ? '1 request' : `${res.created.length} requests`} sent${res.existing.length ? `; ${res.existing.length} already existed` : ''}.`);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="panel" onSubmit={submit} noValidate aria-labelledby="send-requests-heading">
      <h3 id="send-requests-heading">Request evidence</h3>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      <fieldset className="fieldset">
        <legend className="fieldset__legend">Agencies</legend>
        {agencies.map((a) => (
          <CheckboxField key={a.id} id={`send-agency-${a.id}`} label={a.name} checked={picked.has(a.id)} onChange={() => setPicked(toggle(picked, a.id))} />
        ))}
      </fieldset>
      <fieldset className="fieldset">
        <legend className="fieldset__legend">Evidence</legend>
        {EVIDENCE_KINDS.map((k) => (
          <CheckboxField
            key={k}
            id={`send-kind-${k}`}
            label={`${EVIDENCE_KIND_LABELS[k]} (default ${DEFAULT_DUE_WORKING_DAYS[k]} working days)`}
            checked={kinds.has(k)}
            onChange={() => setKinds(toggle(kinds, k))}
          />
        ))}
      </fieldset>
      <TextField
        id="send-days"
        label="Working days to answer (optional)"
        hint="Leave blank for each kind’s default. Weekends and bank holidays are not counted."
        value={days}
        onChange={setDays}
        inputMode="numeric"
        className="input input--short"
      />
      <button type="submit" className="button" disabled={busy}>
        Send requests
      </button>
    </form>
  );
}
