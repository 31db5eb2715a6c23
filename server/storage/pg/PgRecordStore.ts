import type pg from 'pg';
import type { AuditEvent } from '../../audit/AuditLog.js';
import { VersionConflictError } from '../errors.js';
import { SCHEMAS, validateChanges, versionOf } from '../JsonRecordStore.js';
import { runTransaction } from '../transaction.js';
import {
  VERSION_FIELD,
  type AuditChainHead,
  type CollectionName,
  type Collections,
  type CommitOptions,
  type Query,
  type RecordChange,
  type RecordStore,
  type RecordTx,
} from '../types.js';
import type { PgAuditStore } from './PgAuditStore.js';
import { inTransaction } from './pool.js';

/** The column of each queryable field (IndexedFields); a query on any other field does not type-check. */
const COLUMN: Record<string, string> = {
  reviewId: 'review_id',
  userId: 'user_id',
  agencyId: 'agency_id',
  email: 'email',
  tokenHash: 'token_hash',
  role: 'role',
  isAdmin: 'is_admin',
};

/** Builds the next audit line from the chain head (the chain logic lives in server/audit). */
export type ChainLine<L extends AuditChainHead> = (head: AuditChainHead | null, event: AuditEvent, at: Date) => L;

/** The indexed columns of a record, taken from its body. */
function columns(collection: CollectionName, record: Record<string, unknown>): unknown[] {
  const pick = (k: string) => (record[k] === undefined ? null : record[k]);
  const version = collection in VERSION_FIELD ? versionOf(collection, record) : null;
  return [version, pick('reviewId'), pick('userId'), pick('agencyId'), pick('email'), pick('tokenHash'), pick('role'), typeof record.isAdmin === 'boolean' ? record.isAdmin : null];
}

const UPSERT = `INSERT INTO records (collection, id, body, version, review_id, user_id, agency_id, email, token_hash, role, is_admin)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
  ON CONFLICT (collection, id) DO UPDATE SET body = EXCLUDED.body, version = EXCLUDED.version, review_id = EXCLUDED.review_id,
    user_id = EXCLUDED.user_id, agency_id = EXCLUDED.agency_id, email = EXCLUDED.email, token_hash = EXCLUDED.token_hash,
    role = EXCLUDED.role, is_admin = EXCLUDED.is_admin`;

const UPDATE_SET = `UPDATE records SET body = $3, version = $4, review_id = $5, user_id = $6, agency_id = $7, email = $8, token_hash = $9,
  role = $10, is_admin = $11 WHERE collection = $1 AND id = $2`;

/**
 * Records in PostgreSQL: one row per record, the body as jsonb, with real indexed columns for every
 * queryable field and for the version. A commit is one SQL transaction holding its changes and its
 * audit lines, so both commit or neither does. Conditional writes are `UPDATE … WHERE version = $base`
 * (or an INSERT that must not find a row, for a first save), and a conditional write that matches no
 * row rolls the whole commit back with VersionConflictError.
 */
export class PgRecordStore implements RecordStore {
  /** Creates the store over a migrated pool, writing audit lines to `audit` with `chain`. */
  constructor(
    private readonly pool: pg.Pool,
    private readonly audit: PgAuditStore<AuditChainHead>,
    private readonly chain: ChainLine<AuditChainHead>,
  ) {}

  /** One record by id. */
  async get<C extends CollectionName>(collection: C, id: string): Promise<Collections[C] | undefined> {
    const { rows } = await this.pool.query<{ body: Collections[C] }>('SELECT body FROM records WHERE collection = $1 AND id = $2', [collection, id]);
    return rows[0]?.body;
  }

  /** Every record of a collection that matches the query, in insertion order. */
  async find<C extends CollectionName>(collection: C, where?: Query<C>): Promise<Collections[C][]> {
    const params: unknown[] = [collection];
    const conds = ['collection = $1'];
    for (const [field, value] of Object.entries(where ?? {})) {
      if (value === undefined) continue;
      const col = COLUMN[field];
      if (!col) throw new Error(`${field} is not a queryable field`);
      params.push(value);
      conds.push(value === null ? `${col} IS NULL` : `${col} = $${params.length}`);
      if (value === null) params.pop();
    }
    const { rows } = await this.pool.query<{ body: Collections[C] }>(`SELECT body FROM records WHERE ${conds.join(' AND ')} ORDER BY seq`, params);
    return rows.map((r) => r.body);
  }

  /** Inserts or replaces one record. */
  put<C extends CollectionName>(collection: C, record: Collections[C]): Promise<void> {
    return this.commit([{ op: 'put', collection, record } as RecordChange]);
  }

  /** Read-modify-write of one record under a row lock. */
  async update<C extends CollectionName>(collection: C, id: string, change: (current: Collections[C]) => Collections[C]): Promise<Collections[C] | undefined> {
    return inTransaction(this.pool, async (client) => {
      const { rows } = await client.query<{ body: Collections[C] }>('SELECT body FROM records WHERE collection = $1 AND id = $2 FOR UPDATE', [collection, id]);
      if (!rows[0]) return undefined;
      const next = SCHEMAS[collection].parse(change(rows[0].body));
      if ((next as { id: string }).id !== id) throw new Error('update must not change the id');
      await client.query(UPDATE_SET, [collection, id, JSON.stringify(next), ...columns(collection, next as Record<string, unknown>)]);
      return next;
    });
  }

  /** Validates, then applies the changes and their audit lines in one SQL transaction. */
  async commit(changes: RecordChange[], opts: CommitOptions = {}): Promise<void> {
    const parsed = validateChanges(changes);
    const at = new Date();
    await inTransaction(this.pool, async (client) => {
      for (const c of parsed) await this.apply(client, c);
      for (const event of opts.audit ?? []) await this.audit.appendIn(client, (head) => this.chain(head, event, at));
    });
  }

  /** Runs `fn` and commits what it queued atomically. */
  transaction<T>(fn: (tx: RecordTx) => Promise<T>): Promise<T> {
    return runTransaction(this, fn);
  }

  /** The pool is closed by its owner. */
  async close(): Promise<void> {}

  private async apply(client: pg.PoolClient, c: RecordChange): Promise<void> {
    if (c.op === 'delete') {
      await client.query('DELETE FROM records WHERE collection = $1 AND id = $2', [c.collection, c.id]);
      return;
    }
    const record = c.record as Record<string, unknown> & { id: string };
    const params = [c.collection, record.id, JSON.stringify(record), ...columns(c.collection, record)];
    if (c.ifVersion === undefined && c.ifMatch === undefined) {
      await client.query(UPSERT, params);
      return;
    }
    let sql = UPDATE_SET;
    const extra: unknown[] = [];
    if (c.ifVersion !== undefined) {
      extra.push(c.ifVersion);
      sql += ` AND COALESCE(version, 0) = $${params.length + extra.length}`;
    }
    if (c.ifMatch !== undefined) {
      extra.push(JSON.stringify(c.ifMatch));
      sql += ` AND body @> $${params.length + extra.length}::jsonb`;
    }
    const updated = await client.query(sql, [...params, ...extra]);
    if (updated.rowCount === 1) return;
    // A first save (base version 0) of a record that does not exist yet is an insert that must not collide.
    if (c.ifVersion === 0 && c.ifMatch === undefined) {
      const inserted = await client.query(`${UPSERT.split(' ON CONFLICT')[0]} ON CONFLICT (collection, id) DO NOTHING`, params);
      if (inserted.rowCount === 1) return;
    }
    const { rows } = await client.query<{ version: number | null }>('SELECT version FROM records WHERE collection = $1 AND id = $2', [c.collection, record.id]);
    throw new VersionConflictError(c.collection, record.id, c.ifVersion === undefined ? -1 : (rows[0]?.version ?? 0));
  }
}
