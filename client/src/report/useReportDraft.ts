import { useCallback, useEffect, useState } from 'react';
import { docName } from '../../../shared/docNames.js';
import type { ReportDraft } from '../../../shared/report/draft.js';
import { draftDocStarted, readDraftDoc, writeDraftDoc } from '../../../shared/report/draftDoc.js';
import { apiRequest } from '../api/client.js';
import { useSharedDoc, type SharedDoc } from '../hooks/useSharedDoc.js';
import type { SyncFacts } from '../lib/syncStatus.js';
import { draftReducer, type DraftAction } from './draftReducer.js';
import { DraftResponseSchema, reportPaths } from './reportApi.js';

/** The report draft document as the builder uses it. */
export type ReportDraftDoc = {
  shared: SharedDoc | null;
  facts: SyncFacts;
  /** The draft as the document holds it now; null until there is something to show. */
  draft: ReportDraft | null;
  /** Applies one builder action to the document as it stands (a no-op for readers and before it opens). */
  change(action: DraftAction): void;
};

/**
 * Opens the report draft's shared document (review.<id>.report) and reads the draft from it on every
 * change, local or remote, so every field is live. Changes are written as the smallest edit of what
 * differs (writeDraftDoc), so a colleague's edit elsewhere in the draft is never overwritten; autosave
 * is the sync itself. The first time a writer opens a document that was never started, the draft kept
 * over REST before the draft became a shared document is copied into it.
 */
export function useReportDraft(reviewId: string, canWrite: boolean, onAccessCheck?: () => void): ReportDraftDoc {
  const { shared, facts } = useSharedDoc(docName({ reviewId, kind: 'report' }), onAccessCheck ? { onAccessCheck } : {});
  const [draft, setDraft] = useState<ReportDraft | null>(null);
  const [started, setStarted] = useState(false);

  useEffect(() => {
    if (!shared) {
      setDraft(null);
      setStarted(false);
      return undefined;
    }
    const read = () => {
      setDraft(readDraftDoc(shared.doc));
      setStarted(draftDocStarted(shared.doc));
    };
    read();
    shared.doc.on('update', read);
    return () => shared.doc.off('update', read);
  }, [shared]);

  // The copy from REST waits for the server's copy, so a document someone else started is never overwritten.
  useEffect(() => {
    if (!shared || !canWrite || !facts.synced || draftDocStarted(shared.doc)) return undefined;
    let cancelled = false;
    void apiRequest('GET', reportPaths.draft(reviewId), { schema: DraftResponseSchema }).then(
      (res) => {
        if (!cancelled && !draftDocStarted(shared.doc)) writeDraftDoc(shared.doc, res.draft);
      },
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [shared, canWrite, facts.synced, reviewId]);

  const change = useCallback(
    (action: DraftAction) => {
      if (!shared || !canWrite || !draftDocStarted(shared.doc)) return;
      const next = draftReducer(readDraftDoc(shared.doc), action);
      try {
        writeDraftDoc(shared.doc, next);
      } catch {
        // A value past the draft's caps (a pasted key line over 1,000 characters) is not written; the field keeps showing the stored one.
      }
    },
    [shared, canWrite],
  );

  // Readers see the draft once the server's copy is in; writers once the document is started (the copy from REST is in).
  const ready = started || (!canWrite && facts.synced);
  return { shared, facts, draft: ready ? draft : null, change };
}
