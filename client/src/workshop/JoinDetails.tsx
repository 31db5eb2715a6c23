import { useRef, useState } from 'react';

/** The join link and short code the lead reviewer shares with practitioners. */
export function JoinDetails({ workshopId, joinCode }: { workshopId: string; joinCode: string }) {
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
      <h3 id="join-heading">Share with practitioners</h3>
      <p>Send the link and the code separately. Practitioners need both; they do not sign in or give their names.</p>
      <div className="field">
        <label className="field__label" htmlFor="join-link">Join link</label>
        <div className="copy-row">
          <input id="join-link" ref={input} className="input input--mono" readOnly value={url} onFocus={(e) => e.target.select()} />
          <button type="button" className="button button--secondary" onClick={() => void copy()}>Copy link</button>
        </div>
      </div>
      <p className="ws-code"><span>Workshop code:</span> <strong className="ws-code__value" data-testid="join-code">{joinCode}</strong></p>
      <p role="status" className="muted">
        {copied === 'yes' && 'Link copied to the clipboard.'}
        {copied === 'select' && 'The link is selected: press Ctrl+C (or Cmd+C) to copy it.'}
      </p>
    </section>
  );
}
