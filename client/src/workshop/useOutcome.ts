import { useCallback, useEffect, useReducer, useRef, useState, type Dispatch } from 'react';
import { EMPTY_OUTCOME, type Outcome } from '../../../shared/workshop/outcome.js';
import { outcomeReducer, type OutcomeAction } from '../../../shared/workshop/outcomeReducer.js';
import { ApiRequestError } from '../api/ApiRequestError.js';
import { errorMessage } from '../api/client.js';
import { loadOutcome, saveOutcome } from './api.js';
import { OUTCOME_AUTOSAVE_MS, type OutcomeSaveState } from './outcomeSave.js';

/** The outcome being captured, and its autosave. */
export type OutcomeEditor = {
  outcome: Outcome;
  dispatch: Dispatch<OutcomeAction>;
  /** True once the saved outcome has loaded; before then nothing can be edited. */
  ready: boolean;
  state: OutcomeSaveState;
  /** Loads the saved outcome again, replacing what is on screen (after a conflict or a failed load). */
  reload(): void;
  /** Tries a failed save again now. */
  retry(): void;
};

/**
 * The workshop outcome, loaded from the server and saved back a moment after each change (whole
 * outcome, with the version it was edited from). One save is in flight at a time; changes made during
 * it are saved next. A 409 stops autosaving until the facilitator reloads, so nobody's saved work is
 * overwritten. Unsaved changes are sent when the panel goes away, and closing the tab asks first.
 */
export function useOutcome(reviewId: string, workshopId: string, enabled: boolean): OutcomeEditor {
  const [outcome, dispatch] = useReducer(outcomeReducer, EMPTY_OUTCOME);
  const [state, setState] = useState<OutcomeSaveState>({ kind: 'loading' });
  const [ready, setReady] = useState(false);
  // Bumped after each successful save, so changes made while it was in flight get their own save. A
  // failed save is not retried in a loop: the next change, or "Try again", sends it.
  const [round, setRound] = useState(0);
  const version = useRef(0);
  const savedJson = useRef(JSON.stringify(EMPTY_OUTCOME));
  const inFlight = useRef(false);
  const conflicted = useRef(false);
  const latest = useRef(outcome);
  latest.current = outcome;
  const readyRef = useRef(false);

  const load = useCallback(async () => {
    readyRef.current = false;
    setReady(false);
    setState({ kind: 'loading' });
    try {
      const r = await loadOutcome(reviewId, workshopId);
      version.current = r.version;
      savedJson.current = JSON.stringify(r.outcome);
      conflicted.current = false;
      dispatch({ type: 'replace', outcome: r.outcome });
      readyRef.current = true;
      setReady(true);
      setState({ kind: 'saved' });
    } catch (err) {
      setState({ kind: 'load-failed', message: errorMessage(err) });
    }
  }, [reviewId, workshopId]);

  useEffect(() => {
    if (enabled) void load();
  }, [enabled, load]);

  const save = useCallback(async () => {
    if (!readyRef.current || inFlight.current || conflicted.current) return;
    const sending = latest.current;
    const json = JSON.stringify(sending);
    if (json === savedJson.current) {
      setState({ kind: 'saved' });
      return;
    }
    inFlight.current = true;
    setState({ kind: 'saving' });
    try {
      const r = await saveOutcome(reviewId, workshopId, version.current, sending);
      version.current = r.version;
      // What was sent is what the server holds, less any marks on responses it could not take (hidden
      // or withdrawn since): those are not worth a second save.
      savedJson.current = json;
      setState(JSON.stringify(latest.current) === json ? { kind: 'saved' } : { kind: 'saving' });
      setRound((n) => n + 1);
    } catch (err) {
      if (err instanceof ApiRequestError && err.status === 409) {
        conflicted.current = true;
        setState({ kind: 'conflict', message: err.message });
      } else {
        setState({ kind: 'failed', message: errorMessage(err) });
      }
    } finally {
      inFlight.current = false;
    }
  }, [reviewId, workshopId]);

  // Autosave a moment after the last change.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `round` is the trigger: after each save the effect runs again to save anything typed while that save was in flight
  useEffect(() => {
    if (!ready || conflicted.current || inFlight.current) return;
    if (JSON.stringify(outcome) === savedJson.current) return;
    setState((s) => (s.kind === 'saving' ? s : { kind: 'saving' }));
    const timer = setTimeout(() => void save(), OUTCOME_AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [outcome, ready, round, save]);

  // Leaving the panel sends what is not saved yet; closing or reloading the tab asks first.
  const unsaved = ready && state.kind !== 'saved';
  useEffect(
    () => () => {
      if (JSON.stringify(latest.current) !== savedJson.current) void save();
    },
    [save],
  );
  useEffect(() => {
    if (!unsaved) return;
    const ask = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [unsaved]);

  return { outcome, dispatch, ready, state, reload: () => void load(), retry: () => void save() };
}
