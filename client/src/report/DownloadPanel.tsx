import { useState } from 'react';
import { Notice } from '../components/Notice.js';
import { requestExport, saveBlob, type LeakProblem } from './exportDownload.js';
import { LeakRefusal } from './LeakRefusal.js';
import { reportPaths } from './reportApi.js';

type Status =
  | { kind: 'idle' }
  | { kind: 'busy'; format: 'docx' | 'md' }
  | { kind: 'done'; filename: string }
  | { kind: 'refused'; format: 'docx' | 'md'; message: string; problems: LeakProblem[] }
  | { kind: 'failed'; message: string };

const NAMES = { docx: 'Word file', md: 'Markdown file' } as const;

/**
 * Download buttons for the lead reviewer. The server pseudonymises and leak-checks the file before
 * every download; a refusal is listed place by place and nothing is saved.
 */
export function DownloadPanel({ reviewId }: { reviewId: string }) {
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const download = async (format: 'docx' | 'md') => {
    setStatus({ kind: 'busy', format });
    const out = await requestExport(reportPaths.export(reviewId, format), `draft-report.${format}`);
    if (out.ok) {
      saveBlob(out.blob, out.filename);
      setStatus({ kind: 'done', filename: out.filename });
    } else if (out.kind === 'leak-found') {
      setStatus({ kind: 'refused', format, message: out.message, problems: out.problems });
    } else {
      setStatus({ kind: 'failed', message: out.message });
    }
  };
  const busy = status.kind === 'busy';
  return (
    <section className="report-downloads" aria-labelledby="report-downloads-heading">
      <h4 id="report-downloads-heading">Download</h4>
      <p>
        Before every download the server checks the whole file for real names, aliases, dates of birth, addresses and NHS numbers from the people register. If it finds any, nothing
        is downloaded and you are told where they are.
      </p>
      <div className="button-row">
        <button type="button" className="button" disabled={busy} onClick={() => void download('docx')}>
          Download .docx (Word)
        </button>
        <button type="button" className="button button--secondary" disabled={busy} onClick={() => void download('md')}>
          Download .md (Markdown)
        </button>
      </div>
      <p className="live-line" role="status">
        {status.kind === 'busy' ? `Checking and preparing the ${NAMES[status.format]}…` : status.kind === 'done' ? `The leak check passed. ${status.filename} was downloaded.` : ''}
      </p>
      {status.kind === 'refused' && <LeakRefusal format={status.format} message={status.message} problems={status.problems} />}
      {status.kind === 'failed' && (
        <Notice tone="error" role="alert" title="Nothing was downloaded">
          <p>{status.message}</p>
        </Notice>
      )}
    </section>
  );
}
