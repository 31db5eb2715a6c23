import type { ReportDraft } from '../../../shared/report/draft.js';
import type { DraftAction, DraftList } from './draftReducer.js';

/** What every builder panel gets: the draft, a way to change it, its field errors, and list moves that keep focus. */
export type BuilderKit = {
  draft: ReportDraft;
  dispatch(action: DraftAction): void;
  /** The error message for a field, when the last save attempt found one. */
  error(fieldId: string): string | undefined;
  /** Adds an item to a list and moves focus to the new item's first field. */
  add(list: DraftList): void;
  /** Moves an item up or down; focus follows it and the new position is announced. `what` names it ("Theme 2"). */
  move(list: DraftList, index: number, by: -1 | 1, what: string): void;
  /** Removes an item (and references to it); focus goes to the list's add button and the removal is announced. */
  remove(list: DraftList, index: number, what: string): void;
};

/** The id prefix of an item's move and remove buttons; items with ids use them, so focus can follow a move. */
export function itemControlsId(list: DraftList, draft: ReportDraft, index: number): string {
  const item = list === 'keyLinesOfEnquiry' || list === 'actionPlan' ? null : draft[list][index];
  return `report-${list}-${item ? item.id : index}`;
}
