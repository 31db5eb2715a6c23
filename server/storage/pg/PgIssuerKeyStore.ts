import type pg from 'pg';
import type { IssuerKeyStore, IssuerKeys } from '../types.js';

/**
 * Blind-signing keys in PostgreSQL (migration 3): one `workshop_issuer_keys` row per workshop, so
 * every node signs and verifies with the same pair, and `pg_dump` backs it up with the answers. The
 * first node to insert wins (`ON CONFLICT DO NOTHING`); the others read its row. Closing deletes it.
 */
export class PgIssuerKeyStore implements IssuerKeyStore {
  /** Creates the store over a migrated pool. */
  constructor(private readonly pool: pg.Pool) {}

  /** The stored pair, or null. */
  async get(workshopId: string): Promise<IssuerKeys | null> {
    const { rows } = await this.pool.query<{ private_jwk: JsonWebKey; public_spki: string }>('SELECT private_jwk, public_spki FROM workshop_issuer_keys WHERE workshop_id = $1', [
      workshopId,
    ]);
    const r = rows[0];
    return r ? { privateJwk: r.private_jwk, publicSpki: r.public_spki } : null;
  }

  /** Stores `keys` unless a pair exists; answers the stored pair. */
  async putIfAbsent(workshopId: string, keys: IssuerKeys): Promise<IssuerKeys> {
    await this.pool.query('INSERT INTO workshop_issuer_keys (workshop_id, private_jwk, public_spki) VALUES ($1, $2, $3) ON CONFLICT (workshop_id) DO NOTHING', [
      workshopId,
      JSON.stringify(keys.privateJwk),
      keys.publicSpki,
    ]);
    const stored = await this.get(workshopId);
    if (!stored) throw new Error('the workshop key was erased while it was being made');
    return stored;
  }

  /** Erases the pair. */
  async erase(workshopId: string): Promise<void> {
    await this.pool.query('DELETE FROM workshop_issuer_keys WHERE workshop_id = $1', [workshopId]);
  }
}
