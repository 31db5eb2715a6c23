import { useRef, type KeyboardEvent } from 'react';
import { choiceSummary } from './filterForm.js';

/** One choice of a MultiChoiceFilter. */
export type MultiChoiceOption<T extends string> = { value: T; label: string };

/**
 * A filter that takes several values, as a disclosure (<details>) holding a group of checkboxes: it
 * stays one line until opened, opens with Enter or Space on its summary, and closes with Escape,
 * which returns focus to the summary. The closed summary says what is chosen. Chosen values no longer
 * among the options (a person removed from the register, a pasted link) are still listed, so they can
 * be unticked.
 */
export function MultiChoiceFilter<T extends string>({
  id,
  label,
  anyText,
  plural,
  options,
  chosen,
  missingLabel,
  onChange,
}: {
  id: string;
  label: string;
  /** What the summary says when nothing is chosen ("Anyone"). */
  anyText: string;
  /** The plural noun for a count ("people"). */
  plural: string;
  options: readonly MultiChoiceOption<T>[];
  chosen: readonly T[];
  /** Label for a chosen value that is not among the options. */
  missingLabel: string;
  onChange(values: T[]): void;
}) {
  const details = useRef<HTMLDetailsElement>(null);
  const known = new Set(options.map((o) => o.value));
  const all: MultiChoiceOption<T>[] = [...options, ...chosen.filter((v) => !known.has(v)).map((v) => ({ value: v, label: missingLabel }))];
  const labelOf = new Map(all.map((o) => [o.value, o.label]));
  const summary = choiceSummary(
    chosen.map((v) => labelOf.get(v) ?? missingLabel),
    anyText,
    plural,
  );
  const toggle = (value: T, on: boolean) => onChange(on ? [...chosen, value] : chosen.filter((v) => v !== value));
  const onKeyDown = (e: KeyboardEvent<HTMLDetailsElement>) => {
    const el = details.current;
    if (e.key !== 'Escape' || !el?.open) return;
    // Escape closes this list only, not a dialog around it.
    e.preventDefault();
    e.stopPropagation();
    el.open = false;
    el.querySelector('summary')?.focus();
  };
  return (
    <details className="chron-multi field" ref={details} onKeyDown={onKeyDown} data-testid={id}>
      <summary className="chron-multi__summary">
        <span className="chron-multi__label">
          {label}
          <span className="visually-hidden">:</span>
        </span>
        <span className="chron-multi__value">{summary}</span>
      </summary>
      <fieldset className="chron-multi__options">
        <legend className="visually-hidden">{label}</legend>
        {all.length === 0 && <p className="muted">Nothing to choose from yet.</p>}
        {all.map((o) => (
          <div key={o.value} className="checkbox chron-multi__option">
            <input id={`${id}-${o.value}`} type="checkbox" className="checkbox__input" checked={chosen.includes(o.value)} onChange={(e) => toggle(o.value, e.target.checked)} />
            <label htmlFor={`${id}-${o.value}`} className="checkbox__label">
              {o.label}
            </label>
          </div>
        ))}
      </fieldset>
      {chosen.length > 0 && (
        <button
          type="button"
          className="button button--secondary button--small chron-multi__clear"
          onClick={() => {
            onChange([]);
            // The button goes with the last choice; focus stays in the control rather than dropping to the page.
            details.current?.querySelector('summary')?.focus();
          }}
        >
          Clear<span className="visually-hidden"> {label.toLowerCase()}</span>
        </button>
      )}
    </details>
  );
}
