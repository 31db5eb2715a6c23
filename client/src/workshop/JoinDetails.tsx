import { useRef, useState } from 'react';

/** The general join link and short code: for joining with the code alone (lower assurance), when it is on. */
export function JoinDetails({ workshopId, joinCode, codeJoining }: { workshopId: string; joinCode: string; codeJoining: boolean }) {
  const url = `${window.location.origin}/join/${encodeURIComponent(workshopId)}`;
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'yes' | 'select' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied('yes');
    } catch {
      input.current?.focus();
      input.current?.select();
      setCopied('select');
    }
  };
  return (
    <section className="ws-join" aria-labelledby="join-heading">
      <h3 id="join-heading">Joining with the code (lower assurance)</h3>
      <p>
        {codeJoining
          ? 'Code joining is on: someone without an invitation can join with this link and code. Send them separately; nobody signs in or gives their name.'
          : 'Code joining is off: this link and code do not let anyone join. Practitioners join with their personal invitation links.'}
      </p>
      <div className="field">
        <label className="field__label" htmlFor="join-link">
          Join link
        </label>
        <div className="copy-row">
          <input id="join-link" ref={input} className="input input--mono" readOnly value={url} onFocus={(e) => e.target.select()} />
          <button type="button" className="button button--secondary" onClick={() => void copy()}>
            Copy link
          </button>
        </div>
      </div>
      <p className="ws-code">
        <span>Workshop code:</span>{' '}
        <strong className="ws-code__value" data-testid="join-code">
          {joinCode}
        </strong>
      </p>
      <p role="status" className="muted">
        {copied === 'yes' && 'Link copied to the clipboard.'}
        {copied === 'select' && 'The link is selected: press Ctrl+C (or Cmd+C) to copy it.'}
      </p>
    </section>
  );
}
