import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { hasForbiddenKey } from '../http/validate.js';

/** Longest awareness state JSON accepted per client; presence is small (a name, a cursor, a row id). */
export const MAX_AWARENESS_STATE_CHARS = 4_096;

/**
 * Rewrites an awareness update from one connection before it is applied or relayed:
 * - every state's `user` is replaced by the identity the server knows from the session, so a client
 *   cannot show itself as someone else;
 * - states that are not plain objects, or that use `__proto__`, `constructor` or `prototype` as a key,
 *   are dropped;
 * - a connection may only speak for client ids it introduced itself (the first time it uses an id
 *   not used by another connection), so it cannot remove or impersonate another tab's presence.
 * Returns the rewritten update, the ids it speaks for and its entries, or null when nothing is acceptable.
 * Throws on a malformed update; the caller closes that socket.
 */
export function filterAwarenessUpdate(
  update: Uint8Array,
  user: { name: string },
  owns: (clientId: number) => boolean,
): { update: Uint8Array; clientIds: number[]; entries: { clientId: number; clock: number; json: string }[] } | null {
  const d = decoding.createDecoder(update);
  const n = decoding.readVarUint(d);
  const kept: { clientId: number; clock: number; json: string }[] = [];
  for (let i = 0; i < n; i++) {
    const clientId = decoding.readVarUint(d);
    const clock = decoding.readVarUint(d);
    if (!owns(clientId)) {
      // y-websocket clients echo every state they receive: skip those bytes without decoding them.
      const len = decoding.readVarUint(d);
      if (d.pos + len > d.arr.length) throw new RangeError('awareness state runs past the end');
      d.pos += len;
      continue;
    }
    const json = decoding.readVarString(d);
    if (json.length > MAX_AWARENESS_STATE_CHARS) continue;
    const state: unknown = JSON.parse(json);
    if (state === null) {
      kept.push({ clientId, clock, json: 'null' });
      continue;
    }
    // Presence is relayed to every browser on the doc: drop anything that is not a plain object, and
    // any state using a prototype-polluting key, as the REST API does for bodies.
    if (typeof state !== 'object' || Array.isArray(state) || hasForbiddenKey(state)) continue;
    kept.push({ clientId, clock, json: JSON.stringify({ ...(state as Record<string, unknown>), user: { name: user.name } }) });
  }
  if (kept.length === 0) return null;
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, kept.length);
  for (const k of kept) {
    encoding.writeVarUint(e, k.clientId);
    encoding.writeVarUint(e, k.clock);
    encoding.writeVarString(e, k.json);
  }
  return { update: encoding.toUint8Array(e), clientIds: kept.map((k) => k.clientId), entries: kept };
}
