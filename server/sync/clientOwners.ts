import * as Y from 'yjs';
import { CLIENT_OWNERS_ROOT } from '../../shared/sync/docShapes.js';

/**
 * Which user owns each Yjs client id of one document (docs/sync.md, "Client ids belong to users").
 * Writers are recorded in the document's server-only root, so the record survives restarts; presence
 * claims are kept while the room is loaded. An id belongs to whoever first wrote under it, or else to
 * whoever first showed presence with it.
 */
export class ClientOwners {
  private readonly writers = new Map<number, string>();
  private readonly presence = new Map<number, string>();

  /** Reads the recorded writers from a freshly loaded document. */
  load(doc: Y.Doc): void {
    doc.getMap<unknown>(CLIENT_OWNERS_ROOT).forEach((userId, id) => {
      if (typeof userId === 'string') this.writers.set(Number(id), userId);
    });
  }

  /** The user who owns a client id, if anyone does. */
  ownerOf(clientId: number): string | undefined {
    return this.writers.get(clientId) ?? this.presence.get(clientId);
  }

  /** The ids among `clientIds` that a user other than `userId` owns. */
  foreign(clientIds: readonly number[], userId: string): number[] {
    return clientIds.filter((c) => {
      const o = this.ownerOf(c);
      return o !== undefined && o !== userId;
    });
  }

  /** Binds a presence id to its first user (no-op when anyone already owns it). */
  claimPresence(clientId: number, userId: string): void {
    if (this.ownerOf(clientId) === undefined) this.presence.set(clientId, userId);
  }

  /**
   * Records `userId` as the writer of those `clientIds` not recorded yet, in one transaction with
   * `origin` on the document, so the record is logged just before the update that introduces them.
   */
  recordWriters(doc: Y.Doc, clientIds: readonly number[], userId: string, origin: unknown): void {
    const fresh = clientIds.filter((c) => !this.writers.has(c));
    if (fresh.length === 0) return;
    Y.transact(
      doc,
      () => {
        const map = doc.getMap<string>(CLIENT_OWNERS_ROOT);
        for (const c of fresh) map.set(String(c), userId);
      },
      origin,
    );
    for (const c of fresh) this.writers.set(c, userId);
  }
}
