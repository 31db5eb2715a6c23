import { docName } from '../../shared/docNames.js';
import { readPeople } from '../../shared/peopleDoc.js';
import type { Person } from '../../shared/people.js';
import { integrate, readEntries, readTeamFields, type AgencyInfo, type ChronologyEntry, type IntegratedRow } from '../../shared/chronology/index.js';
import type { RecordStore } from '../storage/types.js';
import type { SyncServer } from '../sync/SyncServer.js';

/** A review's integrated chronology with what views and exports need beside it. */
export type AssembledChronology = { agencies: AgencyInfo[]; rows: IntegratedRow[]; phases: { id: string; title: string; start: string; end: string }[]; people: Person[] };

/**
 * Reads every agency chronology, the team fields and the people register of a review from the live
 * documents (or storage) and merges them with the shared `integrate` rule. Server code holds no
 * chronology rules of its own.
 */
export async function assembleChronology(deps: { records: RecordStore; sync: SyncServer }, reviewId: string): Promise<AssembledChronology> {
  const agencies = deps.records.find('agencies', (a) => a.reviewId === reviewId)
    .map((a) => ({ id: a.id, name: a.name, shortCode: a.shortCode, colour: a.colour }));
  const byAgency = new Map<string, ChronologyEntry[]>();
  for (const a of agencies) {
    // Read in place: copying a 5,000-row doc for every view or export costs far more memory than reading it.
    byAgency.set(a.id, await deps.sync.read(docName({ reviewId, kind: 'chronology', agencyId: a.id }), (doc) => readEntries(doc, a.id)));
  }
  const team = await deps.sync.read(docName({ reviewId, kind: 'chronology-team' }), readTeamFields);
  // Workshop phases are drawn on the timeline; they are defined with the review's workshop.
  const phases = deps.records.find('workshops', (w) => w.reviewId === reviewId).flatMap((w) => w.setup.phases);
  const people = await deps.sync.read(docName({ reviewId, kind: 'people' }), readPeople);
  return { agencies, rows: integrate(byAgency, agencies, team), phases, people };
}
