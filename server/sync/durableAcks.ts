import type * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import type { WebSocket } from 'ws';
import { MESSAGE_DURABLE, ackForDoc, ackForUpdate, encodeDurable, type Durable } from '../../shared/sync/durable.js';
import { frame } from './messages.js';

/** What the acknowledger needs from its room. */
export type AckRoom = {
  readonly doc: Y.Doc;
  /** Resolves once every append issued so far has been written (or the room failed). */
  writesSoFar(): Promise<void>;
  /** True once storage refused a write; nothing more is acknowledged. */
  readonly hasFailed: boolean;
};

/**
 * Durable acknowledgement (docs/sync.md): tells a client, after the fsync, which content is on disk.
 * It hooks in after an update is applied (and its append issued), never before the relay, so peers
 * still see an edit at once; only the acknowledgement waits for the disk. Appends of one doc complete
 * in order, so once every append issued so far is done, everything the doc held at that moment is
 * durable.
 */
export class DurableAcks {
  /** Creates the acknowledger for one room. */
  constructor(private readonly room: AckRoom) {}

  /** A connection opened: once what the doc holds now is durable, say so (clears what a reload kept). */
  connected(ws: WebSocket): void {
    this.later(ws, ackForDoc(this.room.doc));
  }

  /** An update from `ws` was applied: once durable, acknowledge the part of it the doc holds. */
  accepted(ws: WebSocket, update: Uint8Array): void {
    this.later(ws, ackForUpdate(this.room.doc, update));
  }

  private later(ws: WebSocket, ack: Durable): void {
    // Encoded now: the ack describes the doc as it is at this point, not when the write completes.
    const msg = frame(MESSAGE_DURABLE, (e) => encoding.writeVarUint8Array(e, encodeDurable(ack)));
    void this.room.writesSoFar().then(() => {
      if (!this.room.hasFailed && ws.readyState === ws.OPEN) ws.send(msg);
    });
  }
}
