import type pg from 'pg';
import type { AuditChainHead, AuditStore } from '../types.js';
import { inTransaction } from './pool.js';

/**
 * The audit chain in PostgreSQL: each line as the exact text that was hashed, in `audit_lines`, and
 * the chain head in a one-row table whose row lock serialises appends across connections and nodes.
 * `appendIn` runs inside a caller's transaction, so a record change and its audit line commit together.
 */
export class PgAuditStore<L extends AuditChainHead> implements AuditStore<L> {
  /** Creates the store over a migrated pool. */
  constructor(private readonly pool: pg.Pool) {}

  /** Appends one line in its own transaction. */
  append(build: (head: AuditChainHead | null) => L): Promise<L> {
    return inTransaction(this.pool, (client) => this.appendIn(client, build));
  }

  /** Appends one line inside the caller's open transaction. */
  async appendIn(client: pg.PoolClient, build: (head: AuditChainHead | null) => L): Promise<L> {
    const { rows } = await client.query<{ seq: string; hash: string | null }>('SELECT seq, hash FROM audit_head FOR UPDATE');
    const row = rows[0]!;
    const head = row.hash === null ? null : { seq: Number(row.seq), hash: row.hash };
    const line = build(head);
    await client.query('INSERT INTO audit_lines (seq, line) VALUES ($1, $2)', [line.seq, JSON.stringify(line)]);
    await client.query('UPDATE audit_head SET seq = $1, hash = $2', [line.seq, line.hash]);
    return line;
  }

  /** Every line, oldest first. */
  async lines(): Promise<L[]> {
    const { rows } = await this.pool.query<{ line: string }>('SELECT line FROM audit_lines ORDER BY seq');
    return rows.map((r) => JSON.parse(r.line) as L);
  }

  /** The pool is closed by its owner. */
  async close(): Promise<void> {}
}
