import { useRef, type KeyboardEvent, type ReactNode } from 'react';

/** One tab and its panel. */
export type TabSpec = { id: string; label: string; content: ReactNode };

/**
 * Tabs on the WAI-ARIA pattern: a tablist with one tab in the tab order (the selected one), arrow
 * keys (and Home/End) move between tabs and select them, and each panel is labelled by its tab (every
 * panel here holds focusable content, so Tab goes from the tab into it). Every panel stays mounted (the others are hidden), so half-filled forms and live
 * listeners survive a change of tab.
 */
export function Tabs({ label, idPrefix, tabs, selected, onSelect }: { label: string; idPrefix: string; tabs: readonly TabSpec[]; selected: string; onSelect(id: string): void }) {
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const current = tabs.some((t) => t.id === selected) ? selected : tabs[0]?.id;
  const move = (e: KeyboardEvent, index: number) => {
    const last = tabs.length - 1;
    const to =
      e.key === 'ArrowRight' ? (index === last ? 0 : index + 1) : e.key === 'ArrowLeft' ? (index === 0 ? last : index - 1) : e.key === 'Home' ? 0 : e.key === 'End' ? last : null;
    if (to === null) return;
    e.preventDefault();
    const id = tabs[to]!.id;
    onSelect(id);
    buttons.current.get(id)?.focus();
  };
  return (
    <div className="tabs">
      <div role="tablist" aria-label={label} className="tabs__list">
        {tabs.map((t, i) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`${idPrefix}-tab-${t.id}`}
            aria-controls={`${idPrefix}-panel-${t.id}`}
            aria-selected={t.id === current}
            tabIndex={t.id === current ? 0 : -1}
            className="tabs__tab"
            ref={(el) => {
              if (el) buttons.current.set(t.id, el);
              else buttons.current.delete(t.id);
            }}
            onClick={() => onSelect(t.id)}
            onKeyDown={(e) => move(e, i)}
          >
            {t.label}
          </button>
        ))}
      </div>
      {tabs.map((t) => (
        <div key={t.id} role="tabpanel" id={`${idPrefix}-panel-${t.id}`} aria-labelledby={`${idPrefix}-tab-${t.id}`} hidden={t.id !== current} className="tabs__panel">
          {t.content}
        </div>
      ))}
    </div>
  );
}
