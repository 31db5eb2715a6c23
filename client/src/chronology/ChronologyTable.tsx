// biome-ignore-all lint/a11y/useSemanticElements: the chronology is a virtualised table: only the visible rows exist, each absolutely
// positioned at its index, which native table layout cannot do; ARIA table roles on divs with aria-rowindex/aria-rowcount are the pattern for it.
// biome-ignore-all lint/a11y/useFocusableInteractive: these rows and headers belong to a table, not a grid, so they take no focus; the buttons in them do (roving tabindex).
import { useCallback, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { IntegratedRow } from '../../../shared/chronology/index.js';
import type { Person } from '../../../shared/people.js';
import { ChronologyRow, ROW_HEIGHT } from './ChronologyRow.js';
import { SORTABLE_COLUMNS, type RowSort, type SortKey } from './rowSort.js';
import { keyToNavAction, navigateRows, reconcileActive } from './gridKeys.js';
import { computeWindow, revealScrollTop, rowsPerPage, sameWindow, type RowWindow } from './windowing.js';

/** Rows rendered above and below the visible ones. */
const OVERSCAN = 8;

/**
 * The integrated chronology as an accessible, virtualised table: an ARIA table whose rows carry
 * aria-rowindex out of aria-rowcount, of which only the rows in view (plus a margin, plus the active
 * row, so focus is never lost) are in the DOM. Rows have one fixed height. Up, Down, Page Up, Page
 * Down, Home and End move between rows; Enter opens the focused row.
 */
export function ChronologyTable({
  rows,
  totalCount,
  activeId,
  onActiveChange,
  onOpen,
  modeFor,
  editors,
  people,
  phaseTitles,
  focusRequest,
  terms,
  sort,
  onSort,
  openQueries,
}: {
  rows: readonly IntegratedRow[];
  totalCount: number;
  activeId: string | null;
  onActiveChange(id: string | null): void;
  onOpen(id: string): void;
  modeFor(row: IntegratedRow): 'edit' | 'view';
  editors: ReadonlyMap<string, string[]>;
  people: ReadonlyMap<string, Person>;
  phaseTitles: ReadonlyMap<string, string>;
  /** Changes when something outside asks for the active row to be shown and focused (a timeline click). */
  focusRequest: number;
  /** The words of the current search, marked in the cells. */
  terms: readonly string[];
  /** The column the rows are sorted by; pressing a heading sorts by it. */
  sort: RowSort;
  onSort(key: SortKey): void;
  /** Unresolved review-team queries per target key ("row:<id>"), for the rows' badges. */
  openQueries?: ReadonlyMap<string, number>;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const head = useRef<HTMLDivElement>(null);
  const [viewport, setViewport] = useState({ height: 600, head: 48 });
  const [win, setWin] = useState<RowWindow>(() => computeWindow({ scrollTop: 0, viewportHeight: 600, rowHeight: ROW_HEIGHT, rowCount: rows.length, overscan: OVERSCAN }));
  const pendingFocus = useRef(false);
  const lastIndex = useRef(0);

  const ids = useMemo(() => rows.map((r) => r.id), [rows]);
  // The active row is the chosen one while it is listed; otherwise (filtered out, or a new row not yet
  // merged in) the row now at its old place. The chosen id is kept, so a row that arrives becomes active.
  const activeIndex = reconcileActive(ids, activeId, lastIndex.current);
  if (activeIndex >= 0) lastIndex.current = activeIndex;
  const rowsHeight = Math.max(ROW_HEIGHT, viewport.height - viewport.head);

  const recompute = useCallback(() => {
    const el = scroller.current;
    if (!el) return;
    const next = computeWindow({
      scrollTop: el.scrollTop,
      viewportHeight: el.clientHeight - (head.current?.offsetHeight ?? 0),
      rowHeight: ROW_HEIGHT,
      rowCount: rows.length,
      overscan: OVERSCAN,
    });
    setWin((prev) => (sameWindow(prev, next) ? prev : next));
  }, [rows.length]);

  // Track the scroller's size (a resized window shows more rows) and recompute when the list changes.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => {
      setViewport((v) => {
        const next = { height: el.clientHeight, head: head.current?.offsetHeight ?? v.head };
        return next.height === v.height && next.head === v.head ? v : next;
      });
      recompute();
    };
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [recompute]);

  // Bring the active row into view and focus it. The active row is always rendered, so its button exists.
  const revealAndFocus = () => {
    const el = scroller.current;
    if (!el || activeIndex < 0) return;
    const to = revealScrollTop(activeIndex, ROW_HEIGHT, el.scrollTop, rowsHeight);
    if (to !== null) {
      el.scrollTop = to;
      recompute();
    }
    el.querySelector<HTMLButtonElement>(`button[data-row-index="${activeIndex}"]`)?.focus({ preventScroll: true });
  };

  // After an arrow key: the new active row has rendered; move focus to it.
  useLayoutEffect(() => {
    if (!pendingFocus.current) return;
    pendingFocus.current = false;
    revealAndFocus();
  });

  // When asked from outside (a timeline item was opened), show and focus the active row.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new focus request should move focus; `revealAndFocus` is a new function every render and would move focus on every re-render
  useLayoutEffect(() => {
    if (focusRequest !== 0) revealAndFocus();
    // Only a new request should move focus, not a re-render.
  }, [focusRequest]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const target = e.target as HTMLElement;
    if (!target.matches('button[data-row-index]')) return;
    const action = keyToNavAction(e);
    if (!action) return;
    e.preventDefault();
    const from = Number(target.dataset.rowIndex);
    const to = navigateRows(from, action, rows.length, rowsPerPage(ROW_HEIGHT, rowsHeight));
    if (to < 0) return;
    if (ids[to] === activeId) {
      revealAndFocus();
      return;
    }
    pendingFocus.current = true;
    onActiveChange(ids[to]!);
  };

  // Read through a ref so the callback keeps one identity and memoised rows do not re-render on every move.
  const latest = useRef({ ids, activeId, onActiveChange });
  latest.current = { ids, activeId, onActiveChange };
  const onFocusRow = useCallback((index: number) => {
    const { ids: list, activeId: current, onActiveChange: change } = latest.current;
    const id = list[index];
    if (id && id !== current) change(id);
  }, []);

  // The rows to draw: those in the window, and the active row wherever it is, so focus stays in the DOM.
  const indexes: number[] = [];
  for (let i = win.start; i < Math.min(win.end, rows.length); i++) indexes.push(i);
  if (activeIndex >= 0 && (activeIndex < win.start || activeIndex >= win.end)) indexes.push(activeIndex);
  const tabbableIndex = activeIndex >= 0 ? activeIndex : (indexes[0] ?? -1);

  return (
    <div className="chron-scroller" ref={scroller} onScroll={recompute} data-testid="chronology-scroller">
      <div
        role="table"
        className="chron-table"
        aria-labelledby="chronology-table-title"
        aria-describedby="chronology-keys-hint"
        aria-rowcount={rows.length + 1}
        data-testid="chronology-table"
        data-total={totalCount}
        data-shown={rows.length}
      >
        <div role="rowgroup" className="chron-table__head" ref={head}>
          <div role="row" aria-rowindex={1} className="chron-row chron-row--head">
            {SORTABLE_COLUMNS.map((c) => (
              <div key={c.key} role="columnheader" className="chron-cell" aria-sort={sort.key === c.key ? sort.direction : 'none'}>
                <button type="button" className="chron-sort" onClick={() => onSort(c.key)}>
                  {c.heading}
                  <span className="chron-sort__state" aria-hidden="true">
                    {sort.key === c.key ? (sort.direction === 'ascending' ? ' \u25B2' : ' \u25BC') : ''}
                  </span>
                  <span className="visually-hidden">{sort.key === c.key ? `, sorted ${sort.direction}` : ''}. Sort by this column</span>
                </button>
              </div>
            ))}
          </div>
        </div>
        <div role="rowgroup" className="chron-table__body" style={{ height: rows.length * ROW_HEIGHT }} onKeyDown={onKeyDown}>
          {indexes.map((i) => {
            const row = rows[i]!;
            return (
              <ChronologyRow
                key={row.id}
                row={row}
                index={i}
                tabbable={i === tabbableIndex}
                mode={modeFor(row)}
                editors={editors.get(row.id)}
                people={people}
                phaseTitle={row.team.phaseId ? (phaseTitles.get(row.team.phaseId) ?? null) : null}
                terms={terms}
                onOpen={onOpen}
                onFocusRow={onFocusRow}
                openQueries={openQueries?.get(`row:${row.id}`) ?? 0}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}
