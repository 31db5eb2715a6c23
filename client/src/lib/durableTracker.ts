import type * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import type * as encoding from 'lib0/encoding';
import type { WebsocketProvider } from 'y-websocket';
import { MESSAGE_DURABLE, decodeDurable, emptyDurable, isDurable, mergeDurable, type Durable } from '../../../shared/sync/durable.js';

/**
 * Keeps the list of this page's changes that the server has not yet said are on disk (the durable
 * acknowledgement of docs/sync.md), so the page says "All changes saved" only when that is true.
 *
 * Every update that did not come from the server counts: typing, and what the browser's own copy
 * (y-indexeddb) restores after a closed tab or a reload. Restored content is therefore "unsaved" until
 * the server acknowledges holding it durably; the acknowledgement it sends when a connection opens
 * clears whatever it already had, and the sync handshake sends it the rest.
 */
export class DurableTracker {
  private pending: Uint8Array[] = [];
  private durable: Durable = emptyDurable();
  private readonly listeners = new Set<() => void>();

  /** Starts tracking `doc`'s local updates and `provider`'s acknowledgements. */
  constructor(
    private readonly doc: Y.Doc,
    private readonly provider: WebsocketProvider,
  ) {
    doc.on('update', this.onUpdate);
    // y-websocket looks handlers up by message type; without one it would log and ignore the frame.
    provider.messageHandlers[MESSAGE_DURABLE] = (_encoder: encoding.Encoder, decoder: decoding.Decoder) => {
      this.acknowledge(decodeDurable(decoding.readVarUint8Array(decoder)));
    };
  }

  /** How many local updates are not yet known to be durable. */
  get unsaved(): number {
    return this.pending.length;
  }

  /** Calls `fn` whenever `unsaved` may have changed; returns a function that stops it. */
  onChange(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** Stops tracking (the doc and provider are the caller's to destroy). */
  destroy(): void {
    this.doc.off('update', this.onUpdate);
    this.listeners.clear();
  }

  private readonly onUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === this.provider) return; // from the server: it is the server's to keep
    this.pending.push(update);
    this.changed();
  };

  private acknowledge(ack: Durable): void {
    this.durable = mergeDurable(this.durable, ack);
    const before = this.pending.length;
    // Acknowledgements may cover updates out of order, so look at each one still pending.
    this.pending = this.pending.filter((u) => !isDurable(this.durable, u));
    // Nothing left to cover: forget what was acknowledged, so this state stays small over a long session.
    if (this.pending.length === 0) this.durable = emptyDurable();
    if (this.pending.length !== before) this.changed();
  }

  private changed(): void {
    for (const fn of this.listeners) fn();
  }
}
