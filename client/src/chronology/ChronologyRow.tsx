// biome-ignore-all lint/a11y/useSemanticElements: the chronology is a virtualised table: only the visible rows exist, each absolutely
// positioned at its index, which native table layout cannot do; ARIA table roles on divs with aria-rowindex/aria-rowcount are the pattern for it.
// biome-ignore-all lint/a11y/useFocusableInteractive: these rows and headers belong to a table, not a grid, so they take no focus; the buttons in them do (roving tabindex).
import { memo } from 'react';
import type { IntegratedRow } from '../../../shared/chronology/index.js';
import type { Person } from '../../../shared/people.js';
import { openQueriesText } from '../evidence/queryCounts.js';
import { Highlight } from './Highlight.js';
import { categoryText, childContactText, dateNote, dateText, familyContactText, safeColour } from './rowDisplay.js';

/** Height of every table row, in CSS pixels: fixed, so the window of rows follows from the scroll position. */
export const ROW_HEIGHT = 88;

/**
 * One row of the integrated chronology. The row is filled with its agency's colour and always says
 * the agency's short code in words; an uncertain or imprecise date says so under the date; a key
 * practice learning event says "Key learning". The date cell holds the row's button: it is the one
 * focus stop of the row (arrow keys move between rows) and opens the row with Enter.
 */
export const ChronologyRow = memo(function ChronologyRow({
  row,
  index,
  tabbable,
  mode,
  editors,
  people,
  phaseTitle,
  terms,
  onOpen,
  onFocusRow,
  openQueries = 0,
}: {
  row: IntegratedRow;
  index: number;
  tabbable: boolean;
  mode: 'edit' | 'view';
  editors: readonly string[] | undefined;
  people: ReadonlyMap<string, Person>;
  phaseTitle: string | null;
  /** The words of the current search, marked where they occur. */
  terms: readonly string[];
  onOpen(id: string): void;
  onFocusRow(index: number): void;
  /** Unresolved review-team queries on this row (issue 16), shown as a badge in the team column. */
  openQueries?: number;
}) {
  const note = dateNote(row.date);
  const family = familyContactText(row, people);
  const editing = editors && editors.length > 0;
  const classes = ['chron-row'];
  if (row.team.keyLearning) classes.push('chron-row--key');
  if (editing) classes.push('chron-row--editing');
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      className={classes.join(' ')}
      data-row-id={row.id}
      style={{ top: index * ROW_HEIGHT, height: ROW_HEIGHT, backgroundColor: safeColour(row.colour) }}
    >
      <div role="rowheader" className="chron-cell chron-cell--date">
        <button type="button" className="chron-row__open" tabIndex={tabbable ? 0 : -1} data-row-index={index} onClick={() => onOpen(row.id)} onFocus={() => onFocusRow(index)}>
          <Highlight text={dateText(row)} terms={terms} />
          <span className="visually-hidden">
            , {row.agencyCode}. Read{mode === 'edit' ? ' or edit' : ''} this row
          </span>
        </button>
        {note && <span className="chron-cell__note">{note}</span>}
        {editing && <span className="chron-cell__editing">Being edited by {editors.join(', ')}</span>}
      </div>
      <div role="cell" className="chron-cell">
        <span className="agency-tag chron-code" title={row.agencyName}>
          <span className="agency-tag__code">{row.agencyCode}</span>
          <span className="visually-hidden">: {row.agencyName}</span>
        </span>
      </div>
      <div role="cell" className="chron-cell">
        <span className="chron-clip">
          <Highlight text={categoryText(row)} terms={terms} />
        </span>
      </div>
      <div role="cell" className="chron-cell">
        <span className="chron-clip">
          <Highlight text={row.keyEvent} terms={terms} />
        </span>
      </div>
      <div role="cell" className="chron-cell">
        <span className="chron-clip">
          <Highlight text={row.comment} terms={terms} />
        </span>
      </div>
      <div role="cell" className="chron-cell">
        <span className="chron-clip">
          Child: <Highlight text={childContactText(row)} terms={terms} />
          {family && (
            <>
              <br />
              Family: <Highlight text={family} terms={terms} />
            </>
          )}
        </span>
      </div>
      <div role="cell" className="chron-cell">
        <span className="chron-clip">
          <Highlight text={row.source} terms={terms} />
        </span>
      </div>
      <div role="cell" className="chron-cell">
        {row.team.keyLearning && <span className="chron-key">Key learning</span>}
        {row.team.phaseId && <span className="chron-cell__note">Phase: {phaseTitle ?? row.team.phaseId}</span>}
        {row.team.note && <span className="chron-cell__note">Team note added</span>}
        {openQueries > 0 && <span className="badge badge--info chron-queries">{openQueriesText(openQueries)}</span>}
        {!row.team.keyLearning && !row.team.phaseId && !row.team.note && openQueries === 0 && <span className="visually-hidden">Nothing</span>}
      </div>
    </div>
  );
});
