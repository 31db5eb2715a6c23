import { HOUSEHOLD_LABEL_HEIGHT, LINE_STYLE, type HouseholdDrawing, type LineGeometry, type LineKind, type PartnershipGeometry } from '../../../shared/genogram/index.js';

/**
 * The genogram's lines as plain SVG, shared by the live drawing (inside React Flow edges) and the
 * exported file. They are decoration for assistive technology: every relationship is also written
 * out in the list view and in the person panel.
 */

const INK = '#0b0c0c';

/** A couple's line, with its slashes for separation and divorce. */
export function PartnershipLine({ g }: { g: PartnershipGeometry & { dash: string | null } }) {
  return (
    <g className="gg-line gg-line--partnership">
      <path d={g.path} fill="none" stroke={INK} strokeWidth={2.5} strokeDasharray={g.dash ?? undefined} />
      {g.slashes.map((d) => (
        <path key={d} d={d} stroke={INK} strokeWidth={2.5} />
      ))}
    </g>
  );
}

/** A child's line from their parents' anchor. */
export function ChildLine({ path, dash }: { path: string; dash: string | null }) {
  return <path className="gg-line gg-line--child" d={path} fill="none" stroke={INK} strokeWidth={2} strokeDasharray={dash ?? undefined} />;
}

/** A relationship line (abuse, conflict, closeness, distance, cut-off), with its arrow and letter code. */
export function RelationLine({ g, kind }: { g: LineGeometry; kind: LineKind }) {
  const style = LINE_STYLE[kind];
  return (
    <g className="gg-line gg-line--relation">
      {g.paths.map((d, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the pieces of one drawn line, in order, recomputed from the layout; a piece's position is its identity
        <path key={i} d={d} fill="none" stroke={style.colour} strokeWidth={2} strokeDasharray={style.dash ?? undefined} strokeLinejoin="round" />
      ))}
      {g.arrow && <path d={g.arrow} fill={style.colour} stroke={style.colour} strokeWidth={1} />}
      {style.code && (
        <g>
          <rect x={g.label.x - 13} y={g.label.y - 9} width={26} height={18} rx={3} fill="#fff" stroke={style.colour} strokeWidth={1.5} />
          <text
            x={g.label.x}
            y={g.label.y}
            textAnchor="middle"
            dominantBaseline="central"
            fontSize={11}
            fontWeight={700}
            fill={style.colour}
            fontFamily="system-ui, Arial, sans-serif"
          >
            {style.code}
          </text>
        </g>
      )}
    </g>
  );
}

/** The bar that joins identical twins' lines. */
export function TwinBar({ path }: { path: string }) {
  return <path className="gg-line gg-line--twins" d={path} fill="none" stroke={INK} strokeWidth={2} />;
}

/** Outline dash patterns, taken in turn, so that neighbouring households differ in more than colour. */
const HOUSEHOLD_DASHES = ['10 6', '3 5', '14 4 3 4'];

/** A household outline with its label, as drawn in an exported file (the live drawing uses a node). */
export function HouseholdOutline({ household: h, index }: { household: HouseholdDrawing; index: number }) {
  const { rect } = h;
  return (
    <g className="gg-household">
      <rect
        x={rect.x}
        y={rect.y}
        width={rect.width}
        height={rect.height}
        rx={16}
        fill="none"
        stroke="#1d3a5f"
        strokeWidth={2}
        strokeDasharray={HOUSEHOLD_DASHES[index % HOUSEHOLD_DASHES.length]}
      />
      <rect x={h.labelAt.x} y={h.labelAt.y} width={h.labelWidth} height={HOUSEHOLD_LABEL_HEIGHT} fill="#fff" />
      <text
        x={h.labelAt.x + 5}
        y={h.labelAt.y + HOUSEHOLD_LABEL_HEIGHT / 2}
        dominantBaseline="central"
        fontSize={12}
        fontWeight={700}
        fill="#1d3a5f"
        fontFamily="system-ui, Arial, sans-serif"
      >
        {h.label}
      </text>
    </g>
  );
}

/** The dash pattern of the household at `index`. */
export function householdDash(index: number): string {
  return HOUSEHOLD_DASHES[index % HOUSEHOLD_DASHES.length]!;
}
