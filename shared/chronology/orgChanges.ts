import { compareChronologyDates } from './chronologyDate.js';
import type { OrgChange } from './entry.js';
import type { AgencyInfo } from './integrate.js';
import type { ShortCodes } from './order.js';

/**
 * The organisational changes chronologies (restructures, staffing, policy changes that may have
 * shaped frontline practice), merged across agencies for the API and the export, and ordered within
 * one agency for the screen. Order follows the key events chronology's date rule, so "03/2019" sits
 * at the start of March here just as it does there.
 */

/** One organisational change with its agency's code, name and colour, as the API and the export give it. */
export type IntegratedOrgChange = OrgChange & { agencyCode: string; agencyName: string; colour: string };

/** Plain code-unit comparison, the same on every client (locale collation differs between browsers and Node). */
function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Orders organisational changes: by date (compareChronologyDates: earliest day, then exact before
 * month before year), then agency short code, then agency id, then change id, so the order is total
 * and every reader agrees on it.
 */
export function compareOrgChanges(a: Pick<OrgChange, 'id' | 'agencyId' | 'date'>, b: Pick<OrgChange, 'id' | 'agencyId' | 'date'>, shortCodes: ShortCodes = {}): number {
  const byDate = compareChronologyDates(a.date, b.date);
  if (byDate !== 0) return byDate;
  if (a.agencyId !== b.agencyId) {
    const ca = (shortCodes[a.agencyId] ?? a.agencyId).toUpperCase();
    const cb = (shortCodes[b.agencyId] ?? b.agencyId).toUpperCase();
    return cmp(ca, cb) || cmp(a.agencyId, b.agencyId);
  }
  return cmp(a.id, b.id);
}

/** A sorted copy of one list of organisational changes (compareOrgChanges); the input is left as it was. */
export function sortOrgChanges<T extends OrgChange>(changes: readonly T[], shortCodes: ShortCodes = {}): T[] {
  return [...changes].sort((a, b) => compareOrgChanges(a, b, shortCodes));
}

/**
 * Every agency's organisational changes in one date order, each with its agency's code, name and
 * colour. The agency comes from which document a change was read from, never from the change itself.
 * Agencies not listed in `agencies` are left out.
 */
export function integrateOrgChanges(byAgency: ReadonlyMap<string, readonly OrgChange[]>, agencies: readonly AgencyInfo[]): IntegratedOrgChange[] {
  const out: IntegratedOrgChange[] = [];
  for (const a of agencies) {
    for (const c of byAgency.get(a.id) ?? []) {
      out.push({ ...c, agencyId: a.id, agencyCode: a.shortCode, agencyName: a.name, colour: a.colour });
    }
  }
  return sortOrgChanges(out, Object.fromEntries(agencies.map((a) => [a.id, a.shortCode])));
}
