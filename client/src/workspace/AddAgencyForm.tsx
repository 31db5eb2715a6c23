import { useState, type FormEvent } from 'react';
import { AGENCY_PALETTE, nextAgencyColour } from '../../../shared/palette.js';
import { PARTNER_TYPE_LABELS, PartnerTypeSchema, type PartnerType } from '../../../shared/schemas/records.js';
import { MAX_LABEL_CHARS } from '../../../shared/limits.js';
import { apiRequest } from '../api/client.js';
import { CreatedSchema } from '../api/schemas.js';
import { ErrorSummary, type FormError } from '../components/ErrorSummary.js';
import { Notice } from '../components/Notice.js';
import { SelectField } from '../components/SelectField.js';
import { TextField } from '../components/TextField.js';
import { formErrorsFromApi } from '../lib/apiErrors.js';

const IDS = { name: 'agency-name', shortCode: 'agency-code', partnerType: 'agency-type', colour: 'agency-colour' } as const;
const LABELS = { name: 'Agency name', shortCode: 'Short code', partnerType: 'Partner type', colour: 'Colour' };

/** Adds an agency to the review: name, short code, partner type, and a palette colour named in text. */
export function AddAgencyForm({ reviewId, usedColours, onAdded }: { reviewId: string; usedColours: readonly string[]; onAdded(): Promise<void> }) {
  const [name, setName] = useState('');
  const [shortCode, setShortCode] = useState('');
  const [partnerType, setPartnerType] = useState<PartnerType | ''>('');
  const [colour, setColour] = useState(() => nextAgencyColour(usedColours));
  const [errors, setErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [added, setAdded] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setAdded(null);
    const found: FormError[] = [];
    if (!name.trim()) found.push({ fieldId: IDS.name, message: 'Enter the agency name' });
    else if (name.trim().length > MAX_LABEL_CHARS) found.push({ fieldId: IDS.name, message: `Agency name must be ${MAX_LABEL_CHARS} characters or fewer` });
    if (!/^[A-Za-z0-9&]{1,8}$/.test(shortCode.trim())) {
      found.push({ fieldId: IDS.shortCode, message: 'Short code must be 1 to 8 letters, digits or &, for example CSC' });
    }
    if (!partnerType) found.push({ fieldId: IDS.partnerType, message: 'Select the partner type' });
    setErrors(found);
    setAttempt((n) => n + 1);
    if (found.length > 0) return;
    setBusy(true);
    try {
      await apiRequest('POST', `/api/reviews/${encodeURIComponent(reviewId)}/agencies`, {
        body: { name: name.trim(), shortCode: shortCode.trim(), partnerType, colour },
        schema: CreatedSchema,
      });
      const addedName = name.trim();
      await onAdded();
      setName('');
      setShortCode('');
      setPartnerType('');
      setColour(nextAgencyColour([...usedColours, colour]));
      setAdded(addedName);
    } catch (err) {
      setErrors(formErrorsFromApi(err, IDS, LABELS, IDS.name, { 'duplicate-short-code': 'shortCode' }));
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };

  const error = (id: string) => errors.find((x) => x.fieldId === id)?.message;
  return (
    <section className="panel" aria-labelledby="add-agency-heading">
      <h3 id="add-agency-heading">Add an agency</h3>
      <div aria-live="polite">{added && <Notice tone="success" title={`${added} was added`} />}</div>
      <ErrorSummary errors={errors} focusKey={attempt} />
      <form onSubmit={submit} noValidate>
        <TextField id={IDS.name} label="Agency name" hint="For example, Children's Social Care" value={name} onChange={setName} error={error(IDS.name)} autoComplete="off" />
        <TextField
          id={IDS.shortCode}
          label="Short code"
          hint="Up to 8 letters or digits, shown with the colour everywhere. For example, CSC"
          value={shortCode}
          onChange={setShortCode}
          error={error(IDS.shortCode)}
          autoComplete="off"
          className="input--short"
          spellCheck={false}
        />
        <SelectField
          id={IDS.partnerType}
          label="Partner type"
          value={partnerType}
          onChange={(v) => setPartnerType(v as PartnerType | '')}
          error={error(IDS.partnerType)}
          options={[{ value: '', label: 'Select a partner type' }, ...PartnerTypeSchema.options.map((p) => ({ value: p, label: PARTNER_TYPE_LABELS[p] }))]}
        />
        <fieldset className="fieldset">
          <legend className="fieldset__legend">Colour</legend>
          <p className="field__hint">Used to tell agencies apart in the chronology, always alongside the short code.</p>
          <div className="swatches">
            {AGENCY_PALETTE.map((c, i) => {
              const id = i === 0 ? IDS.colour : `${IDS.colour}-${i}`;
              const inUse = usedColours.includes(c.fill);
              return (
                <div className="swatch-option" key={c.fill}>
                  <input type="radio" className="swatch-option__input" id={id} name="agency-colour" value={c.fill} checked={colour === c.fill} onChange={() => setColour(c.fill)} />
                  <label htmlFor={id} className="swatch-option__label">
                    <span className="swatch" style={{ backgroundColor: c.fill }} aria-hidden="true" />
                    {c.name}
                    {inUse && <span className="muted"> (in use)</span>}
                  </label>
                </div>
              );
            })}
          </div>
        </fieldset>
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Adding…' : 'Add agency'}
        </button>
      </form>
    </section>
  );
}
