import type pg from 'pg';
import type { DocStore } from '../types.js';
import { HISTORY_MAX_ENTRIES, foldHistory, type Attribution, type DocHistory, type HistoryEntry } from '../history.js';
import { inTransaction } from './pool.js';

type HistoryRow = { seq: string; user_id: string | null; at: string | null; data: Buffer };
const toEntry = (r: HistoryRow): HistoryEntry => ({ seq: Number(r.seq), userId: r.user_id, at: Number(r.at ?? 0), update: new Uint8Array(r.data) });

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

  /** Creates the store over a migrated pool; `historyLimit` is for tests. */
  constructor(private readonly pool: pg.Pool, private readonly historyLimit = HISTORY_MAX_ENTRIES) {}

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
  append(docName: string, update: Uint8Array, by?: Attribution): Promise<void> {
    return this.enqueue(docName, async () => {
      const { rows } = await this.pool.query<{ seq: string }>(
        'INSERT INTO doc_updates (doc_name, data, user_id, at) VALUES ($1, $2, $3, $4) RETURNING seq',
        [docName, Buffer.from(update), by?.userId ?? null, by ? Math.round(by.at) : null],
      );
      this.see(docName, rows[0]!.seq);
    });
  }

  /** The history base (or the snapshot before the first compaction), then doc_history and doc_updates rows in seq order. */
  history(docName: string): Promise<DocHistory> {
    return this.enqueue(docName, () => inTransaction(this.pool, async (client) => {
      const base = await client.query<{ base: Buffer }>('SELECT base FROM doc_history_base WHERE doc_name = $1', [docName]);
      const snap = base.rows.length > 0 ? base : await client.query<{ base: Buffer }>('SELECT snapshot AS base FROM doc_snapshots WHERE doc_name = $1', [docName]);
      const { rows } = await client.query<HistoryRow>(
        `SELECT seq, user_id, at, data FROM doc_history WHERE doc_name = $1
         UNION ALL SELECT seq, user_id, at, data FROM doc_updates WHERE doc_name = $1 ORDER BY seq`, [docName]);
      const b = snap.rows[0]?.base;
      return { base: b && b.length > 0 ? new Uint8Array(b) : null, entries: rows.map(toEntry) };
    }));
  }

  /** Replaces the doc's snapshot and the updates it covers, atomically. */
  compact(docName: string, snapshot: Uint8Array): Promise<void> {
    return this.enqueue(docName, () => inTransaction(this.pool, async (client) => {
      const upTo = this.seen.get(docName);
      // History first, from the rows this compaction removes (docs/storage.md, "History"); before the
      // first compaction the old snapshot becomes the history's base.
      await client.query(
        `INSERT INTO doc_history_base (doc_name, base)
         SELECT $1, COALESCE((SELECT snapshot FROM doc_snapshots WHERE doc_name = $1), ''::bytea) ON CONFLICT (doc_name) DO NOTHING`, [docName]);
      if (upTo !== undefined) {
        await client.query(
          `INSERT INTO doc_history (doc_name, seq, user_id, at, data)
           SELECT doc_name, seq, user_id, COALESCE(at, 0), data FROM doc_updates WHERE doc_name = $1 AND seq <= $2
           ON CONFLICT DO NOTHING`, [docName, upTo]);
      }
      await this.foldHistory(client, docName);
      await client.query(
        'INSERT INTO doc_snapshots (doc_name, snapshot) VALUES ($1, $2) ON CONFLICT (doc_name) DO UPDATE SET snapshot = EXCLUDED.snapshot',
        [docName, Buffer.from(snapshot)],
      );
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

  /** Folds the oldest history entries past the limit into the base, in the compaction's transaction. */
  private async foldHistory(client: pg.PoolClient, docName: string): Promise<void> {
    const count = await client.query<{ n: string }>('SELECT count(*) AS n FROM doc_history WHERE doc_name = $1', [docName]);
    const excess = Number(count.rows[0]!.n) - this.historyLimit;
    if (excess <= 0) return;
    const base = await client.query<{ base: Buffer }>('SELECT base FROM doc_history_base WHERE doc_name = $1', [docName]);
    const { rows } = await client.query<HistoryRow>('SELECT seq, user_id, at, data FROM doc_history WHERE doc_name = $1 ORDER BY seq LIMIT $2', [docName, excess]);
    const b = base.rows[0]?.base;
    const folded = foldHistory({ base: b && b.length > 0 ? new Uint8Array(b) : null, entries: rows.map(toEntry) }, 0);
    await client.query('UPDATE doc_history_base SET base = $2 WHERE doc_name = $1', [docName, Buffer.from(folded.base ?? new Uint8Array())]);
    await client.query('DELETE FROM doc_history WHERE doc_name = $1 AND seq <= $2', [docName, rows.at(-1)!.seq]);
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
