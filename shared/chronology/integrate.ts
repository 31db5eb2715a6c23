import type { ChronologyEntry, TeamFields } from './entry.js';
import { NO_TEAM_FIELDS } from './entry.js';
import { compareRows } from './ordering.js';
import { earliestIso, latestIso } from './chronologyDate.js';
import type { Category } from './categories.js';

/** The agency facts a row shows beside its entry. */
export type AgencyInfo = { id: string; name: string; shortCode: string; colour: string };

/** One row of the integrated chronology. */
export type IntegratedRow = ChronologyEntry & { agencyId: string; agencyCode: string; agencyName: string; colour: string; team: TeamFields };

/** Merges every agency's entries with their team fields into one list in chronology order. */
export function integrate(
  byAgency: ReadonlyMap<string, readonly ChronologyEntry[]>,
  agencies: readonly AgencyInfo[],
  team: ReadonlyMap<string, TeamFields>,
): IntegratedRow[] {
  const rows: IntegratedRow[] = [];
  for (const agency of agencies) {
    for (const e of byAgency.get(agency.id) ?? []) {
      rows.push({ ...e, agencyId: agency.id, agencyCode: agency.shortCode, agencyName: agency.name, colour: agency.colour, team: team.get(e.id) ?? NO_TEAM_FIELDS });
    }
  }
  return rows.sort(compareRows);
}

/** The integrated view's filters; empty fields do not filter. */
export type ChronologyFilter = {
  agencyIds?: readonly string[];
  personId?: string | null;
  categories?: readonly Category[];
  /** ISO bounds; a row matches if its date's range overlaps them. */
  from?: string | null;
  to?: string | null;
  keyLearningOnly?: boolean;
  text?: string;
};

/**
 * Filters rows. Free text is case-insensitive over the event, comment, source, roles and team note;
 * a date range keeps a vague date ("2019") whenever its range overlaps, so nothing is silently hidden.
 */
export function filterRows<R extends IntegratedRow>(rows: readonly R[], f: ChronologyFilter, peopleNames: ReadonlyMap<string, string> = new Map()): R[] {
  const text = f.text?.trim().toLowerCase() ?? '';
  const agencies = f.agencyIds && f.agencyIds.length > 0 ? new Set(f.agencyIds) : null;
  const cats = f.categories && f.categories.length > 0 ? new Set(f.categories) : null;
  return rows.filter((r) => {
    if (agencies && !agencies.has(r.agencyId)) return false;
    if (cats && !cats.has(r.category)) return false;
    if (f.keyLearningOnly && !r.team.keyLearning) return false;
    if (f.personId && !r.familyContactIds.includes(f.personId)) return false;
    if (f.from && latestIso(r.date) < f.from) return false;
    if (f.to && earliestIso(r.date) > f.to) return false;
    if (text) {
      const hay = [r.event, r.comment, r.source, r.childContactBy, r.familyContactBy, r.team.note, r.agencyCode,
        ...r.familyContactIds.map((id) => peopleNames.get(id) ?? '')].join('\n').toLowerCase();
      if (!hay.includes(text)) return false;
    }
    return true;
  });
}
