import { useEffect, useRef, useState } from 'react';
import { apiRequest, errorMessage } from '../api/client.js';
import type { Member } from '../api/schemas.js';

/**
 * The confirmation step before removing a member: it says what removal does (their open pages stop
 * at once) and needs a second, explicit press. Focus moves to the question so a screen reader reads it.
 */
export function RemoveMemberConfirm({ reviewId, member, onCancel, onRemoved }: { reviewId: string; member: Member; onCancel(): void; onRemoved(message: string): Promise<void> }) {
  const question = useRef<HTMLParagraphElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    question.current?.focus();
  }, []);

  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      await apiRequest('DELETE', `/api/reviews/${encodeURIComponent(reviewId)}/members/${encodeURIComponent(member.id)}`);
      await onRemoved(`${member.name} has been removed from the review.`);
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  };

  return (
    <div className="inline-form">
      <p id={`remove-q-${member.id}`} ref={question} tabIndex={-1}>
        <strong>Remove {member.name} from this review?</strong> They lose access at once: any page of this review they have open stops updating. You can invite them again later.
      </p>
      {error && (
        <p className="field__error" role="alert">
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      )}
      <div className="button-row">
        <button type="button" className="button button--warning button--small" disabled={busy} onClick={() => void remove()}>
          Yes, remove<span className="visually-hidden"> {member.name}</span>
        </button>
        <button type="button" className="button button--secondary button--small" onClick={onCancel}>
          Keep {member.name}
        </button>
      </div>
    </div>
  );
}
