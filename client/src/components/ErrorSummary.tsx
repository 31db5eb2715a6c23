import { useEffect, useRef, type MouseEvent } from 'react';

/** One problem to list: the field's element id (or null for a form-level problem) and the message. */
export type FormError = { fieldId: string | null; message: string };

/**
 * The list of problems shown at the top of a form after a failed submit. It takes focus when it
 * appears (so screen reader users hear it) and each entry links to its field.
 */
export function ErrorSummary({ errors, focusKey }: { errors: FormError[]; focusKey: number }) {
  const ref = useRef<HTMLDivElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: focus moves on each submit (`focusKey`), not whenever the list of errors changes while the user types
  useEffect(() => {
    if (errors.length > 0) ref.current?.focus();
    // focusKey changes on every submit, so a second failed submit moves focus here again.
  }, [focusKey]);
  if (errors.length === 0) return null;
  const jump = (e: MouseEvent<HTMLAnchorElement>, id: string) => {
    const el = document.getElementById(id);
    if (!el) return;
    e.preventDefault();
    el.focus();
    el.scrollIntoView({ block: 'center' });
  };
  return (
    <div className="error-summary" ref={ref} tabIndex={-1} role="alert" aria-labelledby="error-summary-title">
      <h2 id="error-summary-title" className="error-summary__title">
        There is a problem
      </h2>
      <ul className="error-summary__list">
        {errors.map((e, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: one field can have several errors and the list is rebuilt whole on each submit; an error's position is its identity
          <li key={`${e.fieldId ?? 'form'}-${i}`}>
            {e.fieldId ? (
              <a href={`#${e.fieldId}`} onClick={(ev) => jump(ev, e.fieldId!)}>
                {e.message}
              </a>
            ) : (
              e.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
