import { useEffect } from 'react';
import type { ChronologyEntry } from '../../../shared/chronology/index.js';
import { docName } from '../../../shared/docNames.js';
import { useSharedDoc, type SharedDoc } from '../hooks/useSharedDoc.js';
import type { SyncFacts } from '../lib/syncStatus.js';
import { useAgencyEntries } from './useAgencyEntries.js';

/** What one agency's live chronology document reports to the tab. */
export type AgencyDocReport = {
  onShared(agencyId: string, shared: SharedDoc | null): void;
  onFacts(agencyId: string, facts: SyncFacts | null): void;
  onEntries(agencyId: string, entries: readonly ChronologyEntry[] | null): void;
};

/**
 * Keeps one agency's chronology document (review.<id>.chronology.<agencyId>) open while mounted and
 * reports its document, sync state and rows upwards. It draws nothing: it exists so that a review
 * with any number of agencies opens one document each with the ordinary hooks.
 */
export function AgencyChronologyDoc({ reviewId, agencyId, report, onAccessCheck }: { reviewId: string; agencyId: string; report: AgencyDocReport; onAccessCheck(): void }) {
  const { shared, facts } = useSharedDoc(docName({ reviewId, kind: 'chronology', agencyId }), { onAccessCheck });
  const entries = useAgencyEntries(shared?.doc ?? null, agencyId);
  const { onShared, onFacts, onEntries } = report;
  useEffect(() => {
    onShared(agencyId, shared);
  }, [onShared, agencyId, shared]);
  useEffect(() => {
    onFacts(agencyId, facts);
  }, [onFacts, agencyId, facts]);
  useEffect(() => {
    onEntries(agencyId, entries);
  }, [onEntries, agencyId, entries]);
  // Forget this agency when it is no longer shown (the agency list changed).
  useEffect(
    () => () => {
      onShared(agencyId, null);
      onFacts(agencyId, null);
      onEntries(agencyId, null);
    },
    [onShared, onFacts, onEntries, agencyId],
  );
  return null;
}
