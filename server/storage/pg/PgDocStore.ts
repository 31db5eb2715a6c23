import type pg from 'pg';
import * as Y from 'yjs';
import type { DocStore, NodeBus } from '../types.js';
import { HISTORY_MAX_ENTRIES, foldHistory, type Attribution, type DocHistory, type HistoryEntry } from '../history.js';
import { inTransaction } from './pool.js';

type HistoryRow = { seq: string; user_id: string | null; at: string | null; data: Buffer };
const toEntry = (r: HistoryRow): HistoryEntry => ({ seq: Number(r.seq), userId: r.user_id, at: Number(r.at ?? 0), update: new Uint8Array(r.data) });

/**
 * Yjs documents in PostgreSQL: each accepted update is one row of `doc_updates`, acknowledged once its
 * INSERT has committed (PostgreSQL has flushed its WAL); a compaction replaces the rows it covers with
 * the `doc_snapshots` row in one transaction. The sync layer decides when to compact with the same
 * policy as for the embedded log (server/sync/compactionPolicy.ts).
 *
 * Several nodes (docs/scaling.md): after each INSERT the node announces "<doc> <seq>" on the bus, and
 * every other node that has the doc open reads that row and hands it to its room (`subscribe`), so an
 * update accepted (and access-checked) on one node reaches the clients of all. Sequence numbers are
 * not committed in order across nodes, so nothing here reasons in ranges: each node remembers exactly
 * which rows its copy of the doc holds (`applied`), and a compaction deletes only those, under a
 * per-doc advisory lock, merging its snapshot into the stored one. No node can therefore delete a row
 * whose update is not in the stored snapshot.
 *
 * Operations on one doc are queued in this process, as in FileDocStore.
 */
export class PgDocStore implements DocStore {
  private readonly queues = new Map<string, Promise<unknown>>();
  /** Rows (by seq) whose updates this node's copy of each doc holds. */
  private readonly applied = new Map<string, Set<string>>();
  private readonly subscribers = new Map<string, Set<(updates: Uint8Array[]) => void>>();
  private readonly unlisten: (() => void)[] = [];

  /** Creates the store over a migrated pool; with a bus, it tells other nodes what it stores and hears theirs; `historyLimit` is for tests. */
  constructor(
    private readonly pool: pg.Pool,
    private readonly historyLimit = HISTORY_MAX_ENTRIES,
    private readonly bus: NodeBus | null = null,
  ) {
    if (bus) {
      this.unlisten.push(bus.subscribe('doc-updates', (payload) => this.heard(payload)));
      // Announcements may have been lost while the bus was down: read every open doc again.
      this.unlisten.push(
        bus.onReconnect(() => {
          for (const name of this.subscribers.keys()) this.catchUp(name);
        }),
      );
    }
  }

  /** The snapshot (if any), then every update since, oldest first. */
  load(docName: string): Promise<Uint8Array[]> {
    return this.enqueue(docName, async () => {
      const { snapshot, rows } = await this.read(docName);
      // A read for an export while a room holds the doc must not claim rows the room has not applied yet.
      if (!this.subscribers.has(docName)) this.applied.set(docName, new Set(rows.map((r) => r.seq)));
      return [...(snapshot ? [snapshot] : []), ...rows.map((r) => new Uint8Array(r.data))];
    });
  }

  /** Appends one update with who sent it; resolves once committed (other nodes are told after that). */
  append(docName: string, update: Uint8Array, by?: Attribution): Promise<void> {
    return this.enqueue(docName, async () => {
      const { rows } = await this.pool.query<{ seq: string }>('INSERT INTO doc_updates (doc_name, data, user_id, at) VALUES ($1, $2, $3, $4) RETURNING seq', [
        docName,
        Buffer.from(update),
        by?.userId ?? null,
        by ? Math.round(by.at) : null,
      ]);
      const seq = rows[0]!.seq;
      this.appliedOf(docName).add(seq);
      // The row is committed, so the update is safe; a lost announcement only delays other nodes (they catch up).
      await this.bus?.publish('doc-updates', `${docName} ${seq}`).catch(() => undefined);
    });
  }

  /** The history base (or the snapshot before the first compaction), then doc_history and doc_updates rows in seq order. */
  history(docName: string): Promise<DocHistory> {
    return this.enqueue(docName, () =>
      inTransaction(this.pool, async (client) => {
        const base = await client.query<{ base: Buffer }>('SELECT base FROM doc_history_base WHERE doc_name = $1', [docName]);
        const snap = base.rows.length > 0 ? base : await client.query<{ base: Buffer }>('SELECT snapshot AS base FROM doc_snapshots WHERE doc_name = $1', [docName]);
        const { rows } = await client.query<HistoryRow>(
          `SELECT seq, user_id, at, data FROM doc_history WHERE doc_name = $1
         UNION ALL SELECT seq, user_id, at, data FROM doc_updates WHERE doc_name = $1 ORDER BY seq`,
          [docName],
        );
        const b = snap.rows[0]?.base;
        return { base: b && b.length > 0 ? new Uint8Array(b) : null, entries: rows.map(toEntry) };
      }),
    );
  }

  /**
   * Merges `snapshot` into the stored snapshot, moves the rows it covers into the history and deletes
   * them, atomically. The rows are fixed now, when the caller encoded its snapshot, not when the queued
   * operation runs.
   */
  compact(docName: string, snapshot: Uint8Array): Promise<void> {
    const covered = [...this.appliedOf(docName)];
    return this.enqueue(docName, async () => {
      await inTransaction(this.pool, async (client) => {
        // Serialises compactions of one doc across nodes.
        await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`rr-doc:${docName}`]);
        // History first, from the rows this compaction removes (docs/storage.md, "History"); before the
        // first compaction the old snapshot becomes the history's base.
        await client.query(
          `INSERT INTO doc_history_base (doc_name, base)
           SELECT $1, COALESCE((SELECT snapshot FROM doc_snapshots WHERE doc_name = $1), ''::bytea) ON CONFLICT (doc_name) DO NOTHING`,
          [docName],
        );
        if (covered.length > 0) {
          await client.query(
            `INSERT INTO doc_history (doc_name, seq, user_id, at, data)
             SELECT doc_name, seq, user_id, COALESCE(at, 0), data FROM doc_updates WHERE doc_name = $1 AND seq = ANY($2::bigint[])
             ON CONFLICT DO NOTHING`,
            [docName, covered],
          );
        }
        await this.foldHistory(client, docName);
        const old = await client.query<{ snapshot: Buffer }>('SELECT snapshot FROM doc_snapshots WHERE doc_name = $1', [docName]);
        const prev = old.rows[0]?.snapshot;
        const merged = prev && this.bus ? Y.mergeUpdates([new Uint8Array(prev), snapshot]) : snapshot;
        await client.query('INSERT INTO doc_snapshots (doc_name, snapshot) VALUES ($1, $2) ON CONFLICT (doc_name) DO UPDATE SET snapshot = EXCLUDED.snapshot', [
          docName,
          Buffer.from(merged),
        ]);
        if (covered.length > 0) await client.query('DELETE FROM doc_updates WHERE doc_name = $1 AND seq = ANY($2::bigint[])', [docName, covered]);
      });
      const set = this.appliedOf(docName);
      for (const seq of covered) set.delete(seq);
      await this.bus?.publish('doc-updates', `${docName} compact`).catch(() => undefined);
    });
  }

  /** Calls `onStored` with updates other nodes store for the doc, after a catch-up read. */
  subscribe(docName: string, onStored: (updates: Uint8Array[]) => void): () => void {
    if (!this.bus) return () => undefined;
    let set = this.subscribers.get(docName);
    if (!set) {
      set = new Set();
      this.subscribers.set(docName, set);
    }
    set.add(onStored);
    // Rows stored between the room's load and now were announced before anyone listened.
    this.catchUp(docName);
    return () => {
      set.delete(onStored);
      if (set.size === 0 && this.subscribers.get(docName) === set) this.subscribers.delete(docName);
    };
  }

  /** Bytes held for the doc (snapshot + updates). */
  async size(docName: string): Promise<number> {
    await this.queues.get(docName);
    const { rows } = await this.pool.query<{ n: string | null }>(
      `SELECT (SELECT COALESCE(sum(octet_length(snapshot)), 0) FROM doc_snapshots WHERE doc_name = $1)
            + (SELECT COALESCE(sum(octet_length(data)), 0) FROM doc_updates WHERE doc_name = $1) AS n`,
      [docName],
    );
    return Number(rows[0]?.n ?? 0);
  }

  /** Forgets what it knew of a doc that no room holds any more. */
  async release(docName: string): Promise<void> {
    await this.queues.get(docName);
    if (!this.subscribers.has(docName) && !this.queues.has(docName)) this.applied.delete(docName);
  }

  /** Waits for queued operations and stops listening; the pool is closed by its owner. */
  async close(): Promise<void> {
    for (const u of this.unlisten.splice(0)) u();
    await Promise.all([...this.queues.values()].map((q) => q.catch(() => undefined)));
  }

  private async read(docName: string): Promise<{ snapshot: Uint8Array | null; rows: { seq: string; data: Buffer }[] }> {
    const snap = await this.pool.query<{ snapshot: Buffer }>('SELECT snapshot FROM doc_snapshots WHERE doc_name = $1', [docName]);
    const ups = await this.pool.query<{ seq: string; data: Buffer }>('SELECT seq, data FROM doc_updates WHERE doc_name = $1 ORDER BY seq', [docName]);
    const s = snap.rows[0]?.snapshot;
    return { snapshot: s ? new Uint8Array(s) : null, rows: ups.rows };
  }

  /** An announcement from another node: "<doc> <seq>" for a stored update, "<doc> compact" after a compaction. */
  private heard(payload: string): void {
    const [docName, what] = payload.split(' ');
    if (!docName || !what || !this.subscribers.has(docName)) return;
    if (what === 'compact') {
      // Rows this node had not read yet may be gone; their updates are in the snapshot.
      this.enqueue(docName, async () => {
        const snap = await this.pool.query<{ snapshot: Buffer }>('SELECT snapshot FROM doc_snapshots WHERE doc_name = $1', [docName]);
        const s = snap.rows[0]?.snapshot;
        if (s) this.deliver(docName, [new Uint8Array(s)]);
      }).catch(() => undefined);
      return;
    }
    if (!/^\d{1,19}$/.test(what)) return;
    this.enqueue(docName, async () => {
      if (this.appliedOf(docName).has(what)) return;
      const { rows } = await this.pool.query<{ data: Buffer }>('SELECT data FROM doc_updates WHERE doc_name = $1 AND seq = $2', [docName, what]);
      if (rows[0]) this.deliver(docName, [new Uint8Array(rows[0].data)], [what]);
    }).catch(() => undefined);
  }

  /** Reads the doc again and delivers the snapshot and every row this node's copy lacks. */
  private catchUp(docName: string): void {
    this.enqueue(docName, async () => {
      const { snapshot, rows } = await this.read(docName);
      const have = this.appliedOf(docName);
      const missing = rows.filter((r) => !have.has(r.seq));
      if (snapshot || missing.length > 0) {
        this.deliver(
          docName,
          [...(snapshot ? [snapshot] : []), ...missing.map((r) => new Uint8Array(r.data))],
          missing.map((r) => r.seq),
        );
      }
    }).catch(() => undefined);
  }

  /** Hands updates to the doc's subscribers (who apply them at once), then records the rows as held. */
  private deliver(docName: string, updates: Uint8Array[], seqs: string[] = []): void {
    const subs = this.subscribers.get(docName);
    if (!subs || subs.size === 0) return;
    for (const s of subs) s(updates);
    const set = this.appliedOf(docName);
    for (const seq of seqs) set.add(seq);
  }

  private appliedOf(docName: string): Set<string> {
    let set = this.applied.get(docName);
    if (!set) {
      set = new Set();
      this.applied.set(docName, set);
    }
    return set;
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

  private enqueue<T>(docName: string, op: () => Promise<T>): Promise<T> {
    const prev = this.queues.get(docName) ?? Promise.resolve();
    const next = prev.catch(() => undefined).then(op);
    const tail = next.catch(() => undefined);
    this.queues.set(docName, tail);
    // Forget an idle doc's queue so the map does not grow with every doc ever opened.
    void tail.then(() => {
      if (this.queues.get(docName) === tail) this.queues.delete(docName);
    });
    return next;
  }
}
