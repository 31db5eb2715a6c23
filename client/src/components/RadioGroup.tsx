/** One choice in a RadioGroup, with an optional hint. */
export type RadioOption = { value: string; label: string; hint?: string };

/** A fieldset of radio buttons with a legend, hint and error; the first radio carries `id` for error links. */
export function RadioGroup({
  id,
  name,
  legend,
  hint,
  error,
  value,
  onChange,
  options,
  inline,
}: {
  id: string;
  name: string;
  legend: string;
  hint?: string;
  error?: string;
  value: string;
  onChange(value: string): void;
  options: readonly RadioOption[];
  inline?: boolean;
}) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <fieldset className="fieldset" aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}>
        <legend className="fieldset__legend">{legend}</legend>
        {hint && (
          <p className="field__hint" id={hintId}>
            {hint}
          </p>
        )}
        {error && (
          <p className="field__error" id={errorId}>
            <span className="visually-hidden">Error: </span>
            {error}
          </p>
        )}
        <div className={`radios${inline ? ' radios--inline' : ''}`}>
          {options.map((o, i) => {
            const optionId = i === 0 ? id : `${id}-${o.value}`;
            return (
              <div className="radio" key={o.value}>
                <input
                  className="radio__input"
                  type="radio"
                  id={optionId}
                  name={name}
                  value={o.value}
                  checked={value === o.value}
                  onChange={() => onChange(o.value)}
                  aria-describedby={o.hint ? `${optionId}-hint` : undefined}
                />
                <label className="radio__label" htmlFor={optionId}>
                  {o.label}
                </label>
                {o.hint && (
                  <p className="radio__hint" id={`${optionId}-hint`}>
                    {o.hint}
                  </p>
                )}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
