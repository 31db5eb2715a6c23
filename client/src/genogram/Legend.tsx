import type { ReactNode } from 'react';
import {
  ABUSE_KINDS,
  CHILD_LINK_DASH,
  CHILD_LINK_LABELS,
  ChildLinkKindSchema,
  LINE_LABELS,
  LineKindSchema,
  PARTNERSHIP_DASH,
  PARTNERSHIP_LABELS,
  PARTNERSHIP_SLASHES,
  PartnershipKindSchema,
  lineGeometry,
  type Family,
} from '../../../shared/genogram/index.js';
import { ChildLine, RelationLine, householdDash } from './Lines.js';
import { PersonSymbol, type SymbolFacts } from './PersonSymbol.js';

/** One entry of the key: a small drawing and its meaning. */
export type LegendItem = { key: string; label: string; sample: ReactNode; used(f: Family): boolean };

/** Width and height of a legend sample. */
export const SAMPLE = { width: 80, height: 40 };

const person = (over: Partial<SymbolFacts>): ReactNode => (
  <PersonSymbol
    facts={{ gender: 'unknown', birthStatus: 'born', isSubject: false, deceased: false, placeholder: false, age: null, ...over }}
    cx={SAMPLE.width / 2}
    cy={SAMPLE.height / 2}
    size={26}
  />
);

function couple(kind: keyof typeof PARTNERSHIP_DASH): ReactNode {
  const y = SAMPLE.height / 2;
  const slashes = Array.from({ length: PARTNERSHIP_SLASHES[kind] }, (_, i) => {
    const x = 36 - i * 9;
    // biome-ignore lint/suspicious/noArrayIndexKey: the slashes are identical marks drawn side by side; a slash's position is its identity
    return <path key={i} d={`M${x - 5} ${y + 9} L${x + 5} ${y - 9}`} stroke="#0b0c0c" strokeWidth={2.5} />;
  });
  return (
    <g>
      <path d={`M6 ${y} H74`} stroke="#0b0c0c" strokeWidth={2.5} strokeDasharray={PARTNERSHIP_DASH[kind] ?? undefined} />
      {slashes}
    </g>
  );
}

/** Every item of the genogram's key, in reading order: symbols, couples, children, lines, households. */
export const LEGEND_ITEMS: LegendItem[] = [
  { key: 'male', label: 'Male', sample: person({ gender: 'male' }), used: (f) => f.people.some((p) => p.gender === 'male') },
  { key: 'female', label: 'Female', sample: person({ gender: 'female' }), used: (f) => f.people.some((p) => p.gender === 'female') },
  { key: 'unknown', label: 'Gender not known or other', sample: person({ gender: 'unknown' }), used: (f) => f.people.some((p) => p.gender === 'unknown' || p.gender === 'other') },
  { key: 'subject', label: 'Subject child (double outline)', sample: person({ gender: 'female', isSubject: true }), used: (f) => f.people.some((p) => p.isSubject) },
  { key: 'age', label: 'Age inside the symbol', sample: person({ gender: 'male', age: 34 }), used: (f) => f.people.some((p) => p.dateOfBirth) },
  { key: 'deceased', label: 'Died (crossed; year of death beneath)', sample: person({ gender: 'male', deceased: true }), used: (f) => f.people.some((p) => p.dateOfDeath) },
  { key: 'placeholder', label: 'Identity not known', sample: person({ placeholder: true }), used: (f) => f.people.some((p) => p.placeholder) },
  { key: 'pregnancy', label: 'Pregnancy', sample: person({ birthStatus: 'pregnancy' }), used: (f) => f.people.some((p) => p.birthStatus === 'pregnancy') },
  { key: 'miscarriage', label: 'Miscarriage', sample: person({ birthStatus: 'miscarriage' }), used: (f) => f.people.some((p) => p.birthStatus === 'miscarriage') },
  { key: 'stillbirth', label: 'Stillbirth', sample: person({ birthStatus: 'stillbirth' }), used: (f) => f.people.some((p) => p.birthStatus === 'stillbirth') },
  ...PartnershipKindSchema.options.map(
    (k): LegendItem => ({
      key: `couple-${k}`,
      label: `${PARTNERSHIP_LABELS[k]}${k === 'cohabiting' ? ' (dashed)' : k === 'separated' ? ' (one slash)' : k === 'divorced' ? ' (two slashes)' : k === 'ended' ? ' (dashed, two slashes)' : ' (solid)'}`,
      sample: couple(k),
      used: (f) => f.partnerships.some((p) => p.kind === k),
    }),
  ),
  ...ChildLinkKindSchema.options.map(
    (k): LegendItem => ({
      key: `child-${k}`,
      label: `${CHILD_LINK_LABELS[k]}${k === 'adopted' ? ' (dashed)' : k === 'foster' ? ' (dotted)' : k === 'step' ? ' (dash-dot)' : ' (solid)'}`,
      sample: <ChildLine path={`M8 ${SAMPLE.height / 2} H72`} dash={CHILD_LINK_DASH[k]} />,
      used: (f) => f.childLinks.some((l) => l.kind === k),
    }),
  ),
  {
    key: 'twins',
    label: 'Twins (lines meet); identical twins joined by a bar',
    sample: (
      <g stroke="#0b0c0c" strokeWidth={2} fill="none">
        <path d="M40 6 L22 34 M40 6 L58 34" />
        <path d="M31 20 H49" />
      </g>
    ),
    used: (f) => f.twins.length > 0,
  },
  ...LineKindSchema.options.map(
    (k): LegendItem => ({
      key: `line-${k}`,
      label: LINE_LABELS[k],
      sample: <RelationLine g={lineGeometry({ kind: k, directed: ABUSE_KINDS.includes(k) }, { x: -84, y: -16 }, { x: 44, y: -16 })} kind={k} />,
      used: (f) => f.lines.some((l) => l.kind === k),
    }),
  ),
  {
    key: 'household',
    label: 'Household: who lives together',
    sample: <rect x={6} y={6} width={68} height={28} rx={8} fill="none" stroke="#1d3a5f" strokeWidth={2} strokeDasharray={householdDash(0)} />,
    used: (f) => f.households.length > 0,
  },
];

/** The key to the drawing, as a list a screen reader can read (the samples themselves are decoration). */
export function Legend() {
  return (
    <section className="gg-legend" aria-labelledby="gg-legend-heading">
      <h3 id="gg-legend-heading">Key to the drawing</h3>
      <ul className="gg-legend__list">
        {LEGEND_ITEMS.map((item) => (
          <li key={item.key} className="gg-legend__item">
            <svg width={SAMPLE.width} height={SAMPLE.height} aria-hidden="true" focusable="false">
              {item.sample}
            </svg>
            <span>{item.label}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
