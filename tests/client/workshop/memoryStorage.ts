import type { KeyValueStorage } from '../../../client/src/participant/receipts.js';

/** A Map-backed Web Storage for unit tests of the storage modules; `failWrites` behaves like a full or disabled store. */
export function memoryStorage(opts: { failWrites?: boolean } = {}): KeyValueStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => {
      if (opts.failWrites) throw new DOMException('quota', 'QuotaExceededError');
      map.set(k, String(v));
    },
    removeItem: (k) => {
      map.delete(k);
    },
  };
}
