import { useState } from 'react';
import { errorMessage } from '../api/client.js';
import { Notice } from '../components/Notice.js';
import { downloadExport } from './chronologyApi.js';

/**
 * Exports the integrated chronology as .xlsx (agency colours as cell fills) or .csv. The
 * pseudonymised copy replaces names from the people register and is checked for any name left; the
 * named copy is marked OFFICIAL-SENSITIVE and must be handled as such.
 */
export function ExportPanel({ reviewId }: { reviewId: string }) {
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const run = async (format: 'xlsx' | 'csv', pseudonymise: boolean) => {
    const key = `${format}-${pseudonymise}`;
    setBusy(key);
    setMessage(null);
    try {
      const name = await downloadExport(reviewId, format, pseudonymise);
      setMessage({ tone: 'success', text: `Downloaded ${name}.` });
    } catch (err) {
      setMessage({ tone: 'error', text: errorMessage(err) });
    } finally {
      setBusy(null);
    }
  };
  const button = (format: 'xlsx' | 'csv', pseudonymise: boolean, label: string) => (
    <button type="button" className="button button--secondary" disabled={busy !== null} onClick={() => void run(format, pseudonymise)}>
      {busy === `${format}-${pseudonymise}` ? 'Preparing…' : label}
    </button>
  );
  return (
    <>
      <h3 className="chron-form__heading">Pseudonymised copy</h3>
      <p>
        Names of family members are replaced with their report labels from the people register, and the file is checked for any name or identifier left before it is given to you.
        Use this copy for anything that leaves the review.
      </p>
      <div className="button-row">
        {button('xlsx', true, 'Download pseudonymised .xlsx')}
        {button('csv', true, 'Download pseudonymised .csv')}
      </div>
      <h3 className="chron-form__heading">Named copy</h3>
      <p>
        <strong>The named copy is OFFICIAL-SENSITIVE.</strong> It holds the family’s real names and special category personal data. Keep it within the review team’s secure systems,
        do not email it outside them, and delete it when it is no longer needed.
      </p>
      <div className="button-row">
        {button('xlsx', false, 'Download named .xlsx (OFFICIAL-SENSITIVE)')}
        {button('csv', false, 'Download named .csv (OFFICIAL-SENSITIVE)')}
      </div>
      <div role="status" aria-live="polite">
        {message && (
          <Notice tone={message.tone} title={message.tone === 'success' ? 'Export ready' : 'The export could not be made'}>
            <p>{message.text}</p>
          </Notice>
        )}
      </div>
    </>
  );
}
