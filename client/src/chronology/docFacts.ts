import type { SyncFacts } from '../lib/syncStatus.js';

/**
 * The sync state of the chronology as a whole, from the state of each document it is made of (every
 * agency's rows, the review team's fields, the people register): connected and synced only when all
 * are, with every waiting change counted, and refused when any was refused. A document not yet
 * opened (null) counts as not connected.
 */
export function combineFacts(list: readonly (SyncFacts | null | undefined)[]): SyncFacts {
  const all = list.map((f) => f ?? { connected: false, synced: false, everConnected: false, pending: 0, refused: false });
  if (all.length === 0) return { connected: false, synced: false, everConnected: false, pending: 0, refused: false };
  return {
    connected: all.every((f) => f.connected),
    synced: all.every((f) => f.synced),
    everConnected: all.every((f) => f.everConnected),
    pending: all.reduce((n, f) => n + f.pending, 0),
    refused: all.some((f) => f.refused),
    refusedEdit: all.find((f) => f.refusedEdit)?.refusedEdit ?? null,
  };
}
