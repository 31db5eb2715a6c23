import { randomBytes } from 'node:crypto';
import { io as connect, type Socket } from 'socket.io-client';
import { api } from './api.js';
import type { ParticipationToken } from '../../shared/workshop/participant.js';
import { blindRequest } from '../../client/src/participant/participationToken.js';

/** An anonymous workshop participant on the /workshop namespace (real socket.io-client, no cookie). */
export type Participant = { socket: Socket; emit<T = any>(event: string, payload: unknown): Promise<T>; close(): void };

/** A fresh receipt, as the participant's browser makes one per response. */
export const newReceipt = () => randomBytes(32).toString('base64url');

/** Connects a participant; resolves once connected. */
export function connectParticipant(baseUrl: string, headers: Record<string, string> = {}): Promise<Participant> {
  return new Promise((resolve, reject) => {
    const socket = connect(`${baseUrl}/workshop`, { transports: ['websocket'], reconnection: false, extraHeaders: { origin: baseUrl, ...headers } });
    socket.once('connect', () =>
      resolve({
        socket,
        emit: (event, payload) => socket.timeout(10_000).emitWithAck(event, payload),
        close: () => socket.close(),
      }),
    );
    socket.once('connect_error', reject);
  });
}

/**
 * Redeems an invitation the way the participant's browser does (client/src/participant/participationToken.ts):
 * its own connection asks for the key, sends the blinded message with the invitation, and is closed
 * before the token is used. Resolves with the token, or the refusal.
 */
export async function redeemInvitation(
  baseUrl: string,
  workshopId: string,
  invitation: string,
): Promise<{ ok: true; token: ParticipationToken } | { ok: false; error: { code: string } }> {
  const p = await connectParticipant(baseUrl);
  try {
    const key = await p.emit('issuer-key', { workshopId });
    if (!key.ok) return key;
    const request = await blindRequest(key.publicKey);
    const ack = await p.emit('redeem', { workshopId, invitation, blindedMessage: request.blindedMessage });
    if (!ack.ok) return ack;
    return { ok: true, token: await request.finish(ack.blindSignature) };
  } finally {
    p.close();
  }
}

/** Connects and joins with a token; resolves with the participant once joined. */
export async function joinWithToken(baseUrl: string, workshopId: string, token: ParticipationToken): Promise<Participant> {
  const p = await connectParticipant(baseUrl);
  const ack = await p.emit('join', { workshopId, token });
  if (!ack.ok) throw new Error(`join refused: ${ack.error.code}`);
  return p;
}

/** Invites `n` practitioners to a published workshop (lead reviewer's cookie) and joins each with a redeemed token. */
export async function invitedParticipants(baseUrl: string, cookie: string, reviewId: string, workshopId: string, n: number): Promise<Participant[]> {
  const res = await api(baseUrl, 'POST', `/api/reviews/${reviewId}/workshops/${workshopId}/invitations`, {
    cookie,
    body: { labels: Array.from({ length: n }, (_, i) => `Practitioner ${i + 1}`) },
  });
  if (res.status !== 201) throw new Error(`invitations refused: ${res.status}`);
  const invitations = res.body.invitations as { secret: string }[];
  const people: Participant[] = [];
  for (const i of invitations) {
    const t = await redeemInvitation(baseUrl, workshopId, i.secret);
    if (!t.ok) throw new Error(`redeem refused: ${t.error.code}`);
    people.push(await joinWithToken(baseUrl, workshopId, t.token));
  }
  return people;
}
