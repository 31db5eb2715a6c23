import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { ParticipationToken } from '../../../shared/workshop/participant.js';
import { LoadingMessage } from '../components/LoadingMessage.js';
import { Notice } from '../components/Notice.js';
import { usePageTitle } from '../hooks/usePageTitle.js';
import { CodeForm } from './CodeForm.js';
import { ConfidentialityStep } from './ConfidentialityStep.js';
import { clearJoin, readJoin } from './joinStorage.js';
import { ParticipantScreen } from './ParticipantScreen.js';
import { initialState, participantReducer, stepOf, type Step } from './participantState.js';
import { forgetToken, readToken, saveToken } from './participationToken.js';
import { browserStorage, forgetWorkshop } from './receipts.js';
import { invitationFromHash, redeemInvitation } from './redeemInvitation.js';
import { useWorkshopSocket } from './useWorkshopSocket.js';

const STEP_TITLES: Record<Step, string> = {
  code: 'Join the workshop',
  joining: 'Joining the workshop',
  statement: 'Confidentiality',
  workshop: 'Workshop',
};

/** A workshop id as the server issues them; anything else is a damaged link. */
const WORKSHOP_ID = /^[A-Za-z0-9_-]{16,24}$/;

/** /join/:workshopId (and /join/:workshopId#invitation=… from a personal invitation): no sign-in, no name. */
export function JoinPage({ workshopId }: { workshopId: string }) {
  if (!WORKSHOP_ID.test(workshopId)) {
    return (
      <div className="narrow">
        <h1>Join the Reflective Learning Workshop</h1>
        <Notice tone="error" title="This workshop link is not complete">
          <p>Check the link with the lead reviewer, or copy it again from their invitation.</p>
        </Notice>
      </div>
    );
  }
  return <Participant workshopId={workshopId} />;
}

/** Forgets everything this browser kept about a workshop: answers, receipts, the pass and the tab's join. */
function forgetAll(workshopId: string): void {
  forgetWorkshop(browserStorage('localStorage'), workshopId);
  forgetToken(browserStorage('localStorage'), workshopId);
  clearJoin(browserStorage('sessionStorage'));
}

function Participant({ workshopId }: { workshopId: string }) {
  // The invitation is read once from the fragment and then removed from the address bar and history.
  const [invitation] = useState(() => {
    const secret = invitationFromHash(window.location.hash);
    if (secret) window.history.replaceState(null, '', window.location.pathname);
    return secret;
  });
  const [token, setToken] = useState<ParticipationToken | null>(() => readToken(browserStorage('localStorage'), workshopId));
  const [redeem, setRedeem] = useState<{ state: 'working' } | { state: 'failed'; message: string } | { state: 'unsaved' } | null>(() =>
    invitation && !token ? { state: 'working' } : null,
  );
  const [remembered] = useState(() => readJoin(browserStorage('sessionStorage'), workshopId));
  const [state, dispatch] = useReducer(participantReducer, remembered ?? (token ? { code: null, accepted: false } : null), initialState);
  const tokenRejected = useCallback(() => setToken(null), []);
  const { join, joinWithPass, call, rememberAccepted } = useWorkshopSocket(workshopId, remembered?.code ?? null, token, state.accepted, dispatch, tokenRejected);
  const step = stepOf(state);
  usePageTitle(redeem?.state === 'working' ? 'Getting your pass' : STEP_TITLES[step]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: redeem once per page load: an invitation gives one pass, so the effect must not run again when the token arrives
  useEffect(() => {
    if (!invitation || token) return;
    let live = true;
    redeemInvitation(workshopId, invitation).then(
      (t) => {
        if (!live) return;
        const kept = saveToken(browserStorage('localStorage'), workshopId, t);
        setToken(t);
        setRedeem(kept ? null : { state: 'unsaved' });
      },
      (err: unknown) => {
        if (live) setRedeem({ state: 'failed', message: err instanceof Error ? err.message : 'This invitation cannot be used now.' });
      },
    );
    return () => {
      live = false;
    };
    // Redeem once per page load: an invitation gives one pass.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  // Once the pass is here (redeemed now, or kept from before), join with it.
  const joinedWithPass = useRef(false);
  useEffect(() => {
    if (!token || joinedWithPass.current || state.view) return;
    joinedWithPass.current = true;
    joinWithPass();
  }, [token, joinWithPass, state.view]);

  // Each new step starts at its heading, so keyboard and screen reader users begin at the top of it.
  const lastStep = useRef<string>(step);
  const focusKey = redeem?.state === 'working' ? 'redeem' : step;
  useEffect(() => {
    if (lastStep.current === focusKey) return;
    lastStep.current = focusKey;
    document.querySelector<HTMLElement>('[data-step-focus]')?.focus();
  }, [focusKey]);

  // Once the workshop has closed nothing can be changed, so everything kept here about it goes.
  const closed = state.view?.stage === 'closed' || state.joinError?.startsWith('This workshop has closed') === true;
  useEffect(() => {
    if (closed) forgetAll(workshopId);
  }, [closed, workshopId]);

  if (redeem?.state === 'working') {
    return (
      <div className="narrow">
        <h1 data-step-focus tabIndex={-1}>
          Getting your anonymous pass
        </h1>
        <LoadingMessage text="Your browser is getting a pass that lets you take part without anyone knowing which answers are yours…" />
      </div>
    );
  }
  const redeemNotice =
    redeem?.state === 'failed' ? (
      <Notice tone="error" title="Your invitation link could not be used">
        <p>{redeem.message}</p>
      </Notice>
    ) : redeem?.state === 'unsaved' ? (
      <Notice tone="info" title="This browser cannot keep your pass">
        <p>Keep this page open until the workshop ends: if you close it, your invitation link cannot be used again.</p>
      </Notice>
    ) : null;

  switch (step) {
    case 'code':
      if (closed) {
        return (
          <div className="narrow">
            <h1 data-step-focus tabIndex={-1}>
              Join the Reflective Learning Workshop
            </h1>
            <Notice tone="info" title="This workshop has closed">
              <p>It no longer accepts answers. Thank you for taking part. This browser has forgotten your pass and your answers.</p>
            </Notice>
          </div>
        );
      }
      return (
        <>
          {redeemNotice}
          <CodeForm serverError={state.joinError} onJoin={join} />
        </>
      );
    case 'joining':
      return (
        <div className="narrow">
          <h1 data-step-focus tabIndex={-1}>
            Joining the workshop
          </h1>
          <LoadingMessage text={state.connection === 'reconnecting' ? 'Cannot reach the server yet. Still trying…' : 'Joining the workshop…'} />
        </div>
      );
    case 'statement':
      return (
        <>
          {redeemNotice}
          <ConfidentialityStep
            title={state.view!.title}
            statement={state.view!.confidentiality}
            promise={state.view!.promise}
            withPass={token !== null}
            onAccept={() => {
              rememberAccepted();
              dispatch({ type: 'accept' });
            }}
          />
        </>
      );
    case 'workshop':
      return <ParticipantScreen view={state.view!} workshopId={workshopId} connection={state.connection} announcement={state.announcement} call={call} withPass={token !== null} />;
  }
}
