import { z } from 'zod';

/**
 * Record ids are 16-24 url-safe characters. They never contain '.', which separates the parts of a
 * Yjs doc name, and the pattern keeps path parameters from smuggling '..' or '/'.
 */
export const IdSchema = z.string().regex(/^[A-Za-z0-9_-]{16,24}$/, 'must be a record id');

/** A record id. */
export type Id = z.infer<typeof IdSchema>;

/** Web Crypto is a global in browsers and Node 20; typed locally because shared/ compiles without DOM or Node types. */
type WebCrypto = { getRandomValues<T extends Uint8Array>(a: T): T };

const URL_SAFE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Makes a random, url-safe 22-character id (132 bits) from the platform's Web Crypto. */
export function newId(): Id {
  const bytes = new Uint8Array(22);
  (globalThis as unknown as { crypto: WebCrypto }).crypto.getRandomValues(bytes);
  let s = '';
  for (const b of bytes) s += URL_SAFE[b & 63];
  return s;
}
