import { useState } from 'react';
import { EVIDENCE_ACTION_LABELS, type EvidenceAction } from '../../../shared/evidence/index.js';
import { apiRequest, errorMessage } from '../api/client.js';
import { TextAreaField } from '../components/TextAreaField.js';
import { evidencePaths, RequestViewSchema, type RequestView } from './evidenceApi.js';

/**
 * The buttons for the steps the member may take on one request (the server decides again). Returning
 * asks for the reasons first, in a field that opens beside the button.
 */
export function RequestActions({ reviewId, request, what, onDone }: { reviewId: string; request: RequestView; what: string; onDone(message: string): void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState('');
  const idBase = `request-${request.id}`;

  const act = async (action: EvidenceAction) => {
    setBusy(true);
    setError('');
    try {
      const saved = await apiRequest('POST', evidencePaths.action(reviewId, request.id), {
        body: { action, reason: action === 'return' ? reason : '', baseVersion: request.version },
        schema: RequestViewSchema,
      });
      setReturning(false);
      setReason('');
      onDone(`${what}: ${EVIDENCE_ACTION_LABELS[action].toLowerCase()} done. Status is now ${saved.status.replace('-', ' ')}.`);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  if (request.actions.length === 0) return null;
  return (
    <div>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      {returning ? (
        <div>
          <TextAreaField id={`${idBase}-reason`} label={`Reasons for returning the ${what}`} value={reason} onChange={setReason} rows={3} autoFocus />
          <div className="button-row">
            <button type="button" className="button button--small" disabled={busy} onClick={() => void act('return')}>
              Return with these reasons
            </button>
            <button type="button" className="button button--secondary button--small" onClick={() => setReturning(false)}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <div className="button-row ws-row-buttons">
          {request.actions.map((a) => (
            <button
              key={a}
              type="button"
              className="button button--small"
              disabled={busy}
              aria-label={`${EVIDENCE_ACTION_LABELS[a]}: ${what}`}
              onClick={() => (a === 'return' ? setReturning(true) : void act(a))}
            >
              {EVIDENCE_ACTION_LABELS[a]}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
