import { useEffect, useRef, useState } from 'react';
import { Timeline, type DataGroup, type DataItem, type TimelineOptions } from 'vis-timeline/peer';
import { DataSet } from 'vis-data/peer';
import 'vis-timeline/styles/vis-timeline-graph2d.min.css';
import type { AgencyInfo, IntegratedRow } from '../../../shared/chronology/index.js';
import { clusterContent, laneContent, phaseContent, rowItemContent } from './timelineContent.js';
import { diffItems, shiftWindow, type Phase, type TimelineItemData } from './timelineItems.js';
import { DAY_MS, fullExtent, itemsForViewport } from './timelineWindow.js';
import { dateText } from './rowDisplay.js';

/** The id of the line drawn down every lane at the date of the item under the pointer or focus. */
const DAY_MARKER = 'tl-day';

/** Width of the lane names at the left, used until the timeline has measured itself. */
const LANE_LABEL_PX = 120;

/** True when the person asked for less motion: zooming and moving then jump instead of sliding. */
function reducedMotion(): boolean {
  return window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
}

/** A vis-timeline cluster's content (a safety net behind our own clusters): how many rows, in words. */
function visClusterContent(count: number): HTMLElement {
  const el = document.createElement('span');
  el.className = 'tl-cluster__label';
  el.textContent = `${count} rows`;
  return el;
}

/**
 * vis-timeline's lane panels scroll vertically when there are many rows; a scrolling region must be
 * reachable by keyboard (WCAG 2.1.1), so each gets a tab stop and a name.
 */
function labelScrollPanels(root: HTMLElement): void {
  const names: Record<string, string> = { 'vis-left': 'Agency lane names', 'vis-center': 'Timeline lanes', 'vis-right': 'Timeline lanes, right edge' };
  for (const panel of root.querySelectorAll<HTMLElement>('.vis-panel.vis-left, .vis-panel.vis-center, .vis-panel.vis-right')) {
    const name = Object.entries(names).find(([cls]) => panel.classList.contains(cls))?.[1] ?? 'Timeline panel';
    if (panel.tabIndex === 0 || !['auto', 'scroll'].includes(getComputedStyle(panel).overflowY)) continue;
    panel.tabIndex = 0;
    panel.setAttribute('role', 'group');
    panel.setAttribute('aria-label', `${name} (scroll with the arrow keys)`);
  }
}

/**
 * The integrated chronology on a timeline (vis-timeline): one lane per agency, each row an item in
 * its agency's colour that names the agency code and date in words; key practice learning events
 * carry a heavy border and the words "Key learning"; workshop phases are background ranges. Rows
 * too close together to show become a cluster saying how many there are (timelineWindow.ts), and
 * only rows near the view are handed to vis-timeline, so 5,000 rows stay quick. Items cannot be
 * dragged; the buttons above the timeline zoom and move it, each row item is a button that opens its
 * row in the table, and each cluster a button that zooms in to its rows.
 */
export default function TimelineView({
  rows,
  agencies,
  phases,
  onOpenRow,
}: {
  rows: readonly IntegratedRow[];
  agencies: readonly AgencyInfo[];
  phases: readonly Phase[];
  onOpenRow(id: string): void;
}) {
  const container = useRef<HTMLElement>(null);
  const timeline = useRef<Timeline | null>(null);
  const items = useRef(new DataSet<TimelineItemData>());
  const groups = useRef(new DataSet<DataGroup>());
  const shown = useRef(new Map<string, string>());
  const data = useRef({ rows, phases });
  data.current = { rows, phases };
  const open = useRef(onOpenRow);
  open.current = onOpenRow;
  // Until someone moves or zooms, the view follows the rows (they arrive agency by agency).
  const userMoved = useRef(false);
  const [ready, setReady] = useState(false);
  // The row under the pointer or keyboard focus, shown whole beside the timeline.
  const [detail, setDetail] = useState<IntegratedRow | null>(null);
  // After a cluster is opened, the row to move keyboard focus to once it is drawn.
  const pendingFocus = useRef<string | null>(null);

  /** The drawing width of the lanes, for fitting the last item whole. */
  const lanesWidth = () => {
    const center = container.current?.querySelector<HTMLElement>('.vis-panel.vis-center');
    return center?.clientWidth || Math.max(200, (container.current?.clientWidth ?? 1000) - LANE_LABEL_PX);
  };

  /** The window showing every row and phase, computed once per set of rows, phases and width (a pass over 20,000 rows). */
  const extentCache = useRef<{ rows: readonly IntegratedRow[]; phases: readonly Phase[]; widthPx: number; extent: ReturnType<typeof fullExtent> } | null>(null);
  const extentOf = (rs: readonly IntegratedRow[], ps: readonly Phase[], widthPx: number) => {
    const c = extentCache.current;
    if (c && c.rows === rs && c.phases === ps && c.widthPx === widthPx) return c.extent;
    const extent = fullExtent(rs, ps, widthPx);
    extentCache.current = { rows: rs, phases: ps, widthPx, extent };
    return extent;
  };

  /** What the items were last computed for, so a range event after our own window change does not redo them. */
  const lastView = useRef<{ rows: readonly IntegratedRow[]; phases: readonly Phase[]; start: number; end: number; widthPx: number } | null>(null);

  /** Puts into the DataSet exactly the items the current view needs, changing only what differs. */
  const refresh = () => {
    const tl = timeline.current;
    const { rows: rs, phases: ps } = data.current;
    const widthPx = lanesWidth();
    const win = tl ? tl.getWindow() : null;
    const extent = win ? null : extentOf(rs, ps, widthPx);
    const start = win ? win.start.getTime() : (extent?.start ?? Date.now() - 365 * DAY_MS);
    const end = win ? win.end.getTime() : (extent?.end ?? Date.now());
    const last = lastView.current;
    if (last && last.rows === rs && last.phases === ps && last.start === start && last.end === end && last.widthPx === widthPx) {
      if (pendingFocus.current) focusWhenDrawn(pendingFocus.current);
      return;
    }
    lastView.current = { rows: rs, phases: ps, start, end, widthPx };
    const next = itemsForViewport(rs, ps, { start, end, widthPx });
    const { upsert, remove, signatures } = diffItems(shown.current, next);
    if (remove.length) items.current.remove(remove);
    if (upsert.length) items.current.update(upsert);
    shown.current = signatures;
    if (pendingFocus.current) focusWhenDrawn(pendingFocus.current);
  };

  /**
   * Moves keyboard focus to a row's item (or the smaller cluster now holding it) once vis-timeline
   * has drawn it, so that opening a cluster takes focus into it instead of losing it.
   */
  const focusWhenDrawn = (rowId: string, frames = 120) => {
    const el = container.current?.querySelector<HTMLElement>(`[data-row-id="${CSS.escape(rowId)}"], [data-first-row="${CSS.escape(rowId)}"]`);
    if (el && el.isConnected && el.offsetParent !== null) {
      pendingFocus.current = null;
      el.focus();
      return;
    }
    if (frames > 0 && pendingFocus.current === rowId) window.requestAnimationFrame(() => focusWhenDrawn(rowId, frames - 1));
  };

  const zoomTo = (start: number, end: number, firstRowId?: string) => {
    userMoved.current = true;
    pendingFocus.current = firstRowId ?? null;
    const pad = Math.max((end - start) * 0.05, DAY_MS);
    timeline.current?.setWindow(start - pad, end + pad, reducedMotion() ? { animation: false } : undefined);
  };

  useEffect(() => {
    groups.current.update(agencies.map((a, i) => ({ id: a.id, content: laneContent(a), order: i, className: 'tl-group' })));
    const keep = new Set(agencies.map((a) => a.id));
    groups.current.remove(groups.current.getIds().filter((id) => !keep.has(String(id))));
  }, [agencies]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `lanesWidth` and `refresh` are new functions every render (they read refs); the items follow only new rows or phases
  useEffect(() => {
    const tl = timeline.current;
    if (tl && !userMoved.current) {
      const extent = extentOf(rows, phases, lanesWidth());
      const win = tl.getWindow();
      // Without animation the window is set at once, so the refresh below already reads it. Never wait
      // for vis-timeline's 'rangechanged' here: it is not sent when the window it is given rounds to the
      // one it has, and then rows another client added or edited stayed off the timeline until a reload.
      if (extent && (extent.start !== win.start.getTime() || extent.end !== win.end.getTime())) {
        tl.setWindow(extent.start, extent.end, { animation: false });
      }
    }
    refresh();
  }, [rows, phases]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the vis-timeline instance is made once per mount; its handlers call `refresh`, `lanesWidth` and `zoomTo`, which only read refs, so re-creating it each render would be wrong
  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const extent = extentOf(data.current.rows, data.current.phases, lanesWidth());
    const options: TimelineOptions = {
      editable: false,
      selectable: false,
      stack: true,
      orientation: { axis: 'top', item: 'top' },
      margin: { item: { horizontal: 2, vertical: 4 }, axis: 4 },
      align: 'left',
      groupOrder: 'order',
      showCurrentTime: false,
      showTooltips: false,
      // The mouse wheel scrolls the page; Ctrl with the wheel zooms, and the buttons always do.
      zoomKey: 'ctrlKey',
      verticalScroll: true,
      maxHeight: 640,
      minHeight: 240,
      zoomMin: 7 * DAY_MS,
      zoomMax: 120 * 365 * DAY_MS,
      min: new Date(1900, 0, 1),
      max: new Date(2101, 0, 1),
      ...(extent ? { start: new Date(extent.start), end: new Date(extent.end) } : {}),
      // A safety net: anything still crowded after our own clustering is clustered by vis-timeline.
      cluster: {
        maxItems: 8,
        titleTemplate: '{count} rows close together. Zoom in to see them',
        showStipes: false,
        fitOnDoubleClick: true,
        // Phases are backgrounds, never part of a cluster.
        clusterCriteria: (a, b) => a.type !== 'background' && b.type !== 'background',
      },
      // Content is built as DOM nodes from plain fields: never an HTML string from case data.
      template: (item: TimelineItemData | null, _element: HTMLElement, raw: { uiItems?: unknown[] } | undefined) => {
        if (item?.label?.kind === 'row') return rowItemContent(item.label, (id) => open.current(id));
        if (item?.label?.kind === 'cluster') return clusterContent(item.label, zoomTo);
        if (item?.label?.kind === 'phase') return phaseContent(item.label);
        return visClusterContent(Array.isArray(raw?.uiItems) ? raw.uiItems.length : 0);
      },
      onInitialDrawComplete: () => {
        labelScrollPanels(el);
        setReady(true);
      },
    };
    // The first items are computed for the starting window before vis-timeline draws anything.
    refresh();
    const tl = new Timeline(el, items.current as unknown as DataSet<DataItem>, groups.current, options);
    timeline.current = tl;
    let frame = 0;
    let first = true;
    const onRange = (props?: { byUser?: boolean }) => {
      if (first) {
        // vis-timeline shows itself on the first redraw after its first range change, which would
        // otherwise wait for its once-a-second resize check: ask for that redraw now.
        first = false;
        window.setTimeout(() => timeline.current?.redraw(), 0);
      }
      if (props?.byUser) userMoved.current = true;
      window.cancelAnimationFrame(frame);
      frame = window.requestAnimationFrame(refresh);
    };
    tl.on('rangechanged', onRange);
    // Lanes grow as items are added; a lane panel that starts to scroll needs its tab stop then.
    const onChanged = () => labelScrollPanels(el);
    tl.on('changed', onChanged);
    // The row under the pointer or focus: shown whole below, and a line down every lane at its date
    // so that what other agencies recorded on the same day lines up against it.
    const onPoint = (event: Event) => {
      const button = (event.target as HTMLElement | null)?.closest<HTMLElement>('.tl-item__button[data-row-id]');
      if (!button) return;
      const row = data.current.rows.find((r) => r.id === button.dataset.rowId) ?? null;
      setDetail(row);
      const day = Number(button.dataset.day);
      if (!Number.isFinite(day)) return;
      try {
        tl.setCustomTime(new Date(day), DAY_MARKER);
      } catch {
        tl.addCustomTime(new Date(day), DAY_MARKER);
      }
    };
    el.addEventListener('focusin', onPoint);
    el.addEventListener('mouseover', onPoint);
    return () => {
      el.removeEventListener('focusin', onPoint);
      el.removeEventListener('mouseover', onPoint);
      window.cancelAnimationFrame(frame);
      tl.off('rangechanged', onRange);
      tl.off('changed', onChanged);
      tl.destroy();
      timeline.current = null;
    };
  }, []);

  const animation = () => (reducedMotion() ? { animation: false } : undefined);
  const move = (fraction: number) => {
    const tl = timeline.current;
    if (!tl) return;
    userMoved.current = true;
    const w = tl.getWindow();
    const to = shiftWindow(w.start, w.end, fraction);
    tl.setWindow(to.start, to.end, animation());
  };
  const zoom = (factor: 'in' | 'out') => {
    userMoved.current = true;
    if (factor === 'in') timeline.current?.zoomIn(0.5, animation());
    else timeline.current?.zoomOut(0.5, animation());
  };
  const showAll = () => {
    userMoved.current = false;
    const extent = extentOf(data.current.rows, data.current.phases, lanesWidth());
    if (extent) timeline.current?.setWindow(extent.start, extent.end, animation());
  };

  return (
    <div className="tl" data-testid="chronology-timeline">
      <fieldset className="plain-group tl__controls" aria-label="Move and zoom the timeline">
        <button type="button" className="button button--secondary button--small" onClick={() => zoom('in')}>
          Zoom in
        </button>
        <button type="button" className="button button--secondary button--small" onClick={() => zoom('out')}>
          Zoom out
        </button>
        <button type="button" className="button button--secondary button--small" onClick={() => move(-0.3)}>
          Move earlier
        </button>
        <button type="button" className="button button--secondary button--small" onClick={() => move(0.3)}>
          Move later
        </button>
        <button type="button" className="button button--secondary button--small" onClick={showAll}>
          Show everything
        </button>
      </fieldset>
      <p className="field__hint" id="timeline-hint">
        One lane per agency. Each item shows the agency code, the date and the start of the key event; point at an item or Tab to it to read the whole event below and see a line
        through every lane on that day. Key practice learning events have a heavy border and say “Key learning”. Where rows are too close together to show, an item says how many
        there are: press it to zoom in. Workshop phases are shaded behind the lanes. Press Enter on an item to open its row in the table.
      </p>
      <section
        ref={container}
        className="tl__canvas"
        aria-label="Timeline of the integrated chronology"
        aria-describedby="timeline-hint"
        data-timeline-ready={ready ? 'true' : 'false'}
      />
      <div className="tl__detail" data-testid="timeline-detail">
        {detail ? (
          <>
            <p className="tl__detail-head">
              <span className="tl-item__code">{detail.agencyCode}</span> {dateText(detail)}
              {detail.team.keyLearning && (
                <>
                  {' '}
                  <span className="tl-item__key">Key learning</span>
                </>
              )}
            </p>
            <p className="tl__detail-text">{detail.keyEvent}</p>
          </>
        ) : (
          <p className="muted">Point at an item, or Tab to it, to read its whole key event here.</p>
        )}
      </div>
    </div>
  );
}
