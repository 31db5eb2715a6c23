import type { ReactNode } from 'react';

/** One choice of a CheckboxGroup, with an optional note shown under its label. */
export type CheckboxChoice = { id: string; label: string; note?: string | null };

/**
 * A fieldset of checkboxes with a legend, hint and error. The fieldset carries `id` and can take focus,
 * so an error summary link lands on the group.
 */
export function CheckboxGroup({
  id,
  legend,
  hint,
  error,
  choices,
  checked,
  onToggle,
  empty,
}: {
  id: string;
  legend: string;
  hint?: string;
  error?: string;
  choices: readonly CheckboxChoice[];
  checked: readonly string[];
  onToggle(choiceId: string): void;
  /** Shown instead of the checkboxes when there is nothing to choose. */
  empty?: ReactNode;
}) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <fieldset className="fieldset" id={id} tabIndex={-1} aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}>
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
        {choices.length === 0 ? (
          empty
        ) : (
          <ul className="plain-list report-choices">
            {choices.map((c, i) => {
              const boxId = `${id}-${i}`;
              return (
                <li className="checkbox" key={c.id}>
                  <input
                    id={boxId}
                    type="checkbox"
                    className="checkbox__input"
                    checked={checked.includes(c.id)}
                    onChange={() => onToggle(c.id)}
                    aria-describedby={c.note ? `${boxId}-note` : undefined}
                  />
                  <label htmlFor={boxId} className="checkbox__label">
                    {c.label}
                  </label>
                  {c.note && (
                    <p className="checkbox__hint" id={`${boxId}-note`}>
                      {c.note}
                    </p>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </fieldset>
    </div>
  );
}
