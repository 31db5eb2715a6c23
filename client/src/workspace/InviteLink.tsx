import { useRef, useState } from 'react';
import { Notice } from '../components/Notice.js';

/** Shows a new single-use invitation link with a Copy button; the link is shown once only. */
export function InviteLink({ url, email }: { url: string; email: string }) {
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'yes' | 'select' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied('yes');
    } catch {
      // Clipboard access can be refused; select the text so Ctrl+C works.
      input.current?.focus();
      input.current?.select();
      setCopied('select');
    }
  };
  return (
    <Notice tone="success" title={`Invitation link for ${email}`}>
      <p>This link works once and is not shown again. Copy it now.</p>
      <div className="field">
        <label className="field__label" htmlFor="invite-link">
          Invitation link
        </label>
        <div className="copy-row">
          <input id="invite-link" ref={input} className="input input--mono" readOnly value={url} onFocus={(e) => e.target.select()} />
          <button type="button" className="button button--secondary" onClick={() => void copy()}>
            Copy link
          </button>
        </div>
      </div>
      <p role="status" className="muted">
        {copied === 'yes' && 'Link copied to the clipboard.'}
        {copied === 'select' && 'The link is selected: press Ctrl+C (or Cmd+C) to copy it.'}
      </p>
    </Notice>
  );
}
