import { docName } from '../../shared/docNames.js';
import { emptyDraft, type ReportDraft } from '../../shared/report/draft.js';
import { draftDocStarted, readDraftDoc } from '../../shared/report/draftDoc.js';
import type { RecordStore } from '../storage/types.js';
import type { SyncServer } from '../sync/SyncServer.js';

/**
 * The report draft as it stands: from its shared document (review.<id>.report) once that has been
 * started, else the draft stored through REST before the draft became a shared document (the builder
 * copies that into the document when the lead reviewer first opens it), else an empty draft.
 */
export async function readReportDraft(deps: { records: RecordStore; sync: SyncServer }, reviewId: string): Promise<ReportDraft> {
  const fromDoc = await deps.sync.read(docName({ reviewId, kind: 'report' }), (doc) => (draftDocStarted(doc) ? readDraftDoc(doc) : null));
  if (fromDoc) return fromDoc;
  return (await deps.records.get('reportDrafts', reviewId))?.draft ?? emptyDraft();
}
