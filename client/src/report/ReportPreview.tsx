import type { RefObject } from 'react';
import { LoadingMessage } from '../components/LoadingMessage.js';
import { Notice } from '../components/Notice.js';
import { useApiData } from '../hooks/useApiData.js';
import { DownloadPanel } from './DownloadPanel.js';
import { RedactionReview } from './RedactionReview.js';
import { PreviewDocument } from './PreviewDocument.js';
import { PreviewResponseSchema, reportPaths } from './reportApi.js';

/**
 * The preview of the last saved draft, assembled and pseudonymised by the server exactly as the Word
 * file is, and (for the lead reviewer) the downloads. The heading takes focus when the view opens.
 */
export function ReportPreview({
  reviewId,
  canDownload,
  unsaved,
  headingRef,
}: {
  reviewId: string;
  canDownload: boolean;
  unsaved: boolean;
  headingRef?: RefObject<HTMLHeadingElement | null>;
}) {
  const preview = useApiData(reportPaths.preview(reviewId), PreviewResponseSchema);
  return (
    <section aria-labelledby="report-preview-heading">
      <h3 id="report-preview-heading" ref={headingRef} tabIndex={-1}>
        Preview
      </h3>
      <p>
        This is what the Word file holds, block by block, pseudonymised from the people register. It shows the last saved draft.
        {canDownload ? '' : ' Only the lead reviewer can change or download the report.'}
      </p>
      {unsaved && (
        <Notice tone="info" title="You have unsaved changes">
          <p>The preview and the downloads show the last saved draft. Go back to the builder and save to include your changes.</p>
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
