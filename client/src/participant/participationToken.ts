import { z } from 'zod';
import { TokenSchema, type ParticipationToken } from '../../../shared/workshop/participant.js';
import type { KeyValueStorage } from './receipts.js';

/**
 * The participant's side of the blind-signature exchange (RFC 9474, RSABSSA-SHA384-PSS-Randomized):
 * make a random message, blind it under the workshop's public key, send only the blinded form with
 * the invitation, and unblind the signature that comes back. The server never sees the message or
 * the final signature until the token is presented when joining, and cannot link the two.
 */

/** The suite, loaded on demand: only a participant redeeming an invitation needs the library. */
const suite = async () => (await import('@cloudflare/blindrsa-ts')).RSABSSA.SHA384.PSS.Randomized();
const b64 = (bytes: Uint8Array) => {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};
const unb64 = (s: string) => Uint8Array.from(atob(s.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));

/** A blinded request in progress: what to send, and what is needed to finish once the signature comes back. */
export type BlindRequest = { blindedMessage: string; finish(blindSignature: string): Promise<ParticipationToken> };

/** Starts a token for a workshop's public key (SPKI, base64url). */
export async function blindRequest(publicKeySpki: string): Promise<BlindRequest> {
  const key = await crypto.subtle.importKey('spki', unb64(publicKeySpki), { name: 'RSA-PSS', hash: 'SHA-384' }, true, ['verify']);
  const s = await suite();
  const message = s.prepare(crypto.getRandomValues(new Uint8Array(32)));
  const { blindedMsg, inv } = await s.blind(key, message);
  return {
    blindedMessage: b64(blindedMsg),
    // finalize also verifies the signature, so a wrong key or a forged answer is refused here.
    finish: async (blindSignature) => ({ message: b64(message), signature: b64(await s.finalize(key, message, unb64(blindSignature), inv)) }),
  };
}

const StoredTokenSchema = z.object({ token: TokenSchema });

/** The storage key of a workshop's token in this browser. */
export function tokenKey(workshopId: string): string {
  return `rr.workshop.token.${workshopId}`;
}

/** This browser's token for a workshop, or null. */
export function readToken(storage: KeyValueStorage | null, workshopId: string): ParticipationToken | null {
  try {
    const raw = storage?.getItem(tokenKey(workshopId));
    const parsed = raw ? StoredTokenSchema.safeParse(JSON.parse(raw)) : null;
    return parsed?.success ? parsed.data.token : null;
  } catch {
    return null;
  }
}

/** Keeps the token (false when this browser cannot: the participant is told to keep the page open). */
export function saveToken(storage: KeyValueStorage | null, workshopId: string, token: ParticipationToken): boolean {
  try {
    if (!storage) return false;
    storage.setItem(tokenKey(workshopId), JSON.stringify({ token }));
    return true;
  } catch {
    return false;
  }
}

/** Forgets the token (the workshop closed, or the server refused it). */
export function forgetToken(storage: KeyValueStorage | null, workshopId: string): void {
  try {
    storage?.removeItem(tokenKey(workshopId));
  } catch {
    /* nothing to forget */
  }
}
