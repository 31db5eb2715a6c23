import type { IntegratedRow } from '../../../shared/chronology/index.js';
import type { Person } from '../../../shared/people.js';
import { Highlight } from './Highlight.js';
import { categoryText, childContactText, dateNote, dateText, familyContactText, safeColour } from './rowDisplay.js';
import { SORTABLE_COLUMNS } from './rowSort.js';

/**
 * The integrated chronology as a plain table with every word of every cell: the "Full text" view and
 * the printed chronology. Each row is filled with its agency's colour and names its agency code; the
 * heading rows (with the protective marking) repeat on every printed page, and the marking is at the
 * foot of every page too. Search words are marked.
 */
export function ChronologyFullTable({
  rows,
  people,
  phaseTitles,
  terms,
  caption,
  id,
}: {
  rows: readonly IntegratedRow[];
  people: ReadonlyMap<string, Person>;
  phaseTitles: ReadonlyMap<string, string>;
  terms: readonly string[];
  caption: string;
  id: string;
}) {
  const cols = SORTABLE_COLUMNS.length;
  return (
    <table className="chron-full" id={id} data-testid={id}>
      <caption className="chron-full__caption">{caption}</caption>
      <thead>
        {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: the row holds no focusable content; it hides the printed page marking from screen readers */}
        <tr className="chron-full__marking" aria-hidden="true">
          <td colSpan={cols}>OFFICIAL-SENSITIVE</td>
        </tr>
        <tr>
          {SORTABLE_COLUMNS.map((c) => (
            <th key={c.key} scope="col">
              {c.heading}
            </th>
          ))}
        </tr>
      </thead>
      <tfoot aria-hidden="true">
        <tr className="chron-full__marking">
          <td colSpan={cols}>OFFICIAL-SENSITIVE</td>
        </tr>
      </tfoot>
      <tbody>
        {rows.map((row) => {
          const note = dateNote(row.date);
          const family = familyContactText(row, people);
          const phase = row.team.phaseId ? (phaseTitles.get(row.team.phaseId) ?? row.team.phaseId) : null;
          return (
            <tr
              key={row.id}
              className={row.team.keyLearning ? 'chron-full__row chron-full__row--key' : 'chron-full__row'}
              style={{ backgroundColor: safeColour(row.colour) }}
              data-row-id={row.id}
            >
              <th scope="row">
                <Highlight text={dateText(row)} terms={terms} />
                {note && <span className="chron-cell__note">{note}</span>}
              </th>
              <td>
                <span className="chron-full__code" title={row.agencyName}>
                  {row.agencyCode}
                </span>
                <span className="chron-full__agency">{row.agencyName}</span>
              </td>
              <td>
                <Highlight text={categoryText(row)} terms={terms} />
              </td>
              <td className="chron-full__text">
                <Highlight text={row.keyEvent} terms={terms} />
              </td>
              <td className="chron-full__text">
                <Highlight text={row.comment} terms={terms} />
              </td>
              <td>
                Child: <Highlight text={childContactText(row)} terms={terms} />
                {family && (
                  <>
                    <br />
                    Family: <Highlight text={family} terms={terms} />
                  </>
                )}
              </td>
              <td>
                <Highlight text={row.source} terms={terms} />
              </td>
              <td>
                {row.team.keyLearning && <span className="chron-key">Key learning</span>}
                {phase && <span className="chron-cell__note">Phase: {phase}</span>}
                {row.team.note && (
                  <span className="chron-cell__note">
                    <Highlight text={row.team.note} terms={terms} />
                  </span>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
