import pg from 'pg';

/** A schema name we create and put on the search path: letters, digits and underscores only. */
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Most connections one app process holds; PostgreSQL's default max_connections is 100. */
export const PG_POOL_MAX = 10;

/**
 * Opens a connection pool. With `schema`, every connection works in that schema (created if missing),
 * so several servers (tests, or several installations) can share one database without sharing tables.
 * `max` bounds its connections (PG_POOL_MAX unless a smaller pool is wanted).
 */
export async function openPgPool(url: string, schema?: string, max = PG_POOL_MAX): Promise<pg.Pool> {
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) throw new Error('DATABASE_SCHEMA must be lower-case letters, digits and underscores');
  if (schema) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    } catch (err) {
      // Two nodes creating the schema at once: one of them sees the other's (unique violation); that is fine.
      if ((err as { code?: string }).code !== '23505' && (err as { code?: string }).code !== '42P06') throw err;
    } finally {
      await admin.end();
    }
  }
  const pool = new pg.Pool({ connectionString: url, max, ...(schema ? { options: `-c search_path=${schema}` } : {}) });
  // An idle connection that dies (server restart) must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  return pool;
}

/** Runs `fn` in one transaction on one connection; rolls back if it throws. */
export async function inTransaction<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
