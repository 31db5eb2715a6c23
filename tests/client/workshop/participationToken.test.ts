import { RSABSSA } from '@cloudflare/blindrsa-ts';
import { describe, expect, it } from 'vitest';
import { TokenSchema } from '../../../shared/workshop/participant.js';
import { blindRequest, forgetToken, readToken, saveToken, tokenKey } from '../../../client/src/participant/participationToken.js';
import { invitationFromHash } from '../../../client/src/participant/redeemInvitation.js';
import { memoryStorage } from './memoryStorage.js';

const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64url');

describe('the participant’s pass', () => {
  it('is a blind RSA signature the signer never saw, that verifies under the workshop key', async () => {
    const suite = RSABSSA.SHA384.PSS.Randomized();
    const { privateKey, publicKey } = await suite.generateKey({ modulusLength: 2048, publicExponent: Uint8Array.from([1, 0, 1]) });
    const spki = b64(new Uint8Array(await crypto.subtle.exportKey('spki', publicKey)));
    const request = await blindRequest(spki);
    const blindSig = await suite.blindSign(privateKey, new Uint8Array(Buffer.from(request.blindedMessage, 'base64url')));
    const token = await request.finish(b64(blindSig));
    expect(TokenSchema.safeParse(token).success).toBe(true);
    // What the signer saw (the blinded message and its signature) shares nothing with the pass.
    expect(token.message).not.toBe(request.blindedMessage);
    expect(token.signature).not.toBe(b64(blindSig));
    expect(await suite.verify(publicKey, new Uint8Array(Buffer.from(token.signature, 'base64url')), new Uint8Array(Buffer.from(token.message, 'base64url')))).toBe(true);
    // A signature from another key is refused when finishing.
    const other = await suite.generateKey({ modulusLength: 2048, publicExponent: Uint8Array.from([1, 0, 1]) });
    const again = await blindRequest(spki);
    const forged = await suite.blindSign(other.privateKey, new Uint8Array(Buffer.from(again.blindedMessage, 'base64url'))).catch(() => null);
    if (forged) await expect(again.finish(b64(forged))).rejects.toThrow();
  });

  it('is kept per workshop in this browser and forgotten on request; a damaged one counts as none', () => {
    const storage = memoryStorage();
    const token = { message: 'a'.repeat(86), signature: 'b'.repeat(342) };
    expect(saveToken(storage, 'w1', token)).toBe(true);
    expect(readToken(storage, 'w1')).toEqual(token);
    expect(readToken(storage, 'w2')).toBeNull();
    storage.setItem(tokenKey('w2'), '{not json');
    expect(readToken(storage, 'w2')).toBeNull();
    forgetToken(storage, 'w1');
    expect(readToken(storage, 'w1')).toBeNull();
    expect(saveToken(memoryStorage({ failWrites: true }), 'w1', token)).toBe(false);
  });

  it('reads the invitation from the link’s fragment only', () => {
    const secret = 'A'.repeat(43);
    expect(invitationFromHash(`#invitation=${secret}`)).toBe(secret);
    expect(invitationFromHash(`#x=1&invitation=${secret}`)).toBe(secret);
    expect(invitationFromHash('#invitation=short')).toBeNull();
    expect(invitationFromHash('')).toBeNull();
  });
});
