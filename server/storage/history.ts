import * as Y from 'yjs';

/**
 * Who sent an accepted update, as the sync server knows it from the connection's session (never from
 * anything in the update): the signed-in user's id, or null for the server's own records and for
 * updates stored before attribution existed; and when it was accepted (ms since the epoch).
 */
export type Attribution = { userId: string | null; at: number };

/** One attributed update of a doc's history; `seq` orders a doc's entries and is stable once stored. */
export type HistoryEntry = Attribution & { seq: number; update: Uint8Array };

/**
 * A doc's retained history: `base` is the doc's state before the first retained entry (null when the
 * history starts from an empty doc), and applying base then every entry in order gives the doc's
 * current state. Kept apart from the compacted snapshot, so compaction does not erase it.
 */
export type DocHistory = { base: Uint8Array | null; entries: HistoryEntry[] };

/**
 * How many updates each doc's history keeps (docs/sync.md, "History"). Older ones are folded into the
 * history's base state when the doc is compacted, so a doc's history costs at most this many updates
 * plus one compaction's worth of log (COMPACT_AFTER_RECORDS) and the base. At ~100–300 bytes per typed
 * edit this is a few MiB per busy doc; versions older than this can no longer be previewed or restored.
 */
export const HISTORY_MAX_ENTRIES = 10_000;

/**
 * Keeps at most `limit` entries: the oldest are applied to the base, which becomes the state just
 * before the first entry kept. Returns the input unchanged when it is within the limit.
 */
export function foldHistory(history: DocHistory, limit: number): DocHistory & { folded: HistoryEntry[] } {
  const excess = history.entries.length - limit;
  if (excess <= 0) return { ...history, folded: [] };
  const folded = history.entries.slice(0, excess);
  const doc = new Y.Doc();
  try {
    Y.transact(doc, () => {
      if (history.base && history.base.length > 0) Y.applyUpdate(doc, history.base);
      for (const e of folded) Y.applyUpdate(doc, e.update);
    });
    return { base: Y.encodeStateAsUpdate(doc), entries: history.entries.slice(excess), folded };
  } finally {
    doc.destroy();
  }
}

/** Encodes one attribution as the prefix of a stored record: [u16 id length][id UTF-8][f64 time], little-endian. */
export function encodeAttributed(by: Attribution, update: Uint8Array): Uint8Array {
  const id = Buffer.from(by.userId ?? '', 'utf8');
  const out = Buffer.allocUnsafe(2 + id.length + 8 + update.length);
  out.writeUInt16LE(id.length, 0);
  id.copy(out, 2);
  out.writeDoubleLE(by.at, 2 + id.length);
  out.set(update, 2 + id.length + 8);
  return out;
}

/** Decodes what encodeAttributed wrote; an empty id is no user (the server). */
export function decodeAttributed(body: Uint8Array): Attribution & { update: Uint8Array } {
  const buf = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const idLen = buf.readUInt16LE(0);
  const userId = buf.toString('utf8', 2, 2 + idLen);
  const at = buf.readDoubleLE(2 + idLen);
  return { userId: userId === '' ? null : userId, at, update: body.slice(2 + idLen + 8) };
}
