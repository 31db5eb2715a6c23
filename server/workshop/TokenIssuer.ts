import { constants, createHash, createPrivateKey, createPublicKey, privateDecrypt, publicEncrypt, type JsonWebKey as NodeJsonWebKey, type KeyObject } from 'node:crypto';
import { RSABSSA } from '@cloudflare/blindrsa-ts';
import type { IssuerKeyStore } from '../storage/types.js';

/** The RFC 9474 variant: RSABSSA-SHA384-PSS-Randomized (the message is prefixed with 32 random bytes). */
const suite = () => RSABSSA.SHA384.PSS.Randomized();
const ALGORITHM = { name: 'RSA-PSS', hash: 'SHA-384' } as const;
/** RSA modulus size, in bits (RFC 9474 recommends at least 2048). */
export const ISSUER_MODULUS_BITS = 2048;

type Issuer = { publicKey: CryptoKey; publicSpki: string; rawPrivate: KeyObject; rawPublic: KeyObject };

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');
const unb64 = (s: string) => new Uint8Array(Buffer.from(s, 'base64url'));

/**
 * One blind-signature key pair per workshop (RFC 9474 blind RSA, @cloudflare/blindrsa-ts). The
 * participant's browser blinds a random message, the server signs it blind after checking an unused
 * invitation, and the browser unblinds the signature: the resulting token verifies under the
 * workshop's public key but nothing the server saw when signing can be linked to it. The key pair is
 * kept by the storage backend with the workshop's anonymous data (IssuerKeyStore), so every node uses
 * the same pair, and is erased when the workshop closes, after which no token can be issued or checked.
 */
export class TokenIssuer {
  private readonly cache = new Map<string, Promise<Issuer>>();

  /** Creates the issuer over the backend's store of key pairs. */
  constructor(private readonly keys: IssuerKeyStore) {}

  private issuer(workshopId: string): Promise<Issuer> {
    let p = this.cache.get(workshopId);
    if (!p) {
      p = (async () => {
        let stored = await this.keys.get(workshopId);
        if (!stored) {
          const pair = await suite().generateKey({ modulusLength: ISSUER_MODULUS_BITS, publicExponent: Uint8Array.from([1, 0, 1]) });
          // Another node may have made one meanwhile: the first stored pair is the workshop's.
          stored = await this.keys.putIfAbsent(workshopId, {
            privateJwk: await crypto.subtle.exportKey('jwk', pair.privateKey),
            publicSpki: b64(new Uint8Array(await crypto.subtle.exportKey('spki', pair.publicKey))),
          });
        }
        return {
          publicKey: await crypto.subtle.importKey('spki', unb64(stored.publicSpki), ALGORITHM, true, ['verify']),
          publicSpki: stored.publicSpki,
          rawPrivate: createPrivateKey({ key: stored.privateJwk as NodeJsonWebKey, format: 'jwk' }),
          rawPublic: createPublicKey({ key: Buffer.from(stored.publicSpki, 'base64url'), format: 'der', type: 'spki' }),
        };
      })();
      p.catch(() => this.cache.delete(workshopId));
      this.cache.set(workshopId, p);
    }
    return p;
  }

  /** The workshop's public key (SubjectPublicKeyInfo, base64url), made on first use. */
  async publicKey(workshopId: string): Promise<string> {
    return (await this.issuer(workshopId)).publicSpki;
  }

  /** A short fingerprint of the public key, so staff and participants can compare that everyone got the same one. */
  async fingerprint(workshopId: string): Promise<string> {
    return createHash('sha256')
      .update(await this.publicKey(workshopId))
      .digest('hex')
      .slice(0, 16)
      .toUpperCase()
      .replace(/(.{4})(?!$)/g, '$1 ');
  }

  /**
   * BlindSign of RFC 9474 section 4.2 (blinded message base64url, answer base64url): s = RSASP1(sk, m),
   * then RSAVP1(pk, s) must give m back (the RFC's check against faults), else it throws. The RSA
   * operations are OpenSSL's (node:crypto, raw RSA with CRT): the library's pure-JS bignum takes about
   * a second per signature, too slow for 300 invitations. A message not below the modulus is refused.
   */
  async blindSign(workshopId: string, blindedMessage: string): Promise<string> {
    const { rawPrivate, rawPublic } = await this.issuer(workshopId);
    const m = Buffer.from(blindedMessage, 'base64url');
    if (m.length !== ISSUER_MODULUS_BITS / 8) throw new Error('blinded message has the wrong length');
    const s = privateDecrypt({ key: rawPrivate, padding: constants.RSA_NO_PADDING }, m);
    if (!publicEncrypt({ key: rawPublic, padding: constants.RSA_NO_PADDING }, s).equals(m)) throw new Error('signing check failed');
    return b64(s);
  }

  /**
   * Checks a token (the prepared message and its signature, base64url). Answers the token's id, a
   * hash of its message, or null when it does not verify (or the workshop has closed and its key is gone).
   */
  async verify(workshopId: string, token: { message: string; signature: string }): Promise<string | null> {
    if (!(await this.exists(workshopId))) return null;
    try {
      const ok = await suite().verify((await this.issuer(workshopId)).publicKey, unb64(token.signature), unb64(token.message));
      return ok ? createHash('sha256').update(token.message).digest('hex') : null;
    } catch {
      return null;
    }
  }

  private async exists(workshopId: string): Promise<boolean> {
    if (this.cache.has(workshopId)) return true;
    return (await this.keys.get(workshopId)) !== null;
  }

  /** Erases the workshop's key pair (on close). */
  async erase(workshopId: string): Promise<void> {
    const p = this.cache.get(workshopId);
    this.cache.delete(workshopId);
    await p?.catch(() => undefined);
    await this.keys.erase(workshopId);
  }
}
