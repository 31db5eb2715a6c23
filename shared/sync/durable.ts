import * as Y from 'yjs';

/**
 * Durable acknowledgement (docs/sync.md, "Durable acknowledgement"). The sync server tells a client
 * which document content is on disk with a frame of this message type, whose payload is a Yjs
 * snapshot (state vector + delete set, `Y.encodeSnapshot`): every struct below the state vector's
 * clocks and every deletion in the delete set is durable. Keys are Yjs ids (client id + clock), so a
 * client can tell exactly which of its own updates are safe, whatever frame carried them.
 */
export const MESSAGE_DURABLE = 4;

/** What a client knows to be durable on the server. */
export type Durable = Y.Snapshot;

/** Nothing known durable yet. */
export function emptyDurable(): Durable {
  return Y.createSnapshot(Y.createDeleteSet(), new Map());
}

/**
 * The part of `update` that `doc` holds, as an acknowledgement: for every client that has structs in
 * the update, the doc's clock for it (structs the doc holds back as pending, for a missing dependency,
 * are below no acknowledged clock), and the update's deletions unless the doc holds some deletions
 * back (then none are claimed; the next full acknowledgement says the rest).
 */
export function ackForUpdate(doc: Y.Doc, update: Uint8Array): Durable {
  return ackForDecoded(doc, Y.parseUpdateMeta(update).to.keys(), () => Y.decodeUpdate(update).ds);
}

/**
 * ackForUpdate for an update already decoded (the server's update check decodes every update it
 * accepts): `clients` are the client ids with structs in it, `ds` answers its delete set.
 */
export function ackForDecoded(doc: Y.Doc, clients: Iterable<number>, ds: () => ReturnType<typeof Y.createDeleteSet>): Durable {
  const sv = new Map<number, number>();
  for (const client of clients) sv.set(client, Y.getState(doc.store, client));
  return Y.createSnapshot(doc.store.pendingDs === null ? ds() : Y.createDeleteSet(), sv);
}

/** Everything `doc` holds, as an acknowledgement (sent once its writes so far are durable). */
export function ackForDoc(doc: Y.Doc): Durable {
  return Y.snapshot(doc);
}

/** Encodes an acknowledgement's payload. */
export function encodeDurable(d: Durable): Uint8Array {
  return Y.encodeSnapshot(d);
}

/** Decodes an acknowledgement's payload; throws on malformed input. */
export function decodeDurable(bytes: Uint8Array): Durable {
  const d = Y.decodeSnapshot(bytes);
  // Normalised here so `isDurable` can compare delete sets directly.
  return Y.createSnapshot(Y.mergeDeleteSets([d.ds]), d.sv);
}

/** The union of two acknowledgements (clocks: the higher; deletions: both, sorted and merged). */
export function mergeDurable(a: Durable, b: Durable): Durable {
  const sv = new Map(a.sv);
  for (const [client, clock] of b.sv) sv.set(client, Math.max(clock, sv.get(client) ?? 0));
  return Y.createSnapshot(Y.mergeDeleteSets([a.ds, b.ds]), sv);
}

/** True when every struct and deletion in `update` is covered by `durable`. */
export function isDurable(durable: Durable, update: Uint8Array): boolean {
  // snapshotContainsUpdate compares delete sets item by item, so the snapshot's must be in merged form,
  // which every Durable made here is.
  return Y.snapshotContainsUpdate(durable, update);
}
