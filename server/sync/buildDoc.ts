import * as Y from 'yjs';

/** The origin of updates replayed from storage; the room neither relays nor re-appends them. */
export const LOAD_ORIGIN = 'load';

/**
 * Builds a document from its stored updates (snapshot first). The fast path applies them all in one
 * transaction. If Yjs throws part-way (a state stored before updates were checked, such as a deep nest
 * and a delete of its root), that document is discarded and the stored updates are replayed one by
 * one into a fresh one, each in its own transaction; a record that throws is skipped and counted, and
 * the replay starts again without it. A document that threw is never used, so a broken state is never
 * served or compacted; the caller must not compact a document built with skipped records either, so
 * the log keeps them. Records stored before shapes were checked are otherwise kept as they are: the
 * readers skip what does not parse.
 */
export function buildDoc(updates: readonly Uint8Array[]): { doc: Y.Doc; skipped: number } {
  const fast = new Y.Doc({ gc: true });
  try {
    Y.transact(
      fast,
      () => {
        for (const u of updates) Y.applyUpdate(fast, u);
      },
      LOAD_ORIGIN,
    );
    return { doc: fast, skipped: dropPending(fast) };
  } catch {
    // Fall through to the careful replay; `fast` may be half-applied and is dropped.
  }
  const skip = new Set<number>();
  for (;;) {
    const doc = new Y.Doc({ gc: true });
    let threw = -1;
    for (let i = 0; i < updates.length; i++) {
      if (skip.has(i)) continue;
      const u = updates[i]!;
      try {
        Y.transact(doc, () => Y.applyUpdate(doc, u), LOAD_ORIGIN);
      } catch {
        threw = i;
        break;
      }
    }
    if (threw < 0) return { doc, skipped: skip.size + dropPending(doc) };
    // This document may be half-applied too: start again without the record that threw.
    skip.add(threw);
  }
}

/**
 * Structs that waited for a record that was skipped (or never stored) would stay pending inside Yjs and
 * be re-merged on every later update; the live room never lets Yjs hold any, so they are dropped here
 * (they stay in the log). Returns 1 when something was dropped.
 */
function dropPending(doc: Y.Doc): number {
  if (doc.store.pendingStructs === null && doc.store.pendingDs === null) return 0;
  doc.store.pendingStructs = null;
  doc.store.pendingDs = null;
  return 1;
}
