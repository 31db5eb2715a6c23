import { useEffect, useMemo, useState } from 'react';
import { docName } from '../../../shared/docNames.js';
import { readRegister, type RegisterRead } from '../../../shared/peopleDoc.js';
import type { Person } from '../../../shared/people.js';
import { buildFamily, countSkippedGenogram, layoutGenogram, readGenogram, withOverrides, type Family, type GenogramData, type Point } from '../../../shared/genogram/index.js';
import { useDocValue } from '../hooks/useDocValue.js';
import { useSharedDoc, type SharedDoc } from '../hooks/useSharedDoc.js';
import type { SyncFacts } from '../lib/syncStatus.js';
import { GenogramUndo, type GenogramDocs } from './undo.js';

const NO_PEOPLE: RegisterRead = { people: [], skipped: 0 };
const EMPTY: GenogramData = { relationships: [], households: [], positions: new Map(), birthStatus: new Map() };

/** Everything the genogram tab reads: both documents, the family, where everyone is drawn, and undo. */
export type GenogramState = {
  docs: GenogramDocs | null;
  genogramShared: SharedDoc | null;
  /** The people register document, whose person notes the edit dialog types into live. */
  peopleShared: SharedDoc | null;
  register: Person[];
  /** Stored records that did not parse and are not drawn: in the people register, and in the genogram document. */
  skipped: { people: number; genogram: number };
  /** Every relationship in the document, including any that name people no longer in the register. */
  relationships: GenogramData['relationships'];
  family: Family;
  /** Where each person is drawn: their manual position, else the automatic layout's. */
  positions: Map<string, Point>;
  facts: SyncFacts;
  undo: GenogramUndo | null;
};

/** Both documents' sync facts as one: connected and synced only when both are. */
function combine(a: SyncFacts, b: SyncFacts): SyncFacts {
  return {
    connected: a.connected && b.connected,
    synced: a.synced && b.synced,
    everConnected: a.everConnected && b.everConnected,
    pending: a.pending + b.pending,
    refused: a.refused || b.refused,
    refusedEdit: a.refusedEdit ?? b.refusedEdit ?? null,
  };
}

/**
 * Opens the review's people register and genogram documents and derives the drawing. The layout is
 * recomputed only when the family's shape changes (people, dates of birth, couples, children), not
 * when someone drags a person or edits a name.
 */
export function useGenogram(reviewId: string, onAccessCheck: () => void): GenogramState {
  const people = useSharedDoc(docName({ reviewId, kind: 'people' }), { onAccessCheck });
  const genogram = useSharedDoc(docName({ reviewId, kind: 'genogram' }), { onAccessCheck });
  const { people: register, skipped: skippedPeople } = useDocValue(people.shared?.doc ?? null, readRegister, NO_PEOPLE);
  const data = useDocValue(genogram.shared?.doc ?? null, readGenogram, EMPTY);
  const skippedGenogram = useDocValue(genogram.shared?.doc ?? null, countSkippedGenogram, 0);
  const skipped = useMemo(() => ({ people: skippedPeople, genogram: skippedGenogram }), [skippedPeople, skippedGenogram]);
  const family = useMemo(() => buildFamily(register, data), [register, data]);

  const shapeKey = JSON.stringify([
    family.people.map((p) => [p.id, p.gender, p.dateOfBirth, p.isSubject]),
    family.partnerships.map((p) => [p.id, p.a, p.b]),
    family.childLinks.map((l) => [l.id, l.parentIds, l.partnershipId, l.child]),
  ]);
  // The key captures everything the layout reads, so `family` itself is deliberately not a dependency.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `shapeKey` captures everything the layout reads; `family` changes identity on every doc update and would re-run the layout needlessly
  const auto = useMemo(() => layoutGenogram(family), [shapeKey]);
  const positions = useMemo(() => withOverrides(auto.positions, family.positions), [auto, family.positions]);

  const peopleDoc = people.shared?.doc ?? null;
  const genogramDoc = genogram.shared?.doc ?? null;
  const docs = useMemo(() => (peopleDoc && genogramDoc ? { people: peopleDoc, genogram: genogramDoc } : null), [peopleDoc, genogramDoc]);
  const [undo, setUndo] = useState<GenogramUndo | null>(null);
  useEffect(() => {
    if (!docs) return;
    const u = new GenogramUndo(docs);
    setUndo(u);
    return () => {
      u.destroy();
      setUndo(null);
    };
  }, [docs]);

  return {
    docs,
    genogramShared: genogram.shared,
    peopleShared: people.shared,
    register,
    skipped,
    relationships: data.relationships,
    family,
    positions,
    facts: combine(people.facts, genogram.facts),
    undo,
  };
}
