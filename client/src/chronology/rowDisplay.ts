import { CATEGORY_LABELS, CHILD_CONTACT_LABELS, formatChronologyDate, type ChronologyDate, type ChronologyEntry, type IntegratedRow } from '../../../shared/chronology/index.js';
import type { Person } from '../../../shared/people.js';
import type { PresenceEntry } from '../lib/presence.js';

/** How a row's date and cells are written out: the words carry every meaning the colours carry. */

/** The note under an imprecise or uncertain date, e.g. "Approximate, year only"; null for a certain, exact day. */
export function dateNote(d: ChronologyDate): string | null {
  const parts: string[] = [];
  if (d.uncertainty === 'query') parts.push('Uncertain');
  if (d.uncertainty === 'circa') parts.push('Approximate');
  if (d.precision === 'month') parts.push(parts.length ? 'month only' : 'Month only');
  if (d.precision === 'year') parts.push(parts.length ? 'year only' : 'Year only');
  return parts.length ? parts.join(', ') : null;
}

/** The date as shown, with its time when known: "12/03/2019 14:30", "c. 2017". */
export function dateText(e: Pick<ChronologyEntry, 'date' | 'time'>): string {
  const d = formatChronologyDate(e.date);
  return e.time ? `${d} ${e.time}` : d;
}

/** Contact with the child in words: "Seen alone by Health visitor", "No contact". */
export function childContactText(e: Pick<ChronologyEntry, 'childContact' | 'childContactBy'>): string {
  const by = e.childContactBy.trim();
  // "No contact by …" too: an import keeps what the agency wrote even when the child was not contacted.
  return by ? `${CHILD_CONTACT_LABELS[e.childContact]} by ${by}` : CHILD_CONTACT_LABELS[e.childContact];
}

/** How a person is named in pickers and cells: name (or report label), with the relationship. */
export function personLabel(p: Pick<Person, 'name' | 'reportLabel' | 'relationship'>): string {
  const name = p.name.trim() || p.reportLabel.trim() || 'Name not recorded';
  return p.relationship.trim() ? `${name} (${p.relationship.trim()})` : name;
}

/** The family members contacted, by name, and by whom: "Kerry (Mother) by Health visitor"; "" when none. */
export function familyContactText(e: Pick<ChronologyEntry, 'familyContactIds' | 'familyContactBy'>, people: ReadonlyMap<string, Person>): string {
  const names = e.familyContactIds.map((id) => {
    const p = people.get(id);
    return p ? personLabel(p) : 'Someone no longer in the register';
  });
  const by = e.familyContactBy.trim();
  if (names.length === 0) return by ? `By ${by}` : '';
  return by ? `${names.join(', ')} by ${by}` : names.join(', ');
}

/** The category label. */
export function categoryText(e: Pick<ChronologyEntry, 'category'>): string {
  return CATEGORY_LABELS[e.category];
}

/** A row named in a few words, for presence and announcements: "POL row of 12/03/2019". */
export function rowName(row: Pick<IntegratedRow, 'agencyCode' | 'date' | 'time'>): string {
  return `${row.agencyCode} row of ${dateText(row)}`;
}

/** An agency fill that is safe to put in a style: a six-digit hex colour, else a neutral grey. */
export function safeColour(colour: string): string {
  return /^#[0-9a-fA-F]{6}$/.test(colour) ? colour : '#e3e3e3';
}

/**
 * Who (other than oneself) is editing which row, from the presence lists of several shared documents
 * (one per agency chronology). Names are de-duplicated and sorted, so a person with two tabs shows once.
 */
export function editorsByRow(lists: readonly (readonly PresenceEntry[])[]): Map<string, string[]> {
  const sets = new Map<string, Set<string>>();
  for (const list of lists) {
    for (const e of list) {
      if (e.isSelf || !e.editing) continue;
      let s = sets.get(e.editing);
      if (!s) {
        s = new Set();
        sets.set(e.editing, s);
      }
      s.add(e.name);
    }
  }
  const out = new Map<string, string[]>();
  for (const [id, names] of sets)
    out.set(
      id,
      [...names].sort((a, b) => a.localeCompare(b, 'en-GB')),
    );
  return out;
}
