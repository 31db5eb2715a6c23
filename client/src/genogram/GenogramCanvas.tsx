import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Controls, ReactFlow, useReactFlow, type NodeChange, type NodeDimensionChange, type NodeSelectionChange } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { PERSON_HEIGHT, PERSON_WIDTH, describePerson, type Family, type Point } from '../../../shared/genogram/index.js';
import { initials, type PresenceEntry } from '../lib/presence.js';
import { computeDrawing } from './drawing.js';
import { DrawingContext, EDGE_TYPES, NODE_TYPES, type GenogramEdge, type HouseholdFlowNode, type PersonFlowNode } from './flowElements.js';
import { describeRelationshipLine, metaLine, symbolFacts, type LabelMode, type NameOf } from './names.js';
import { keepUnchanged, withMeasured, type Measured } from './stableNodes.js';

/** What React Flow says to screen reader users about a focused person. */
const ARIA_LABELS = {
  'node.a11yDescription.default':
    'Press Enter to open this person\u2019s details and actions. Press Space to select them, then move them with the arrow keys (hold Shift for bigger steps).',
  'node.a11yDescription.keyboardDisabled':
    'Press Enter to open this person\u2019s details and actions. Press Space to select them, then move them with the arrow keys (hold Shift for bigger steps).',
  'node.a11yDescription.ariaLiveMessage': ({ direction }: { direction: string; x: number; y: number }) => `Moved ${direction}.`,
  'controls.ariaLabel': 'Zoom controls',
  'controls.zoomIn.ariaLabel': 'Zoom in',
  'controls.zoomOut.ariaLabel': 'Zoom out',
  'controls.fitView.ariaLabel': 'Fit the whole genogram in view',
};

/**
 * React Flow (MIT) is acknowledged in the README and under the drawing instead of inside it, where its
 * link sat over the family and was a stray tab stop.
 */
const HIDE_ATTRIBUTION = { hideAttribution: true };

/** Fits the view once the family first appears, and centres on a person when asked. */
function ViewKeeper({
  ready,
  shape,
  userMoved,
  centreOn,
}: {
  ready: boolean;
  shape: string;
  userMoved: { current: boolean };
  centreOn: { id: string; at: Point; seq: number } | null;
}) {
  const flow = useReactFlow();
  // biome-ignore lint/correctness/useExhaustiveDependencies: `shape` is the trigger: the view is fitted again whenever the family's shape changes, though the effect does not read it
  useEffect(() => {
    // Until someone pans or zooms by hand, the whole family stays in view as it grows.
    if (!ready || userMoved.current) return;
    // Wait a frame so that React Flow has the nodes before fitting them.
    const id = requestAnimationFrame(() => requestAnimationFrame(() => void flow.fitView({ padding: 0.1, maxZoom: 1.2 })));
    return () => cancelAnimationFrame(id);
  }, [ready, shape, flow, userMoved]);
  useEffect(() => {
    if (!centreOn) return;
    void flow.setCenter(centreOn.at.x + PERSON_WIDTH / 2, centreOn.at.y + PERSON_HEIGHT / 2, { zoom: Math.max(flow.getZoom(), 0.8) });
  }, [centreOn, flow]);
  return null;
}

/**
 * The genogram drawn with React Flow. People are nodes at their positions (manual or automatic);
 * couples, children, relationship lines and twins are edges; households are outline nodes behind.
 * Dragging, or the arrow keys on a selected person, moves someone; the new position is handed to
 * `onMove` when the drag ends, to be stored as an override. Enter on a person opens their panel.
 */
export function GenogramCanvas({
  loaded,
  family,
  positions,
  nameOf,
  labelMode,
  todayIso,
  selectedId,
  onSelect,
  onOpen,
  canWrite,
  presence,
  onMove,
  centreOn,
}: {
  /** True once both documents have the server's copy, so the first fit sees the whole family. */
  loaded: boolean;
  family: Family;
  positions: ReadonlyMap<string, Point>;
  nameOf: NameOf;
  labelMode: LabelMode;
  todayIso: string;
  selectedId: string | null;
  onSelect(id: string | null): void;
  onOpen(id: string): void;
  canWrite: boolean;
  presence: readonly PresenceEntry[];
  onMove(id: string, at: Point): void;
  centreOn: { id: string; at: Point; seq: number } | null;
}) {
  const [dragging, setDragging] = useState<ReadonlyMap<string, Point>>(new Map());
  const live = useMemo(() => {
    if (dragging.size === 0) return positions;
    const out = new Map(positions);
    for (const [id, p] of dragging) if (out.has(id)) out.set(id, p);
    return out;
  }, [positions, dragging]);
  const drawing = useMemo(() => computeDrawing(family, live), [family, live]);
  // Node sizes as React Flow measured them, handed back so that it does not measure a node again
  // each time its object is replaced (on every step of a drag, for the person being dragged).
  const [measured, setMeasured] = useState<ReadonlyMap<string, Measured>>(new Map());
  // Whether the person has panned or zoomed by hand; until then the family is kept in view.
  const userMoved = useRef(false);
  // Refit when people join or leave, not when someone is moved: a colleague's drag must not move my view.
  const shape = String(family.people.length);

  const editors = useMemo(() => {
    const out = new Map<string, string[]>();
    for (const e of presence) if (!e.isSelf && e.editing) out.set(e.editing, [...(out.get(e.editing) ?? []), initials(e.name)]);
    return out;
  }, [presence]);

  // Everything about each person's node except where it is, so a drag step does not redo it.
  const people = useMemo(
    () =>
      family.people.map((p) => {
        const name = nameOf(p.id);
        return {
          id: p.id,
          type: 'person',
          position: { x: 0, y: 0 },
          width: PERSON_WIDTH,
          height: PERSON_HEIGHT,
          selected: p.id === selectedId,
          draggable: canWrite,
          connectable: false,
          ariaLabel: describePerson(p, todayIso, name),
          data: { name, meta: metaLine(p, labelMode), facts: symbolFacts(p, todayIso), editors: editors.get(p.id) ?? [] },
        } satisfies PersonFlowNode;
      }),
    [family.people, nameOf, labelMode, todayIso, selectedId, canWrite, editors],
  );

  // The last nodes handed to React Flow: a node that has not changed keeps its object, so that while
  // someone is dragged only they (and any household outline round them) are drawn again.
  const previous = useRef<(HouseholdFlowNode | PersonFlowNode)[]>([]);
  const nodes = useMemo(() => {
    const households: HouseholdFlowNode[] = drawing.households.map((h, index) => ({
      id: `household:${h.id}`,
      type: 'household',
      position: { x: h.rect.x, y: h.rect.y },
      width: h.rect.width,
      height: h.rect.height,
      measured: measured.get(`household:${h.id}`),
      data: {
        label: h.label,
        index,
        width: h.rect.width,
        height: h.rect.height,
        labelLeft: h.labelAt.x - h.rect.x,
        labelTop: h.labelAt.y - h.rect.y,
        labelWidth: h.labelWidth,
      },
      selectable: false,
      draggable: false,
      focusable: false,
      connectable: false,
      zIndex: -1,
      ariaRole: 'presentation',
    }));
    // Tab order follows the drawing: generation by generation, left to right within each.
    const placed: PersonFlowNode[] = people
      .flatMap((n) => {
        const at = live.get(n.id);
        return at ? [{ ...n, position: at, measured: measured.get(n.id) }] : [];
      })
      .sort((a, b) => a.position.y - b.position.y || a.position.x - b.position.x || (a.id < b.id ? -1 : 1));
    const next = keepUnchanged(previous.current, [...households, ...placed]);
    previous.current = next;
    return next;
  }, [drawing.households, people, live, measured]);

  const edges = useMemo(() => {
    const out: GenogramEdge[] = [];
    const common = { selectable: false, focusable: false, deletable: false } as const;
    const label = (id: string) => describeRelationshipLine(family, id, nameOf);
    for (const p of family.partnerships)
      out.push({ ...common, id: `partnership:${p.id}`, type: 'partnership', source: p.a, target: p.b, data: { ref: p.id }, ariaLabel: label(p.id) });
    for (const l of family.childLinks)
      out.push({ ...common, id: `child:${l.id}`, type: 'child', source: l.parentIds[0]!, target: l.child, data: { ref: l.id }, ariaLabel: label(l.id) });
    for (const l of family.lines)
      out.push({ ...common, id: `line:${l.id}`, type: 'line', source: l.from, target: l.to, data: { ref: l.id, kind: l.kind }, ariaLabel: label(l.id) });
    for (const t of family.twins)
      if (t.identical) out.push({ ...common, id: `twins:${t.id}`, type: 'twins', source: t.a, target: t.b, data: { ref: t.id }, ariaLabel: label(t.id) });
    return out;
  }, [family, nameOf]);

  const onNodesChange = (changes: NodeChange[]) => {
    const sized = changes.filter((c): c is NodeDimensionChange => c.type === 'dimensions');
    if (sized.length > 0) setMeasured((m) => withMeasured(m, sized));
    // Selecting one person arrives as "select them" plus "unselect the previous one", in either order.
    const picked = changes.find((c): c is NodeSelectionChange => c.type === 'select' && c.selected);
    if (picked) onSelect(picked.id);
    else if (changes.some((c) => c.type === 'select' && !c.selected && c.id === selectedId)) onSelect(null);
    for (const c of changes) {
      if (c.type === 'position' && c.position && !c.id.startsWith('household:')) {
        const { id, position } = c;
        if (c.dragging) {
          setDragging((d) => new Map(d).set(id, position));
        } else {
          onMove(id, position);
          setDragging((d) => {
            if (!d.has(id)) return d;
            const next = new Map(d);
            next.delete(id);
            return next;
          });
        }
      }
    }
  };

  // Enter on a focused person opens their panel; Space (React Flow's own) only selects, for moving.
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'Enter') return;
    const id = (e.target as HTMLElement).closest<HTMLElement>('.react-flow__node-person')?.dataset.id;
    if (id) onOpen(id);
  };

  return (
    <DrawingContext.Provider value={drawing}>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: catches Enter bubbling up from the focusable person nodes React Flow renders inside; the wrapper itself takes no input */}
      <div className="gg-canvas" onKeyDown={onKeyDown} data-testid="genogram-canvas">
        <ReactFlow
          nodes={nodes}
          edges={edges}
          nodeTypes={NODE_TYPES}
          edgeTypes={EDGE_TYPES}
          onNodesChange={onNodesChange}
          nodesConnectable={false}
          edgesFocusable={false}
          elementsSelectable
          nodesFocusable
          nodesDraggable={canWrite}
          deleteKeyCode={null}
          selectionKeyCode={null}
          multiSelectionKeyCode={null}
          selectNodesOnDrag={false}
          minZoom={0.2}
          maxZoom={2}
          ariaLabelConfig={ARIA_LABELS}
          proOptions={HIDE_ATTRIBUTION}
          onPaneClick={() => onSelect(null)}
          onMoveStart={(event) => {
            if (event) userMoved.current = true;
          }}
        >
          <Controls showInteractive={false} position="bottom-right" />
          <ViewKeeper ready={loaded && family.people.length > 0} shape={shape} userMoved={userMoved} centreOn={centreOn} />
        </ReactFlow>
      </div>
    </DrawingContext.Provider>
  );
}
