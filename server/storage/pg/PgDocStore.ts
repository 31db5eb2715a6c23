import type pg from 'pg';
import type { DocStore } from '../types.js';
import { inTransaction } from './pool.js';

/**
 * Yjs documents in PostgreSQL: each accepted update is one row of `doc_updates`, acknowledged once its
 * INSERT has committed (PostgreSQL has flushed its WAL); a compaction replaces a doc's rows with one
 * `doc_snapshots` row in one transaction. The sync layer decides when to compact with the same policy
 * as for the embedded log (server/sync/compactionPolicy.ts).
 *
 * Operations on one doc are queued in this process, as in FileDocStore, so a snapshot covers exactly
 * the appends queued before it; a compaction deletes only the rows this process has loaded or written
 * (up to the highest sequence number it knows), never a row it has not seen.
 */
export class PgDocStore implements DocStore {
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly seen = new Map<string, string>();

  /** Creates the store over a migrated pool. */
  constructor(private readonly pool: pg.Pool) {}

  /** The snapshot (if any), then every update since, oldest first. */
  load(docName: string): Promise<Uint8Array[]> {
    return this.enqueue(docName, async () => {
      const snap = await this.pool.query<{ snapshot: Buffer }>('SELECT snapshot FROM doc_snapshots WHERE doc_name = $1', [docName]);
      const ups = await this.pool.query<{ seq: string; data: Buffer }>('SELECT seq, data FROM doc_updates WHERE doc_name = $1 ORDER BY seq', [docName]);
      const last = ups.rows.at(-1);
      if (last) this.see(docName, last.seq);
      return [...snap.rows.map((r) => new Uint8Array(r.snapshot)), ...ups.rows.map((r) => new Uint8Array(r.data))];
    });
  }

  /** Appends one update; resolves once committed. */
  append(docName: string, update: Uint8Array): Promise<void> {
    return this.enqueue(docName, async () => {
      const { rows } = await this.pool.query<{ seq: string }>('INSERT INTO doc_updates (doc_name, data) VALUES ($1, $2) RETURNING seq', [docName, Buffer.from(update)]);
      this.see(docName, rows[0]!.seq);
    });
  }

  /** Replaces the doc's snapshot and the updates it covers, atomically. */
  compact(docName: string, snapshot: Uint8Array): Promise<void> {
    return this.enqueue(docName, () => inTransaction(this.pool, async (client) => {
      await client.query(
        'INSERT INTO doc_snapshots (doc_name, snapshot) VALUES ($1, $2) ON CONFLICT (doc_name) DO UPDATE SET snapshot = EXCLUDED.snapshot',
        [docName, Buffer.from(snapshot)],
      );
      const upTo = this.seen.get(docName);
      if (upTo !== undefined) await client.query('DELETE FROM doc_updates WHERE doc_name = $1 AND seq <= $2', [docName, upTo]);
    }));
  }

  /** Bytes held for the doc (snapshot + updates). */
  async size(docName: string): Promise<number> {
    await this.queues.get(docName);
    const { rows } = await this.pool.query<{ n: string | null }>(
      `SELECT (SELECT COALESCE(sum(octet_length(snapshot)), 0) FROM doc_snapshots WHERE doc_name = $1)
            + (SELECT COALESCE(sum(octet_length(data)), 0) FROM doc_updates WHERE doc_name = $1) AS n`, [docName]);
    return Number(rows[0]?.n ?? 0);
  }

  /** Waits for queued operations; the pool is closed by its owner. */
  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.catch(() => undefined)));
  }

  private see(docName: string, seq: string): void {
    const prev = this.seen.get(docName);
    if (prev === undefined || BigInt(seq) > BigInt(prev)) this.seen.set(docName, seq);
  }

  private enqueue<T>(docName: string, op: () => Promise<T>): Promise<T> {
    const prev = this.queues.get(docName) ?? Promise.resolve();
    const next = prev.catch(() => undefined).then(op);
    const tail = next.catch(() => undefined);
    this.queues.set(docName, tail);
    // Forget an idle doc's queue so the map does not grow with every doc ever opened.
    void tail.then(() => { if (this.queues.get(docName) === tail) this.queues.delete(docName); });
    return next;
  }
}
