import type * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import type { ReportDraft } from '../../../shared/report/draft.js';
import type { DraftAction, DraftList } from './draftReducer.js';

/**
 * What every builder panel gets: the draft as the shared document holds it, a way to change it, its
 * field errors, list moves that keep focus, and the document itself for its collaborative text fields.
 */
export type BuilderKit = {
  draft: ReportDraft;
  dispatch(action: DraftAction): void;
  /** The error message for a field, when the last check of the draft found one. */
  error(fieldId: string): string | undefined;
  /** Adds an item to a list and moves focus to the new item's first field. */
  add(list: DraftList): void;
  /** Moves an item up or down; focus follows it and the new position is announced. `what` names it ("Theme 2"). */
  move(list: DraftList, index: number, by: -1 | 1, what: string): void;
  /** Removes an item (and references to it); focus goes to the list's add button and the removal is announced. */
  remove(list: DraftList, index: number, what: string): void;
  /** The report draft's shared document (review.<id>.report). */
  doc: Y.Doc;
  /** Presence on that document, for others' carets in text fields. */
  awareness: Awareness | null;
  /** True for members who may read the draft but not change it (the review team). */
  readOnly: boolean;
};

/** The id prefix of an item's move and remove buttons; items with ids use them, so focus can follow a move. */
export function itemControlsId(list: DraftList, draft: ReportDraft, index: number): string {
  const item = list === 'keyLinesOfEnquiry' || list === 'actionPlan' ? null : draft[list][index];
  return `report-${list}-${item ? item.id : index}`;
}
