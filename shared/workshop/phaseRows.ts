import { chronologyDateRange, formatChronologyDate, type ChronologyDate } from '../chronology/chronologyDate.js';
import type { SharedPhaseRow } from './participant.js';

/** What a phase needs from an integrated chronology row. */
type Row = { date: ChronologyDate; agencyCode: string; agencyName: string; colour: string; keyEvent: string };

/**
 * The rows of a workshop phase: every row whose date range overlaps the phase, in the order given
 * (the integrated order), with the key event pseudonymised. A vague date ("2019") that overlaps the
 * phase is included rather than silently dropped.
 */
export function phaseRows(rows: readonly Row[], phase: { start: string; end: string }, pseudonymise: (s: string) => string): SharedPhaseRow[] {
  return rows
    .filter((r) => {
      const { start, end } = chronologyDateRange(r.date);
      return end >= phase.start && start <= phase.end;
    })
    .map((r) => ({ date: formatChronologyDate(r.date), agencyCode: r.agencyCode, agencyName: r.agencyName, colour: r.colour, event: pseudonymise(r.keyEvent) }));
}
