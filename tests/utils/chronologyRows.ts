import * as Y from 'yjs';
import { writeEntry, writeOrgChange, type ChronologyEntry } from '../../shared/chronology/index.js';

/** What a test server offers for writing into a shared document as the server (an import does the same). */
type Sync = { applyUpdate(name: string, update: Uint8Array): Promise<void> };

/**
 * Writes one plain key-events row and one organisational change into an agency's chronology through
 * the running server (durable when it resolves), for tests that need real ids to point at. `row`
 * overrides the row's date and key event (03/02/2022, "A home visit." otherwise).
 */
export async function seedChronologyRow(
  sync: Sync,
  reviewId: string,
  agencyId: string,
  ids: { entryId: string; changeId: string },
  row: Partial<Pick<ChronologyEntry, 'date' | 'keyEvent'>> = {},
): Promise<void> {
  const doc = new Y.Doc();
  writeEntry(doc, agencyId, {
    id: ids.entryId,
    agencyId,
    date: { precision: 'day', year: 2022, month: 2, day: 3, uncertainty: 'none' },
    time: null,
    sequence: 0,
    source: 'Case notes',
    childContact: 'none',
    childContactBy: '',
    familyContactIds: [],
    familyContactBy: '',
    keyEvent: 'A home visit.',
    comment: '',
    category: 'other',
    ...row,
  });
  writeOrgChange(doc, agencyId, {
    id: ids.changeId,
    agencyId,
    date: { precision: 'month', year: 2022, month: 1, day: null, uncertainty: 'none' },
    change: 'A restructure.',
    impact: 'Caseloads rose.',
  });
  await sync.applyUpdate(`review.${reviewId}.chronology.${agencyId}`, Y.encodeStateAsUpdate(doc));
}
