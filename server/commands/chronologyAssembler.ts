import { docName } from '../../shared/docNames.js';
import { readRegister } from '../../shared/peopleDoc.js';
import type { Person } from '../../shared/people.js';
import { practitionersAsPeople, type Practitioner } from '../../shared/practitioners.js';
import { countSkippedPractitioners, readPractitioners } from '../../shared/chronology/practitionersDoc.js';
import {
  ENTRIES_MAP,
  ORG_CHANGES_MAP,
  integrate,
  integrateOrgChanges,
  readEntries,
  readOrgChanges,
  countSkippedTeamFields,
  readTeamFields,
  type AgencyInfo,
  type ChronologyEntry,
  type IntegratedOrgChange,
  type IntegratedRow,
  type OrgChange,
} from '../../shared/chronology/index.js';
import type { RecordStore } from '../storage/types.js';
import type { SyncServer } from '../sync/SyncServer.js';

/** A review's integrated chronology with what views and exports need beside it. */
export type AssembledChronology = {
  agencies: AgencyInfo[];
  rows: IntegratedRow[];
  /** Every agency's organisational changes in one date order, with the agency's code and colour. */
  orgChanges: IntegratedOrgChange[];
  phases: { id: string; title: string; start: string; end: string }[];
  people: Person[];
  /**
   * What every export pseudonymises from and leak-checks against: the people register plus each
   * agency's practitioners, whose names become their role and agency.
   */
  exportRegister: Person[];
  /**
   * Stored records that did not parse and were left out (a crafted or malformed record): rows,
   * organisational changes, practitioners, team fields and people. They stay stored.
   */
  skipped: number;
  /** Of `skipped`, the people register's records. */
  skippedPeople: number;
  /**
   * Of `skipped`, the records that can hold names the pipeline needs (people and practitioners): while
   * any is unreadable, a pseudonymised output could carry a name the pipeline never saw.
   */
  skippedNames: number;
};

/** The workshop phases drawn over the chronology: titled date ranges defined with the review's workshop. */
export async function chronologyPhases(records: RecordStore, reviewId: string): Promise<AssembledChronology['phases']> {
  return (await records.find('workshops', { reviewId })).flatMap((w) => w.setup.phases);
}

/**
 * Reads every agency chronology (key events, organisational changes, practitioners), the team fields and the
 * people register of a review from the live documents (or storage) and merges them with the shared
 * `integrate` rules. Server code holds no chronology rules of its own.
 */
export async function assembleChronology(deps: { records: RecordStore; sync: SyncServer }, reviewId: string): Promise<AssembledChronology> {
  const agencies = (await deps.records.find('agencies', { reviewId })).map((a) => ({ id: a.id, name: a.name, shortCode: a.shortCode, colour: a.colour }));
  const byAgency = new Map<string, ChronologyEntry[]>();
  const changesByAgency = new Map<string, OrgChange[]>();
  const practitioners: Practitioner[] = [];
  let skipped = 0;
  let skippedPractitioners = 0;
  for (const a of agencies) {
    // Read in place: copying a 5,000-row doc for every view or export costs far more memory than reading it.
    const read = await deps.sync.read(docName({ reviewId, kind: 'chronology', agencyId: a.id }), (doc) => ({
      entries: readEntries(doc, a.id),
      orgChanges: readOrgChanges(doc, a.id),
      practitioners: readPractitioners(doc, a.id),
      stored: doc.getMap(ENTRIES_MAP).size + doc.getMap(ORG_CHANGES_MAP).size,
      skippedPractitioners: countSkippedPractitioners(doc, a.id),
    }));
    // Readers skip what does not parse, so one malformed record never fails the whole chronology; it is counted.
    skipped += read.stored - read.entries.length - read.orgChanges.length + read.skippedPractitioners;
    skippedPractitioners += read.skippedPractitioners;
    practitioners.push(...read.practitioners);
    byAgency.set(a.id, read.entries);
    changesByAgency.set(a.id, read.orgChanges);
  }
  const { team, skippedTeam } = await deps.sync.read(docName({ reviewId, kind: 'chronology-team' }), (doc) => ({
    team: readTeamFields(doc),
    skippedTeam: countSkippedTeamFields(doc),
  }));
  const phases = await chronologyPhases(deps.records, reviewId);
  const { people, skipped: skippedPeople } = await deps.sync.read(docName({ reviewId, kind: 'people' }), readRegister);
  const exportRegister = [...people, ...practitionersAsPeople(practitioners, new Map(agencies.map((a) => [a.id, a.shortCode])))];
  return {
    agencies,
    rows: integrate(byAgency, agencies, team),
    orgChanges: integrateOrgChanges(changesByAgency, agencies),
    phases,
    people,
    exportRegister,
    skipped: skipped + skippedTeam + skippedPeople,
    skippedPeople,
    skippedNames: skippedPeople + skippedPractitioners,
  };
}
