import { useEffect, useReducer, useState, type Dispatch } from 'react';
import { browserStorage } from '../participant/receipts.js';
import { outcomeReducer, readOutcome, writeOutcome, type Outcome, type OutcomeAction } from './outcome.js';

/** The workshop outcome being captured, kept in this tab's sessionStorage after every change. */
export function useOutcome(workshopId: string): { outcome: Outcome; dispatch: Dispatch<OutcomeAction>; kept: boolean } {
  const [outcome, dispatch] = useReducer(outcomeReducer, workshopId, (id) => readOutcome(browserStorage('sessionStorage'), id));
  const [kept, setKept] = useState(true);
  useEffect(() => {
    setKept(writeOutcome(browserStorage('sessionStorage'), workshopId, outcome));
  }, [workshopId, outcome]);
  return { outcome, dispatch, kept };
}
