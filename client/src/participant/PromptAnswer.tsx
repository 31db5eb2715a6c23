import { useRef, useState, type FormEvent } from 'react';
import { MAX_RESPONSE_CHARS } from '../../../shared/workshop/workshop.js';
import type { Ack } from './useWorkshopSocket.js';
import { browserStorage, forgetAnswer, readAnswers, receiptFor, saveAnswer, type StoredAnswer } from './receipts.js';
import type { ViewPrompt } from './viewSchema.js';

type Status = { tone: 'busy' | 'ok' | 'error'; text: string } | null;
type Call = (event: 'respond' | 'withdraw', payload: unknown) => Promise<Ack>;

const NO_RECEIPT = ' This browser cannot keep a receipt, so you will not be able to change or withdraw this answer later.';

/**
 * One open question with an answer box. The receipt is kept before the answer is sent, so a retry
 * after a lost acknowledgement replaces the answer instead of adding a second one. The participant's
 * own answer can be changed (same receipt) or withdrawn until the workshop closes.
 */
export function PromptAnswer({
  prompt,
  workshopId,
  call,
  drafts,
}: {
  prompt: ViewPrompt;
  workshopId: string;
  call: Call;
  /** Unsent words by prompt, kept by the screen so they survive this question moving (and remounting). */
  drafts?: Map<string, string>;
}) {
  const storage = browserStorage('localStorage');
  const [saved, setSaved] = useState<StoredAnswer | null>(() => readAnswers(storage, workshopId)[prompt.id] ?? null);
  const [text, setTextState] = useState(drafts?.get(prompt.id) ?? saved?.text ?? '');
  const setText = (t: string) => {
    drafts?.set(prompt.id, t);
    setTextState(t);
  };
  const [status, setStatus] = useState<Status>(null);
  const [busy, setBusy] = useState(false);
  const area = useRef<HTMLTextAreaElement>(null);
  const id = `answer-${prompt.id}`;
  const received = saved?.confirmed === true;

  const send = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const words = text.trim();
    if (!words) {
      setStatus({ tone: 'error', text: 'Write an answer before sending it.' });
      area.current?.focus();
      return;
    }
    if (received && saved.text === words) {
      setStatus({ tone: 'ok', text: 'No changes to save: your answer has already been received.' });
      return;
    }
    const receipt = receiptFor(saved ?? undefined);
    const pending = { receipt, text: words, confirmed: false };
    const kept = saveAnswer(storage, workshopId, prompt.id, pending);
    if (kept) setSaved(pending);
    setBusy(true);
    setStatus({ tone: 'busy', text: 'Sending your answer…' });
    const ack = await call('respond', { promptId: prompt.id, text: words, receipt });
    setBusy(false);
    if (!ack.ok) {
      setStatus({ tone: 'error', text: `Your answer has not been saved. ${ack.error.message}` });
      return;
    }
    const done = { receipt, text: words, confirmed: true };
    const keptDone = saveAnswer(storage, workshopId, prompt.id, done);
    setSaved(done);
    setText(words);
    setStatus({ tone: 'ok', text: `${received ? 'Your changes were saved.' : 'Your answer was received and saved.'}${keptDone ? '' : NO_RECEIPT}` });
  };

  const withdraw = async () => {
    if (!saved || busy) return;
    setBusy(true);
    setStatus({ tone: 'busy', text: 'Withdrawing your answer…' });
    const ack = await call('withdraw', { promptId: prompt.id, receipt: saved.receipt });
    setBusy(false);
    // "No answer for that receipt" means the server never kept it: there is nothing left to withdraw.
    if (!ack.ok && ack.error.code !== 'not-found') {
      setStatus({ tone: 'error', text: `Your answer has not been withdrawn. ${ack.error.message}` });
      return;
    }
    forgetAnswer(storage, workshopId, prompt.id);
    setSaved(null);
    setText('');
    setStatus({ tone: 'ok', text: 'Your answer was withdrawn. It is no longer stored.' });
    area.current?.focus();
  };

  const labelId = `${id}-label`;
  return (
    <section className="ws-prompt" aria-labelledby={labelId}>
      <h3 id={labelId} className="ws-prompt__label">
        {prompt.label}
      </h3>
      <p className="pre-wrap break" id={`${id}-question`}>
        {prompt.text}
      </p>
      <form onSubmit={(e) => void send(e)} noValidate>
        <div className={`field${status?.tone === 'error' ? ' field--error' : ''}`}>
          <label className="field__label" htmlFor={id}>
            Your answer<span className="visually-hidden"> to {prompt.label}</span>
          </label>
          <p className="field__hint" id={`${id}-hint`}>
            {received ? 'Received. You can change or withdraw it until the workshop closes.' : `Up to ${MAX_RESPONSE_CHARS.toLocaleString('en-GB')} characters.`}
          </p>
          <textarea
            id={id}
            ref={area}
            className="textarea ws-answer"
            value={text}
            onChange={(e) => setText(e.target.value)}
            maxLength={MAX_RESPONSE_CHARS}
            rows={4}
            aria-describedby={`${id}-question ${id}-hint ${id}-status`}
            aria-invalid={status?.tone === 'error' ? true : undefined}
          />
        </div>
        <div className="button-row ws-prompt__buttons">
          <button type="submit" className="button" aria-disabled={busy || undefined}>
            {received ? 'Save changes' : 'Send answer'}
            <span className="visually-hidden"> to {prompt.label}</span>
          </button>
          {saved && (
            <button type="button" className="button button--secondary" aria-disabled={busy || undefined} onClick={() => void withdraw()}>
              Withdraw answer<span className="visually-hidden"> to {prompt.label}</span>
            </button>
          )}
        </div>
      </form>
      <p id={`${id}-status`} role="status" className={`ws-status${status ? ` ws-status--${status.tone}` : ''}`}>
        {status?.tone === 'error' && <span className="visually-hidden">Error: </span>}
        {status?.text}
      </p>
    </section>
  );
}
