import type { ChronologyEntry, TeamFields } from './entry.js';
import { blankTeamFields } from './entry.js';
import { sortEntries } from './order.js';

/** The agency facts a row shows beside its entry. */
export type AgencyInfo = { id: string; name: string; shortCode: string; colour: string };

/** One row of the integrated chronology: the agency's entry, its agency's code and colour, and the team's fields. */
export type IntegratedRow = ChronologyEntry & { agencyCode: string; agencyName: string; colour: string; team: TeamFields };

/** Merges every agency's entries with their team fields into one list in the integrated order (`compareEntries`). */
export function integrate(byAgency: ReadonlyMap<string, readonly ChronologyEntry[]>, agencies: readonly AgencyInfo[], team: ReadonlyMap<string, TeamFields>): IntegratedRow[] {
  const rows: IntegratedRow[] = [];
  for (const agency of agencies) {
    for (const e of byAgency.get(agency.id) ?? []) {
      // The agency comes from which document the row was read from, never from the row itself.
      rows.push({ ...e, agencyId: agency.id, agencyCode: agency.shortCode, agencyName: agency.name, colour: agency.colour, team: team.get(e.id) ?? blankTeamFields() });
    }
  }
  return sortEntries(rows, Object.fromEntries(agencies.map((a) => [a.id, a.shortCode])));
}
