import { PERSON_WIDTH, SYMBOL_SIZE, SYMBOL_TOP, drawingExtent, wrapMeta, wrapName, type Family, type Point } from '../../../shared/genogram/index.js';
import { computeDrawing } from './drawing.js';
import { LEGEND_ITEMS, SAMPLE } from './Legend.js';
import { ChildLine, HouseholdOutline, PartnershipLine, RelationLine, TwinBar } from './Lines.js';
import { metaLine, symbolFacts, type LabelMode, type NameOf } from './names.js';
import { PersonSymbol } from './PersonSymbol.js';

const FONT = 'system-ui, Arial, sans-serif';
/** Width allowed per character of a key label (12px text, generously, so the key is never cut off). */
const KEY_CHAR_WIDTH = 7;

/**
 * The whole genogram as one standalone SVG, for export: the same symbols and lines as the live
 * drawing, names or report labels beneath each symbol, and a key to the symbols and lines used.
 */
export function GenogramDrawing({
  family,
  positions,
  nameOf,
  labelMode,
  todayIso,
  heading,
}: {
  family: Family;
  positions: ReadonlyMap<string, Point>;
  nameOf: NameOf;
  labelMode: LabelMode;
  todayIso: string;
  heading: string;
}) {
  const drawing = computeDrawing(family, positions);
  const box = drawingExtent(drawing, positions);
  const legend = LEGEND_ITEMS.filter((i) => i.used(family));
  // The key is as wide as its longest label needs, so nothing in it is clipped at the right.
  const legendWidth = SAMPLE.width + 8 + Math.max(4, ...legend.map((i) => i.label.length)) * KEY_CHAR_WIDTH + 40;
  const legendHeight = 80 + legend.length * (SAMPLE.height + 6);
  const top = box.y - 40;
  const width = box.width + legendWidth;
  const height = Math.max(box.height + 40, legendHeight + 40);
  const legendX = box.x + box.width + 20;
  return (
    <svg xmlns="http://www.w3.org/2000/svg" width={width} height={height} viewBox={`${box.x} ${top} ${width} ${height}`} role="img" aria-label={heading}>
      <title>{heading}</title>
      <rect x={box.x} y={top} width={width} height={height} fill="#fff" />
      <text x={box.x + 20} y={top + 26} fontSize={18} fontWeight={700} fontFamily={FONT} fill="#0b0c0c">
        {heading}
      </text>
      {drawing.households.map((h, i) => (
        <HouseholdOutline key={h.id} household={h} index={i} />
      ))}
      {[...drawing.partnerships].map(([id, g]) => (
        <PartnershipLine key={id} g={g} />
      ))}
      {[...drawing.children].map(([id, g]) => (
        <ChildLine key={id} path={g.path} dash={g.dash} />
      ))}
      {[...drawing.twinBars].map(([id, d]) => (
        <TwinBar key={id} path={d} />
      ))}
      {family.lines.map((l) => {
        const g = drawing.lines.get(l.id);
        return g ? <RelationLine key={l.id} g={g} kind={l.kind} /> : null;
      })}
      {family.people.map((p) => {
        const at = positions.get(p.id);
        if (!at) return null;
        const cx = at.x + PERSON_WIDTH / 2;
        const meta = metaLine(p, labelMode);
        const lines = wrapName(nameOf(p.id));
        const nameY = at.y + SYMBOL_TOP + SYMBOL_SIZE + 16;
        return (
          <g key={p.id}>
            <PersonSymbol facts={symbolFacts(p, todayIso)} cx={cx} cy={at.y + SYMBOL_TOP + SYMBOL_SIZE / 2} size={SYMBOL_SIZE} />
            {lines.map((line, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: lines of one fixed text, in order; a line's position is its identity
              <text key={i} x={cx} y={nameY + i * 15} textAnchor="middle" fontSize={13} fontWeight={600} fontFamily={FONT} fill="#0b0c0c">
                {line}
              </text>
            ))}
            {wrapMeta(meta, lines.length).map((line, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: lines of one fixed text, in order; a line's position is its identity
              <text key={`m${i}`} x={cx} y={nameY + (lines.length + i) * 15 - 1} textAnchor="middle" fontSize={11} fontFamily={FONT} fill="#4b5257">
                {line}
              </text>
            ))}
          </g>
        );
      })}
      <g>
        <text x={legendX} y={top + 60} fontSize={14} fontWeight={700} fontFamily={FONT} fill="#0b0c0c">
          Key
        </text>
        {legend.map((item, i) => {
          const y = top + 70 + i * (SAMPLE.height + 6);
          return (
            <g key={item.key}>
              <g transform={`translate(${legendX} ${y})`}>{item.sample}</g>
              <text x={legendX + SAMPLE.width + 8} y={y + SAMPLE.height / 2} dominantBaseline="central" fontSize={12} fontFamily={FONT} fill="#0b0c0c">
                {item.label}
              </text>
            </g>
          );
        })}
      </g>
    </svg>
  );
}
