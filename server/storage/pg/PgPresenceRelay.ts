import type pg from 'pg';
import { z } from 'zod';
import type { NodeBus, PresenceRelay, RelayedPresence } from '../types.js';

/**
 * Largest notification payload sent inline, in bytes. PostgreSQL refuses payloads of 8,000 bytes or
 * more; the bus adds the node id and a space, so a little room is kept.
 */
export const PRESENCE_INLINE_MAX_BYTES = 7_900;

/** How long a stored batch is kept for the other nodes to read; they read it as soon as they hear of it. */
const BATCH_KEEP_MS = 30_000;

const EntrySchema = z.strictObject({ clientId: z.number().int().nonnegative(), clock: z.number().int().nonnegative(), json: z.string().max(8_192) });
const DocNameSchema = z.string().min(1).max(200);
/** A notification: the document and its entries inline, the id of the row holding them, or a node's hello. */
const MessageSchema = z.union([
  z.strictObject({ d: DocNameSchema, e: z.array(EntrySchema) }),
  z.strictObject({ d: DocNameSchema, id: z.string().regex(/^\d+$/) }),
  z.strictObject({ d: DocNameSchema, hello: z.literal(true) }),
]);

type Handlers = { entries: (entries: RelayedPresence[]) => void; hello: () => void };

/**
 * Presence between nodes over the node bus's `presence` channel (docs/scaling.md). A batch that fits
 * goes inline in the notification; a larger one is stored as a `presence_batches` row (migration 7)
 * and only its id is announced. Batches for documents this node has no subscriber for are ignored
 * (stored ones are not even read).
 */
export class PgPresenceRelay implements PresenceRelay {
  private readonly handlers = new Map<string, Set<Handlers>>();
  private lastCleanup = 0;

  /** Listens on the bus for the other nodes' batches. */
  constructor(
    private readonly pool: pg.Pool,
    private readonly bus: NodeBus,
  ) {
    bus.subscribe('presence', (payload) => {
      void this.heard(payload).catch(() => undefined);
    });
  }

  /** Announces a batch (best effort: a lost batch is repaired by the next renewal within seconds). */
  publish(docName: string, entries: readonly RelayedPresence[]): void {
    void this.send(docName, entries).catch(() => undefined);
  }

  /** Calls `onEntries` for every batch another node announces for the document, `onHello` when another node opens it; says hello. */
  subscribe(docName: string, onEntries: (entries: RelayedPresence[]) => void, onHello: () => void): () => void {
    let set = this.handlers.get(docName);
    if (!set) {
      set = new Set();
      this.handlers.set(docName, set);
    }
    const h = { entries: onEntries, hello: onHello };
    set.add(h);
    void this.bus.publish('presence', JSON.stringify({ d: docName, hello: true })).catch(() => undefined);
    return () => {
      set.delete(h);
      if (set.size === 0 && this.handlers.get(docName) === set) this.handlers.delete(docName);
    };
  }

  private async send(docName: string, entries: readonly RelayedPresence[]): Promise<void> {
    const inline = JSON.stringify({ d: docName, e: entries });
    if (Buffer.byteLength(inline) <= PRESENCE_INLINE_MAX_BYTES) return this.bus.publish('presence', inline);
    const { rows } = await this.pool.query<{ id: string }>('INSERT INTO presence_batches (entries) VALUES ($1) RETURNING id', [JSON.stringify(entries)]);
    await this.bus.publish('presence', JSON.stringify({ d: docName, id: rows[0]!.id }));
    const t = Date.now();
    if (t - this.lastCleanup > BATCH_KEEP_MS) {
      this.lastCleanup = t;
      await this.pool.query(`DELETE FROM presence_batches WHERE created_at < now() - interval '${BATCH_KEEP_MS} milliseconds'`);
    }
  }

  private async heard(payload: string): Promise<void> {
    const msg = MessageSchema.parse(JSON.parse(payload));
    const set = this.handlers.get(msg.d);
    if (!set) return;
    if ('hello' in msg) {
      for (const h of set) h.hello();
      return;
    }
    let entries: RelayedPresence[];
    if ('e' in msg) entries = msg.e;
    else {
      const { rows } = await this.pool.query<{ entries: string }>('SELECT entries FROM presence_batches WHERE id = $1', [msg.id]);
      if (!rows[0]) return;
      entries = z.array(EntrySchema).parse(JSON.parse(rows[0].entries));
    }
    for (const h of set) h.entries(entries);
  }
}
