import { docName } from '../../shared/docNames.js';
import type { ReportDraft } from '../../shared/report/draft.js';
import { readDraftDoc, writeDraftDoc } from '../../shared/report/draftDoc.js';
import { api } from './api.js';
import { openDoc, synced, until } from './yjsClient.js';

/**
 * Writes a whole report draft into its shared document (review.<id>.report) through a real Yjs client
 * with the writer's session, as the report builder does, and waits until the server reads it back.
 */
export async function writeReportDraft(baseUrl: string, reviewId: string, cookie: string, draft: ReportDraft, ms = 20_000): Promise<void> {
  const c = openDoc(baseUrl, docName({ reviewId, kind: 'report' }), cookie);
  try {
    await synced(c);
    writeDraftDoc(c.doc, draft);
    // The server reads the document as this client does, so both readings agree once it holds the draft.
    const want = JSON.stringify(readDraftDoc(c.doc));
    await until(
      async () => JSON.stringify((await api(baseUrl, 'GET', `/api/reviews/${reviewId}/report/draft`, { cookie })).body.draft) === want,
      'the report draft read back from the server',
      ms,
    );
  } finally {
    c.destroy();
  }
}
