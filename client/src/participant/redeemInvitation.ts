import { io } from 'socket.io-client';
import { SOCKET_IO_OPTIONS } from '../lib/socketIoOptions.js';
import type { ParticipationToken } from '../../../shared/workshop/participant.js';
import { blindRequest } from './participationToken.js';

/** Why redeeming failed, in words for the participant. */
export class RedeemError extends Error {}

const ANSWER_TIMEOUT_MS = 15_000;

/**
 * Exchanges a personal invitation for this browser's anonymous pass (a blind-signed token). It uses
 * a connection of its own, closed before the workshop connection presents the token, so the server
 * sees the redemption and the join as two separate connections.
 */
export async function redeemInvitation(workshopId: string, invitation: string): Promise<ParticipationToken> {
  const socket = io('/workshop', { ...SOCKET_IO_OPTIONS, forceNew: true, reconnection: false });
  try {
    const call = async (event: string, payload: unknown): Promise<any> => {
      try {
        return await socket.timeout(ANSWER_TIMEOUT_MS).emitWithAck(event, payload);
      } catch {
        throw new RedeemError('The server did not answer in time. Check your connection and open the invitation link again.');
      }
    };
    const key = await call('issuer-key', { workshopId });
    if (!key?.ok) throw new RedeemError(key?.error?.message ?? 'This invitation cannot be used now.');
    const request = await blindRequest(String(key.publicKey));
    const signed = await call('redeem', { workshopId, invitation, blindedMessage: request.blindedMessage });
    if (!signed?.ok) throw new RedeemError(signed?.error?.message ?? 'This invitation cannot be used now.');
    try {
      return await request.finish(String(signed.blindSignature));
    } catch {
      throw new RedeemError('The pass the server sent does not check out. Ask the lead reviewer for a new invitation link.');
    }
  } finally {
    socket.close();
  }
}

/** The invitation secret in a link's fragment ("#invitation=…"), which never reaches the server in a request. */
export function invitationFromHash(hash: string): string | null {
  const m = /(?:^#|&)invitation=([A-Za-z0-9_-]{43})(?:&|$)/.exec(hash);
  return m ? m[1]! : null;
}
