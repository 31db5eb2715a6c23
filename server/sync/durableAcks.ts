import type * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import type { WebSocket } from 'ws';
import { MESSAGE_DURABLE, ackForDecoded, ackForDoc, encodeDurable, type Durable } from '../../shared/sync/durable.js';
import type { UpdateVerdict } from '../../shared/sync/checkUpdate.js';
import { frame } from './messages.js';

/** What the acknowledger needs from its room. */
export type AckRoom = {
  readonly doc: Y.Doc;
  /** Resolves once every append issued so far has been written (or the room failed). */
  writesSoFar(): Promise<void>;
  /** True once storage refused a write; nothing more is acknowledged. */
  readonly hasFailed: boolean;
  /** The sockets currently served. */
  sockets(): Iterable<WebSocket>;
};

/**
 * How long after an accepted update every connection is told what the whole doc holds durably. A
 * connection can hold changes it did not author here: a tab restored from its local copy re-sends other
 * users' edits, which the server drops from its handshake because their owners re-send them (client ids
 * belong to users). Only a doc-wide acknowledgement, sent once those are durable, clears them.
 */
export const DOC_ACK_DELAY_MS = 250;

/**
 * Durable acknowledgement (docs/sync.md): tells a client, after the fsync, which content is on disk.
 * It hooks in after an update is applied (and its append issued), never before the relay, so peers
 * still see an edit at once; only the acknowledgement waits for the disk. Appends of one doc complete
 * in order, so once every append issued so far is done, everything the doc held at that moment is
 * durable.
 */
export class DurableAcks {
  private docAckTimer: NodeJS.Timeout | null = null;

  /** Creates the acknowledger for one room. */
  constructor(private readonly room: AckRoom) {}

  /** A connection opened: once what the doc holds now is durable, say so (clears what a reload kept). */
  connected(ws: WebSocket): void {
    this.later(ws, ackForDoc(this.room.doc));
  }

  /**
   * An update from `ws` was applied: once durable, acknowledge the part of it the doc holds. `checked`
   * is the update check's verdict, which already holds the update's clients and deletions, so the
   * update is not decoded again here (ackForUpdate would decode it twice more).
   */
  accepted(ws: WebSocket, checked: Extract<UpdateVerdict, { ok: true }>): void {
    this.later(
      ws,
      ackForDecoded(this.room.doc, checked.structClients, () => checked.ds),
    );
    // Coalesced: at most one doc-wide acknowledgement per DOC_ACK_DELAY_MS, however many updates arrive.
    this.docAckTimer ??= setTimeout(() => {
      this.docAckTimer = null;
      // One snapshot for everyone: encoded once, sent to each socket served at this moment.
      const msg = frame(MESSAGE_DURABLE, (e) => encoding.writeVarUint8Array(e, encodeDurable(ackForDoc(this.room.doc))));
      this.sendWhenDurable([...this.room.sockets()], msg);
    }, DOC_ACK_DELAY_MS);
  }

  /** Stops the pending doc-wide acknowledgement (the room is unloading). */
  stop(): void {
    if (this.docAckTimer) clearTimeout(this.docAckTimer);
    this.docAckTimer = null;
  }

  private later(ws: WebSocket, ack: Durable): void {
    // Encoded now: the ack describes the doc as it is at this point, not when the write completes.
    this.sendWhenDurable(
      [ws],
      frame(MESSAGE_DURABLE, (e) => encoding.writeVarUint8Array(e, encodeDurable(ack))),
    );
  }

  private sendWhenDurable(sockets: WebSocket[], msg: Uint8Array): void {
    void this.room.writesSoFar().then(() => {
      if (this.room.hasFailed) return;
      for (const ws of sockets) if (ws.readyState === ws.OPEN) ws.send(msg);
    });
  }
}
