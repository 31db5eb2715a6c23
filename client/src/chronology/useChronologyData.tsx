import { useCallback, useMemo, useState, type ReactNode } from 'react';
import type * as Y from 'yjs';
import { integrate, readTeamFields, type AgencyInfo, type ChronologyEntry, type IntegratedRow, type TeamFields } from '../../../shared/chronology/index.js';
import { docName } from '../../../shared/docNames.js';
import type { Person } from '../../../shared/people.js';
import { readPeople } from '../../../shared/peopleDoc.js';
import type { AgencyView } from '../api/schemas.js';
import { useDocValue } from '../hooks/useDocValue.js';
import { useSharedDoc, type SharedDoc } from '../hooks/useSharedDoc.js';
import type { SyncFacts } from '../lib/syncStatus.js';
import { AgencyChronologyDoc, type AgencyDocReport } from './AgencyChronologyDoc.js';
import { combineFacts } from './docFacts.js';

const NO_TEAM: ReadonlyMap<string, TeamFields> = new Map();
const NO_PEOPLE: Person[] = [];
const readTeam = (doc: Y.Doc) => readTeamFields(doc);
const readRegister = (doc: Y.Doc) => readPeople(doc);

/** Everything the chronology tab shows, live. */
export type ChronologyData = {
  /** Invisible components that keep each agency's document open; render them once. */
  connectors: ReactNode;
  /** Every agency's rows merged in the shared order, with agency code, colour and team fields. */
  rows: IntegratedRow[];
  agencies: AgencyInfo[];
  entriesByAgency: Readonly<Record<string, readonly ChronologyEntry[]>>;
  sharedByAgency: Readonly<Record<string, SharedDoc>>;
  team: SharedDoc | null;
  teamFields: ReadonlyMap<string, TeamFields>;
  peopleDoc: SharedDoc | null;
  people: Person[];
  /** The sync state of all the documents together. */
  facts: SyncFacts;
  /** Every document has had the server's copy at least once. */
  loaded: boolean;
};

/** A record with one key set (or removed when `value` is null), or the same record when nothing changes. */
function setKey<T>(prev: Readonly<Record<string, T>>, key: string, value: T | null): Readonly<Record<string, T>> {
  if (value === null) {
    if (!(key in prev)) return prev;
    const { [key]: _gone, ...rest } = prev;
    return rest;
  }
  return prev[key] === value ? prev : { ...prev, [key]: value };
}

/**
 * Opens every agency's chronology, the review team's fields and the people register of a review, and
 * merges them with the shared `integrate` rule. The merge runs again only when rows or team fields
 * change, never on a filter or a scroll.
 */
export function useChronologyData(reviewId: string, agencyViews: readonly AgencyView[], onAccessCheck: () => void): ChronologyData {
  const agencies = useMemo<AgencyInfo[]>(() => agencyViews.map((a) => ({ id: a.id, name: a.name, shortCode: a.shortCode, colour: a.colour })), [agencyViews]);
  const [entriesByAgency, setEntries] = useState<Readonly<Record<string, readonly ChronologyEntry[]>>>({});
  const [sharedByAgency, setShared] = useState<Readonly<Record<string, SharedDoc>>>({});
  const [factsByAgency, setFacts] = useState<Readonly<Record<string, SyncFacts>>>({});
  const report = useMemo<AgencyDocReport>(
    () => ({
      onShared: (id, s) => setShared((prev) => setKey(prev, id, s)),
      onFacts: (id, f) => setFacts((prev) => setKey(prev, id, f)),
      onEntries: (id, e) => setEntries((prev) => setKey(prev, id, e)),
    }),
    [],
  );
  const accessCheck = useCallback(() => onAccessCheck(), [onAccessCheck]);

  const teamDoc = useSharedDoc(docName({ reviewId, kind: 'chronology-team' }), { onAccessCheck: accessCheck });
  const teamFields = useDocValue(teamDoc.shared?.doc ?? null, readTeam, NO_TEAM);
  const peopleDoc = useSharedDoc(docName({ reviewId, kind: 'people' }), { onAccessCheck: accessCheck });
  const people = useDocValue(peopleDoc.shared?.doc ?? null, readRegister, NO_PEOPLE);

  const facts = useMemo(
    () => combineFacts([...agencies.map((a) => factsByAgency[a.id]), teamDoc.facts, peopleDoc.facts]),
    [agencies, factsByAgency, teamDoc.facts, peopleDoc.facts],
  );
  const [loaded, setLoaded] = useState(false);
  if (facts.synced && !loaded) setLoaded(true);

  // Merged once every document has arrived, rather than once per agency as each arrives: a merge
  // of 5,000 rows is the costliest step of opening the tab.
  const rows = useMemo(() => {
    if (!loaded) return [];
    const byAgency = new Map<string, readonly ChronologyEntry[]>();
    for (const a of agencies) byAgency.set(a.id, entriesByAgency[a.id] ?? []);
    return integrate(byAgency, agencies, teamFields);
  }, [loaded, agencies, entriesByAgency, teamFields]);

  const connectors = agencies.map((a) => <AgencyChronologyDoc key={a.id} reviewId={reviewId} agencyId={a.id} report={report} onAccessCheck={accessCheck} />);
  return {
    connectors,
    rows,
    agencies,
    entriesByAgency,
    sharedByAgency,
    team: teamDoc.shared,
    teamFields,
    peopleDoc: peopleDoc.shared,
    people,
    facts,
    loaded,
  };
}
