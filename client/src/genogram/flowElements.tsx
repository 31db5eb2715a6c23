import { createContext, memo, useContext } from 'react';
import { Handle, Position, type Edge, type EdgeProps, type Node, type NodeProps } from '@xyflow/react';
import { PERSON_WIDTH, SYMBOL_SIZE, SYMBOL_TOP, wrapMeta, wrapName, type LineGeometry, type LineKind } from '../../../shared/genogram/index.js';
import type { Drawing } from './drawing.js';
import { ChildLine, PartnershipLine, RelationLine, TwinBar, householdDash } from './Lines.js';
import { PersonSymbol, type SymbolFacts } from './PersonSymbol.js';

/**
 * React Flow's custom nodes and edges for the genogram. Edges do not draw from React Flow's handle
 * coordinates: a child hangs from the middle of their parents' line, which depends on both parents,
 * so every edge reads its path from the Drawing, computed once per render from live positions.
 */

/** The current drawing, for the edges. */
export const DrawingContext = createContext<Drawing | null>(null);

/** What a person node shows. */
export type PersonNodeData = {
  name: string;
  meta: string;
  facts: SymbolFacts;
  /** Initials of colleagues who have this person open, for the marker; their names are in the presence list. */
  editors: string[];
};
/** A person on the canvas. */
export type PersonFlowNode = Node<PersonNodeData, 'person'>;

/** A person: their symbol, their name (on up to two lines) and a second line (relationship or year of death). */
function PersonNode({ data, selected }: NodeProps<PersonFlowNode>) {
  const half = PERSON_WIDTH / 2;
  const names = wrapName(data.name);
  const metas = wrapMeta(data.meta, names.length);
  return (
    <div className={`gg-node${selected ? ' gg-node--selected' : ''}${data.editors.length > 0 ? ' gg-node--busy' : ''}`}>
      <Handle type="target" position={Position.Top} isConnectable={false} className="gg-handle" />
      <svg width={PERSON_WIDTH} height={SYMBOL_TOP + SYMBOL_SIZE + 4} aria-hidden="true" focusable="false" className="gg-node__symbol">
        <PersonSymbol facts={data.facts} cx={half} cy={SYMBOL_TOP + SYMBOL_SIZE / 2} size={SYMBOL_SIZE} />
      </svg>
      {/* Broken into lines here, as in the exported file, so a name is never cut short. */}
      <span className="gg-node__name">
        {names.map((line, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: lines of one fixed text, in order; a line's position is its identity
          <span key={i} className="gg-node__line">
            {line}
          </span>
        ))}
      </span>
      {metas.length > 0 && (
        <span className="gg-node__meta">
          {metas.map((line, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: lines of one fixed text, in order; a line's position is its identity
            <span key={i} className="gg-node__line">
              {line}
            </span>
          ))}
        </span>
      )}
      {data.editors.length > 0 && (
        <span className="gg-node__editors" aria-hidden="true">
          {data.editors.join(' ')}
        </span>
      )}
      <Handle type="source" position={Position.Bottom} isConnectable={false} className="gg-handle" />
    </div>
  );
}

/** What a household outline shows. */
export type HouseholdNodeData = { label: string; index: number; width: number; height: number; labelLeft: number; labelTop: number; labelWidth: number };
/** A household outline on the canvas, behind the people it encloses. */
export type HouseholdFlowNode = Node<HouseholdNodeData, 'household'>;

/** A household: a dashed rounded outline with its label. */
function HouseholdNode({ data }: NodeProps<HouseholdFlowNode>) {
  return (
    <div className="gg-household-node">
      <svg width={data.width} height={data.height} aria-hidden="true" focusable="false">
        <rect x={1} y={1} width={data.width - 2} height={data.height - 2} rx={16} fill="none" stroke="#1d3a5f" strokeWidth={2} strokeDasharray={householdDash(data.index)} />
      </svg>
      <span className="gg-household-node__label" style={{ left: data.labelLeft, top: data.labelTop, width: data.labelWidth }}>
        {data.label}
      </span>
    </div>
  );
}

/** The node types, defined once so React Flow does not re-mount nodes. */
export const NODE_TYPES = { person: PersonNode, household: HouseholdNode };

/** What an edge needs to find its geometry. */
export type GenogramEdgeData = { ref: string; kind?: LineKind };
/** A genogram edge. */
export type GenogramEdge = Edge<GenogramEdgeData, 'partnership' | 'child' | 'line' | 'twins'>;

/*
 * The drawing is worked out afresh on every step of a drag, so every edge hears of it; these keep the
 * SVG of a line that did not move from being rebuilt, by comparing what it draws.
 */
const SamePartnershipLine = memo(PartnershipLine, (a, b) => a.g.path === b.g.path && a.g.dash === b.g.dash && a.g.slashes.join() === b.g.slashes.join());
const SameChildLine = memo(ChildLine);
const sameLine = (a: LineGeometry, b: LineGeometry) => a.paths.join() === b.paths.join() && a.arrow === b.arrow && a.label.x === b.label.x && a.label.y === b.label.y;
const SameRelationLine = memo(RelationLine, (a, b) => a.kind === b.kind && sameLine(a.g, b.g));
const SameTwinBar = memo(TwinBar);

function PartnershipEdge({ data }: EdgeProps<GenogramEdge>) {
  const g = useContext(DrawingContext)?.partnerships.get(data?.ref ?? '');
  return g ? <SamePartnershipLine g={g} /> : null;
}

function ChildEdge({ data }: EdgeProps<GenogramEdge>) {
  const g = useContext(DrawingContext)?.children.get(data?.ref ?? '');
  return g ? <SameChildLine path={g.path} dash={g.dash} /> : null;
}

function LineEdge({ data }: EdgeProps<GenogramEdge>) {
  const g = useContext(DrawingContext)?.lines.get(data?.ref ?? '');
  return g && data?.kind ? <SameRelationLine g={g} kind={data.kind} /> : null;
}

function TwinsEdge({ data }: EdgeProps<GenogramEdge>) {
  const path = useContext(DrawingContext)?.twinBars.get(data?.ref ?? '');
  return path ? <SameTwinBar path={path} /> : null;
}

/** The edge types, defined once. */
export const EDGE_TYPES = { partnership: PartnershipEdge, child: ChildEdge, line: LineEdge, twins: TwinsEdge };
