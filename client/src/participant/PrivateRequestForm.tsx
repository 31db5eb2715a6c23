import { useState, type FormEvent } from 'react';
import type { Ack } from './useWorkshopSocket.js';

/**
 * Worksheet 4, question 6: "Would you like to speak privately with the lead reviewer?" The request
 * goes to a separate store with no link to any answer; whatever contact details are given are seen by
 * the lead reviewer, so the participant is told this request is not anonymous.
 */
export function PrivateRequestForm({ call }: { call(event: 'private-request', payload: unknown): Promise<Ack> }) {
  const [contact, setContact] = useState('');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ tone: 'ok' | 'error' | 'busy'; text: string } | null>(null);

  const send = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setStatus({ tone: 'busy', text: 'Sending your request…' });
    const ack = await call('private-request', { contact: contact.trim() });
    setBusy(false);
    if (!ack.ok) {
      setStatus({ tone: 'error', text: `Your request has not been sent. ${ack.error.message}` });
      return;
    }
    setContact('');
    setStatus({ tone: 'ok', text: 'Your request was sent to the lead reviewer.' });
  };

  return (
    <section className="ws-prompt" aria-labelledby="private-heading">
      <h3 id="private-heading" className="ws-prompt__label">
        Would you like to speak privately with the lead reviewer?
      </h3>
      <p>
        This request is kept apart from your answers and is not linked to them. The lead reviewer sees requests only after the workshop closes, in a random order and with no time.
        They will see any contact details you give here, so this request is not anonymous.
      </p>
      <form onSubmit={(e) => void send(e)} noValidate>
        <div className="field">
          <label className="field__label" htmlFor="private-contact">
            How the lead reviewer can contact you (optional)
          </label>
          <p className="field__hint" id="private-contact-hint">
            For example an email address or phone number. Up to 500 characters.
          </p>
          <textarea
            id="private-contact"
            className="textarea"
            rows={2}
            maxLength={500}
            value={contact}
            onChange={(e) => setContact(e.target.value)}
            aria-describedby="private-contact-hint private-status"
          />
        </div>
        <button type="submit" className="button button--secondary" aria-disabled={busy || undefined}>
          Ask to speak privately
        </button>
      </form>
      <p id="private-status" role="status" className={`ws-status${status ? ` ws-status--${status.tone}` : ''}`}>
        {status?.tone === 'error' && <span className="visually-hidden">Error: </span>}
        {status?.text}
      </p>
    </section>
  );
}
