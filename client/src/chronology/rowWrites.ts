import * as Y from 'yjs';
import { blankTeamFields, removeEntry, removeTeamFields, writeEntry, writeTeamFields, type ChronologyEntry, type TeamFields } from '../../../shared/chronology/index.js';
import { mergeEdit } from './entryForm.js';

/**
 * Writes a saved row panel into the live documents: the agency's fields into that agency's
 * chronology, the review team's into the team document. Each is merged with what is there now, so
 * a colleague's concurrent change to another field survives, and the shared writers validate
 * everything again. Throws (with a message fit to show) when a write cannot be made.
 */
export function writeRowEdit(args: {
  isNew: boolean;
  id: string;
  agencyId: string;
  opened: ChronologyEntry;
  openedTeam: TeamFields;
  entry: ChronologyEntry | null;
  team: TeamFields | null;
  agencyDoc: Y.Doc | null;
  teamDoc: Y.Doc | null;
  currentEntry: ChronologyEntry | null;
  currentTeam: TeamFields | null;
}): void {
  const { id, agencyId } = args;
  if (args.entry) {
    if (!args.agencyDoc) throw new Error('That agency’s chronology is not open yet. Try again in a moment.');
    const merged = args.isNew ? args.entry : mergeEdit(args.opened, args.entry, args.currentEntry);
    writeEntry(args.agencyDoc, agencyId, { ...merged, id, agencyId });
  }
  if (args.team && args.teamDoc) {
    const current = args.currentTeam ?? blankTeamFields();
    const merged = mergeEdit(args.openedTeam, args.team, current);
    if (JSON.stringify(merged) !== JSON.stringify(current)) writeTeamFields(args.teamDoc, id, merged);
  }
}

/** Removes a row from its agency's chronology, and its team fields when the caller may write them. */
export function removeRow(agencyDoc: Y.Doc, teamDoc: Y.Doc | null, id: string): void {
  removeEntry(agencyDoc, id);
  if (teamDoc) removeTeamFields(teamDoc, id);
}
