import type { RefObject } from 'react';
import { LoadingMessage } from '../components/LoadingMessage.js';
import { Notice } from '../components/Notice.js';
import { useApiData } from '../hooks/useApiData.js';
import { DownloadPanel } from './DownloadPanel.js';
import { RedactionReview } from './RedactionReview.js';
import { PreviewDocument } from './PreviewDocument.js';
import { PreviewResponseSchema, reportPaths } from './reportApi.js';

/**
 * The preview of the draft as the server holds it, assembled and pseudonymised by the server exactly as the Word
 * file is, and (for the lead reviewer) the downloads. The heading takes focus when the view opens.
 */
export function ReportPreview({
  reviewId,
  canDownload,
  pending = 0,
  headingRef,
}: {
  reviewId: string;
  canDownload: boolean;
  /** This page's changes the server has not yet acknowledged as saved. */
  pending?: number;
  headingRef?: RefObject<HTMLHeadingElement | null>;
}) {
  const preview = useApiData(reportPaths.preview(reviewId), PreviewResponseSchema);
  return (
    <section aria-labelledby="report-preview-heading">
      <h3 id="report-preview-heading" ref={headingRef} tabIndex={-1}>
        Preview
      </h3>
      <p>
        This is what the Word file holds, block by block, pseudonymised from the people register. It shows the draft as saved when this view opened.
        {canDownload ? '' : ' Only the lead reviewer can change or download the report.'}
      </p>
      {pending > 0 && (
        <Notice tone="info" title="Some changes are still being saved">
          <p>The preview and the downloads show the draft as the server holds it. Open the preview again once the status says all changes are saved to include them.</p>
        </Notice>
      )}
      {canDownload && <RedactionReview reviewId={reviewId} />}
      {canDownload && <DownloadPanel reviewId={reviewId} />}
      {preview.loading && !preview.data && <LoadingMessage text="Assembling the preview…" />}
      {preview.error && (
        <Notice tone="error" role="alert" title="The preview could not be shown">
          <p>{preview.error}</p>
          <p>
            <button type="button" className="button button--secondary" onClick={() => void preview.reload()}>
              Try again
            </button>
          </p>
        </Notice>
      )}
      {preview.data && <PreviewDocument model={preview.data.model} />}
    </section>
  );
}
