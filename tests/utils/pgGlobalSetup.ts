import pg from 'pg';
import { testSchemaPrefix } from './testServer.js';

/** Drops every schema test servers made in this run's database (nothing to do on the embedded store). */
async function dropTestSchemas(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) return;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ nspname: string }>('SELECT nspname FROM pg_namespace WHERE starts_with(nspname, $1)', [testSchemaPrefix()]);
    for (const r of rows) await client.query(`DROP SCHEMA ${r.nspname} CASCADE`);
  } finally {
    await client.end();
  }
}

/** Vitest global setup: drop every schema this run's test servers made when the run ends. */
export default async function setup(): Promise<() => Promise<void>> {
  return dropTestSchemas;
}
