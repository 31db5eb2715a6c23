import { useCallback, useEffect, useRef, type Dispatch } from 'react';
import { io, type Socket } from 'socket.io-client';
import { SOCKET_IO_OPTIONS } from '../lib/socketIoOptions.js';
import type { ParticipationToken } from '../../../shared/workshop/participant.js';
import { clearJoin, saveJoin } from './joinStorage.js';
import type { ParticipantEvent } from './participantState.js';
import { forgetToken } from './participationToken.js';
import { browserStorage } from './receipts.js';
import { ParticipantViewSchema } from './viewSchema.js';

/** An acknowledgement from the /workshop namespace. */
export type Ack = { ok: true; [k: string]: unknown } | { ok: false; error: { code: string; message: string } };

/** How long to wait for an acknowledgement before telling the participant it did not arrive. */
const ACK_TIMEOUT_MS = 15_000;

const NOT_UNDERSTOOD_MESSAGE = 'The server sent an answer this page does not understand.';
const NOT_UNDERSTOOD: Ack = { ok: false, error: { code: 'bad-response', message: NOT_UNDERSTOOD_MESSAGE } };
const NO_ANSWER: Ack = { ok: false, error: { code: 'timeout', message: 'The server did not answer in time. Check your connection and try again.' } };

/**
 * The participant's anonymous connection: Socket.IO namespace /workshop (the server drops any cookie
 * on it). It joins with this browser's pass (the blind-signed token), or else the remembered code,
 * whenever it (re)connects, so after a dropped connection
 * the screen returns to the facilitator's current state, and it follows every `view` the server
 * sends. `call` sends one event and resolves with its acknowledgement; if the server has forgotten
 * the join (a new connection), it joins again and retries once.
 */
export function useWorkshopSocket(
  workshopId: string,
  initialCode: string | null,
  token: ParticipationToken | null,
  accepted: boolean,
  dispatch: Dispatch<ParticipantEvent>,
  onTokenRejected: () => void = () => undefined,
) {
  const socketRef = useRef<Socket | null>(null);
  const codeRef = useRef<string | null>(initialCode);
  const tokenRef = useRef<ParticipationToken | null>(token);
  tokenRef.current = token;
  const acceptedRef = useRef(accepted);
  acceptedRef.current = accepted;

  const emit = useCallback(async (event: string, payload: unknown): Promise<Ack> => {
    const socket = socketRef.current;
    if (!socket) return NO_ANSWER;
    try {
      const answer: unknown = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck(event, payload);
      if (answer && typeof answer === 'object' && 'ok' in answer) return answer as Ack;
      return NOT_UNDERSTOOD;
    } catch {
      return NO_ANSWER;
    }
  }, []);

  const joinWith = useCallback(
    async (code: string | null): Promise<boolean> => {
      const pass = tokenRef.current;
      const answer = await emit('join', pass ? { workshopId, token: pass } : { workshopId, code });
      if (!answer.ok) {
        if (answer.error.code === 'bad-token') {
          // A pass the server does not accept is forgotten, so the screen offers the other ways in.
          forgetToken(browserStorage('localStorage'), workshopId);
          tokenRef.current = null;
          onTokenRejected();
        }
        // Only a wrong code is forgotten; a slow or refused attempt keeps it for the next try.
        const wrong = answer.error.code === 'not-found' || answer.error.code === 'invalid';
        if (wrong) {
          codeRef.current = null;
          clearJoin(browserStorage('sessionStorage'));
        }
        dispatch({ type: 'join-failed', message: answer.error.message, forgetCode: wrong });
        return false;
      }
      const view = ParticipantViewSchema.safeParse(answer.view);
      if (!view.success) {
        dispatch({ type: 'join-failed', message: NOT_UNDERSTOOD_MESSAGE, forgetCode: false });
        return false;
      }
      codeRef.current = code;
      saveJoin(browserStorage('sessionStorage'), { workshopId, code, accepted: acceptedRef.current });
      dispatch({ type: 'join-ok', view: view.data });
      return true;
    },
    [emit, workshopId, dispatch, onTokenRejected],
  );

  useEffect(() => {
    // forceNew: the anonymous channel never shares an underlying connection with a staff socket.
    const socket = io('/workshop', { ...SOCKET_IO_OPTIONS, forceNew: true });
    socketRef.current = socket;
    socket.on('connect', () => {
      dispatch({ type: 'connection', connection: 'connected' });
      if (tokenRef.current || codeRef.current) void joinWith(codeRef.current);
    });
    socket.on('disconnect', () => dispatch({ type: 'connection', connection: 'reconnecting' }));
    socket.on('connect_error', () => dispatch({ type: 'connection', connection: 'reconnecting' }));
    socket.on('view', (payload: unknown) => {
      const view = ParticipantViewSchema.safeParse(payload);
      if (view.success) dispatch({ type: 'view', view: view.data });
    });
    return () => {
      socket.removeAllListeners();
      socket.close();
      socketRef.current = null;
    };
  }, [joinWith, dispatch]);

  /** Joins with a typed code (the code form). */
  const join = useCallback(
    (code: string) => {
      dispatch({ type: 'join-start', code });
      codeRef.current = code;
      const socket = socketRef.current;
      // Not connected yet: the connect handler joins with this code as soon as it can.
      if (socket?.connected) void joinWith(code);
    },
    [joinWith, dispatch],
  );

  /** Joins with this browser's pass, once it has one (after redeeming an invitation). */
  const joinWithPass = useCallback(() => {
    dispatch({ type: 'join-start', code: null });
    if (socketRef.current?.connected) void joinWith(null);
  }, [joinWith, dispatch]);

  /** Sends one event and resolves with its acknowledgement, re-joining once if the server asks. */
  const call = useCallback(
    async (event: 'respond' | 'withdraw' | 'private-request', payload: unknown): Promise<Ack> => {
      const first = await emit(event, payload);
      if (first.ok || first.error.code !== 'not-joined' || !(codeRef.current || tokenRef.current)) return first;
      if (!(await joinWith(codeRef.current))) return first;
      return emit(event, payload);
    },
    [emit, joinWith],
  );

  /** Remembers that this tab accepted the confidentiality statement. */
  const rememberAccepted = useCallback(() => {
    acceptedRef.current = true;
    if (codeRef.current || tokenRef.current) saveJoin(browserStorage('sessionStorage'), { workshopId, code: codeRef.current, accepted: true });
  }, [workshopId]);

  return { join, joinWithPass, call, rememberAccepted };
}
