import { randomBytes } from 'node:crypto';
import { io as connect, type Socket } from 'socket.io-client';

/** An anonymous workshop participant on the /workshop namespace (real socket.io-client, no cookie). */
export type Participant = { socket: Socket; emit<T = any>(event: string, payload: unknown): Promise<T>; close(): void };

/** A fresh receipt, as the participant's browser makes one per response. */
export const newReceipt = () => randomBytes(32).toString('base64url');

/** Connects a participant; resolves once connected. */
export function connectParticipant(baseUrl: string, headers: Record<string, string> = {}): Promise<Participant> {
  return new Promise((resolve, reject) => {
    const socket = connect(`${baseUrl}/workshop`, { transports: ['websocket'], reconnection: false, extraHeaders: { origin: baseUrl, ...headers } });
    socket.once('connect', () => resolve({
      socket,
      emit: (event, payload) => socket.timeout(10_000).emitWithAck(event, payload),
      close: () => socket.close(),
    }));
    socket.once('connect_error', reject);
  });
}
