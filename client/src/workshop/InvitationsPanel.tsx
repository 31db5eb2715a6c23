import { useState, type FormEvent } from 'react';
import { errorMessage } from '../api/client.js';
import { Notice } from '../components/Notice.js';
import { createInvitations, invitationLink, renewInvitation, setCodeJoining, type WorkshopView } from './api.js';

type NewLink = { id: string; label: string; link: string };

/**
 * The invitation list and the code-joining switch. Each practitioner gets a personal link; opening it
 * gives their browser an anonymous pass (a blind-signed token), so each person counts once towards the
 * threshold and nobody, the server included, can tell whose pass is whose. Links are shown once, when
 * made. Joining with the code alone is a lower-assurance mode, off unless turned on here.
 */
export function InvitationsPanel({ reviewId, workshop, onChanged }: { reviewId: string; workshop: WorkshopView; onChanged(w: WorkshopView): void }) {
  const [names, setNames] = useState('');
  const [links, setLinks] = useState<NewLink[]>([]);
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const closed = workshop.state.stage === 'closed';
  const origin = window.location.origin;

  const run = async (work: () => Promise<void>) => {
    if (busy) return;
    setBusy(true);
    try {
      await work();
    } catch (err) {
      setMessage({ tone: 'error', text: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  };
  const add = (e: FormEvent) => {
    e.preventDefault();
    const labels = names
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean);
    if (labels.length === 0) {
      setMessage({ tone: 'error', text: 'Enter at least one name or role, one per line.' });
      return;
    }
    void run(async () => {
      const made = await createInvitations(reviewId, workshop.id, labels);
      setLinks(made.invitations.map((i) => ({ id: i.id, label: i.label, link: invitationLink(origin, workshop.id, i.secret) })));
      setNames('');
      setMessage({
        tone: 'ok',
        text: `${made.invitations.length === 1 ? '1 invitation link' : `${made.invitations.length} invitation links`} made. Copy them now: they are shown only once.`,
      });
      onChanged({ ...workshop, invitations: [...workshop.invitations, ...made.invitations.map((i) => ({ id: i.id, label: i.label, used: false }))] });
    });
  };
  const renew = (id: string) =>
    void run(async () => {
      const made = await renewInvitation(reviewId, workshop.id, id);
      setLinks(made.invitations.map((i) => ({ id: i.id, label: i.label, link: invitationLink(origin, workshop.id, i.secret) })));
      setMessage({ tone: 'ok', text: 'New link made; the old one no longer works. Copy it now: it is shown only once.' });
    });
  const toggleCode = (on: boolean) =>
    void run(async () => {
      onChanged(await setCodeJoining(reviewId, workshop.id, on));
      setMessage({ tone: 'ok', text: on ? 'Joining with the code alone is on (lower assurance).' : 'Joining with the code alone is off.' });
    });
  const used = workshop.invitations.filter((i) => i.used).length;

  return (
    <section aria-labelledby="invitations-heading">
      <h3 id="invitations-heading">Invitations</h3>
      <p>
        Give each practitioner their own link. Opening it gives their browser an anonymous pass: each person counts once towards the threshold, and nobody can tell which answers
        are whose. Send each link only to its person.
      </p>
      <p data-testid="invitations-used">
        {workshop.invitations.length === 0 ? 'Nobody has been invited yet.' : `${used} of ${workshop.invitations.length} invitation links used.`}
      </p>
      <div role="status">{message?.tone === 'ok' && <p className="live-line">{message.text}</p>}</div>
      {message?.tone === 'error' && (
        <Notice tone="error" role="alert" title="That did not work">
          <p>{message.text}</p>
        </Notice>
      )}
      {links.length > 0 && (
        <div className="ws-links">
          <h4>New links (shown once)</h4>
          <ul>
            {links.map((l) => (
              <li key={l.id}>
                <label className="field__label" htmlFor={`link-${l.id}`}>
                  Link for {l.label}
                </label>
                <input id={`link-${l.id}`} className="input input--mono" readOnly value={l.link} onFocus={(e) => e.target.select()} />
              </li>
            ))}
          </ul>
        </div>
      )}
      {!closed && (
        <form onSubmit={add} noValidate>
          <div className="field">
            <label className="field__label" htmlFor="invite-names">
              Practitioners to invite
            </label>
            <p className="field__hint" id="invite-names-hint">
              One name or role per line. It is kept only so you know whom you invited; it is never linked to any answer.
            </p>
            <textarea id="invite-names" className="textarea" rows={3} value={names} onChange={(e) => setNames(e.target.value)} aria-describedby="invite-names-hint" />
          </div>
          <button type="submit" className="button button--secondary" aria-disabled={busy || undefined}>
            Make invitation links
          </button>
        </form>
      )}
      {workshop.invitations.length > 0 && (
        <ul className="ws-invitations" data-testid="invitation-list">
          {workshop.invitations.map((i) => (
            <li key={i.id}>
              {i.label}: {i.used ? 'link used' : 'not used yet'}
              {!i.used && !closed && (
                <>
                  {' '}
                  <button type="button" className="button button--secondary button--small" onClick={() => renew(i.id)}>
                    New link<span className="visually-hidden"> for {i.label}</span>
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {!closed && (
        <div className="field ws-code-joining">
          <input
            id="code-joining"
            type="checkbox"
            className="checkbox__input"
            checked={workshop.codeJoining}
            onChange={(e) => toggleCode(e.target.checked)}
            aria-describedby="code-joining-hint"
          />
          <label htmlFor="code-joining">Allow joining with the workshop code alone (lower assurance)</label>
          <p className="field__hint" id="code-joining-hint">
            For practitioners without an invitation. The code cannot tell one person from another, so one person could answer many times: their answers count towards the threshold
            only while this is on, and at most
            {` ${workshop.setup.k - 1} `}per question.
          </p>
        </div>
      )}
    </section>
  );
}
