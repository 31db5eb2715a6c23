import { useEffect, useRef, type ReactNode } from 'react';
import { withArticle } from '../lib/article.js';

/**
 * An editable list of rows (participants, key lines of enquiry, learning actions): each row is a group
 * with its own remove button, and an add button below. Everything is a plain button, so it works by
 * keyboard; focus moves to the new row's first field after adding and back to the add button after
 * removing, so it is never lost.
 */
export function ListEditor<T>({
  id,
  legend,
  hint,
  itemName,
  items,
  onChange,
  blank,
  max,
  renderItem,
  emptyText,
}: {
  id: string;
  legend: string;
  hint?: string;
  /** What one row is called, lower case: "participant". */
  itemName: string;
  items: readonly T[];
  onChange(items: T[]): void;
  blank(): T;
  max: number;
  renderItem(item: T, index: number, update: (next: T) => void): ReactNode;
  emptyText: string;
}) {
  const listRef = useRef<HTMLDivElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const focusNext = useRef<'new' | 'add' | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `items.length` is the trigger: focus moves once a row has been added or removed and rendered
  useEffect(() => {
    if (focusNext.current === 'new') {
      const rows = listRef.current?.querySelectorAll<HTMLElement>('[data-list-row]');
      rows?.[rows.length - 1]?.querySelector<HTMLElement>('input, select, textarea')?.focus();
    } else if (focusNext.current === 'add') {
      addRef.current?.focus();
    }
    focusNext.current = null;
  }, [items.length]);

  const label = (i: number) => `${itemName.charAt(0).toUpperCase()}${itemName.slice(1)} ${i + 1}`;
  return (
    <fieldset className="fieldset list-editor" id={id}>
      <legend className="fieldset__legend">{legend}</legend>
      {hint && <p className="field__hint">{hint}</p>}
      <div ref={listRef}>
        {items.length === 0 && <p className="muted">{emptyText}</p>}
        {items.map((item, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the items have no ids; a row is its position ("Item 2"), and removal refocuses by position
          <fieldset className="plain-group list-editor__row" data-list-row key={i} aria-labelledby={`${id}-${i}-title`}>
            <div className="list-editor__head">
              <h4 className="list-editor__title" id={`${id}-${i}-title`}>
                {label(i)}
              </h4>
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => {
                  focusNext.current = 'add';
                  onChange(items.filter((_, j) => j !== i));
                }}
              >
                Remove<span className="visually-hidden"> {label(i).toLowerCase()}</span>
              </button>
            </div>
            {renderItem(item, i, (next) => onChange(items.map((x, j) => (j === i ? next : x))))}
          </fieldset>
        ))}
      </div>
      {items.length < max ? (
        <button
          ref={addRef}
          type="button"
          className="button button--secondary"
          onClick={() => {
            focusNext.current = 'new';
            onChange([...items, blank()]);
          }}
        >
          Add {items.length === 0 ? withArticle(itemName) : `another ${itemName}`}
        </button>
      ) : (
        <p className="muted">
          You have added the most {itemName}s allowed ({max}).
        </p>
      )}
    </fieldset>
  );
}
