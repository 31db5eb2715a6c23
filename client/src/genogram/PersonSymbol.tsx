import type { BirthStatus } from '../../../shared/genogram/index.js';
import type { Gender } from '../../../shared/people.js';

/** What the symbol of one person shows. */
export type SymbolFacts = {
  gender: Gender;
  birthStatus: BirthStatus;
  isSubject: boolean;
  deceased: boolean;
  placeholder: boolean;
  age: number | null;
};

const INK = '#0b0c0c';

/** The outline of a gender's symbol of `size`, centred on (cx, cy): square, circle or diamond. */
function Shape({ gender, cx, cy, size, fill = '#fff' }: { gender: Gender; cx: number; cy: number; size: number; fill?: string }) {
  const h = size / 2;
  if (gender === 'male') return <rect x={cx - h} y={cy - h} width={size} height={size} fill={fill} stroke={INK} strokeWidth={2} />;
  if (gender === 'female') return <circle cx={cx} cy={cy} r={h} fill={fill} stroke={INK} strokeWidth={2} />;
  return <polygon points={`${cx},${cy - h} ${cx + h},${cy} ${cx},${cy + h} ${cx - h},${cy}`} fill={fill} stroke={INK} strokeWidth={2} />;
}

/**
 * A person in McGoldrick's notation as used by UK children's services: male square, female circle,
 * unknown or other diamond; the subject child with a double outline; a deceased person crossed
 * through; age inside; "?" for someone whose identity is not known. A pregnancy is a triangle, a
 * miscarriage a small filled circle, a stillbirth a small crossed symbol. Pure SVG, so the live drawing,
 * the legend and the exported file share it. It is decoration: its words are in the node's label.
 */
export function PersonSymbol({ facts, cx, cy, size }: { facts: SymbolFacts; cx: number; cy: number; size: number }) {
  const h = size / 2;
  if (facts.birthStatus === 'pregnancy') {
    const t = h * 0.85;
    return (
      <g className="gg-symbol">
        <polygon points={`${cx},${cy - t} ${cx + t},${cy + t * 0.8} ${cx - t},${cy + t * 0.8}`} fill="#fff" stroke={INK} strokeWidth={2} />
      </g>
    );
  }
  if (facts.birthStatus === 'miscarriage') {
    return (
      <g className="gg-symbol">
        <circle cx={cx} cy={cy} r={h * 0.35} fill={INK} />
      </g>
    );
  }
  if (facts.birthStatus === 'stillbirth') {
    const s = size * 0.6;
    const k = s / 2;
    return (
      <g className="gg-symbol">
        <Shape gender={facts.gender} cx={cx} cy={cy} size={s} />
        <path d={`M${cx - k} ${cy - k} L${cx + k} ${cy + k} M${cx + k} ${cy - k} L${cx - k} ${cy + k}`} stroke={INK} strokeWidth={2} />
      </g>
    );
  }
  const text = facts.placeholder ? '?' : facts.age !== null ? String(facts.age) : '';
  return (
    <g className="gg-symbol">
      <Shape gender={facts.gender} cx={cx} cy={cy} size={size} />
      {facts.isSubject && <Shape gender={facts.gender} cx={cx} cy={cy} size={size - 10} fill="none" />}
      {text && (
        <text
          x={cx}
          y={cy}
          textAnchor="middle"
          dominantBaseline="central"
          fontSize={text.length > 2 ? 13 : 16}
          fontWeight={700}
          fill={INK}
          fontFamily="system-ui, Arial, sans-serif"
        >
          {text}
        </text>
      )}
      {facts.deceased && <path d={`M${cx - h} ${cy - h} L${cx + h} ${cy + h} M${cx + h} ${cy - h} L${cx - h} ${cy + h}`} stroke={INK} strokeWidth={2} />}
    </g>
  );
}
