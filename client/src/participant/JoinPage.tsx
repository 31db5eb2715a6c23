import { useEffect, useReducer, useRef, useState } from 'react';
import { LoadingMessage } from '../components/LoadingMessage.js';
import { Notice } from '../components/Notice.js';
import { usePageTitle } from '../hooks/usePageTitle.js';
import { CodeForm } from './CodeForm.js';
import { ConfidentialityStep } from './ConfidentialityStep.js';
import { readJoin } from './joinStorage.js';
import { ParticipantScreen } from './ParticipantScreen.js';
import { initialState, participantReducer, stepOf, type Step } from './participantState.js';
import { browserStorage, forgetWorkshop } from './receipts.js';
import { useWorkshopSocket } from './useWorkshopSocket.js';

const STEP_TITLES: Record<Step, string> = {
  code: 'Join the workshop',
  joining: 'Joining the workshop',
  statement: 'Confidentiality',
  workshop: 'Workshop',
};

/** A workshop id as the server issues them; anything else is a damaged link. */
const WORKSHOP_ID = /^[A-Za-z0-9_-]{16,24}$/;

/** /join/:workshopId — the participant's page: no sign-in, no name. */
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

function Participant({ workshopId }: { workshopId: string }) {
  const [remembered] = useState(() => readJoin(browserStorage('sessionStorage'), workshopId));
  const [state, dispatch] = useReducer(participantReducer, remembered, initialState);
  const { join, call, rememberAccepted } = useWorkshopSocket(workshopId, remembered?.code ?? null, state.accepted, dispatch);
  const step = stepOf(state);
  usePageTitle(STEP_TITLES[step]);

  // Each new step starts at its heading, so keyboard and screen reader users begin at the top of it.
  const lastStep = useRef<Step>(step);
  useEffect(() => {
    if (lastStep.current === step) return;
    lastStep.current = step;
    document.querySelector<HTMLElement>('[data-step-focus]')?.focus();
  }, [step]);

  // Once the workshop has closed nothing can be changed, so the receipts and answers kept here go.
  const closed = state.view?.stage === 'closed';
  useEffect(() => {
    if (closed) forgetWorkshop(browserStorage('localStorage'), workshopId);
  }, [closed, workshopId]);

  switch (step) {
    case 'code':
      return <CodeForm serverError={state.joinError} onJoin={join} />;
    case 'joining':
      return (
        <div className="narrow">
          <h1 data-step-focus tabIndex={-1}>Joining the workshop</h1>
          <LoadingMessage text={state.connection === 'reconnecting' ? 'Cannot reach the server yet. Still trying…' : 'Joining the workshop…'} />
        </div>
      );
    case 'statement':
      return (
        <ConfidentialityStep
          title={state.view!.title} statement={state.view!.confidentiality} promise={state.view!.promise}
          onAccept={() => { rememberAccepted(); dispatch({ type: 'accept' }); }}
        />
      );
    case 'workshop':
      return <ParticipantScreen view={state.view!} workshopId={workshopId} connection={state.connection} announcement={state.announcement} call={call} />;
  }
}
