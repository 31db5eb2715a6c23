import { createHmac } from 'node:crypto';
import type pg from 'pg';
import { LOGIN_RECOGNISED_MS, LOGIN_THROTTLE_WINDOW_MS } from '../../../shared/limits.js';
import type { ThrottleCounter, ThrottleStore } from '../types.js';
import { inTransaction } from './pool.js';

/** How often one node deletes counters past the window and recognitions past their age. */
const CLEANUP_EVERY_MS = 60_000;

type Row = { key_hash: string; failures: number; last_failure_at: string; next_allowed_at: string };

/**
 * Sign-in throttle counters in PostgreSQL (migration 6), shared by every node, so an attacker spreading
 * guesses over N nodes is slowed as on one. Keys (an email, an address) are stored only as HMACs under
 * a key derived from the audit key, which is not in the database: a dump of these tables names nobody,
 * and an address cannot be found by hashing every address. Each failure updates its rows under row
 * locks in one transaction, so concurrent failures on several nodes are all counted. Times are the
 * nodes' clocks (keep them in step, as for sessions).
 */
export class PgThrottleStore implements ThrottleStore {
  private readonly hmacKey: Buffer;
  private lastCleanup = 0;

  /** Creates the store over a migrated pool; `secret` is the audit key, from which the hashing key is derived. */
  constructor(
    private readonly pool: pg.Pool,
    secret: Uint8Array,
  ) {
    this.hmacKey = createHmac('sha256', secret).update('review-room sign-in throttle keys v1').digest();
  }

  private hash(key: string): string {
    return createHmac('sha256', this.hmacKey).update(key).digest('base64url');
  }

  /** The counters held for these keys. */
  async counters(keys: readonly string[]): Promise<Map<string, ThrottleCounter>> {
    const byHash = new Map(keys.map((k) => [this.hash(k), k]));
    const { rows } = await this.pool.query<Row>('SELECT key_hash, failures, last_failure_at, next_allowed_at FROM login_throttle WHERE key_hash = ANY($1)', [[...byHash.keys()]]);
    return new Map(rows.map((r) => [byHash.get(r.key_hash)!, counter(r)]));
  }

  /** Records a failure on every key, each under its row lock, in one transaction (keys in a fixed order, so two nodes never deadlock). */
  async fail(keys: readonly string[], next: (key: string, held: ThrottleCounter | undefined) => ThrottleCounter): Promise<void> {
    const hashed = keys.map((k) => ({ key: k, hash: this.hash(k) })).sort((x, y) => (x.hash < y.hash ? -1 : 1));
    await inTransaction(this.pool, async (client) => {
      for (const { key, hash } of hashed) {
        await client.query('INSERT INTO login_throttle (key_hash, failures, last_failure_at, next_allowed_at) VALUES ($1, 0, 0, 0) ON CONFLICT (key_hash) DO NOTHING', [hash]);
        const { rows } = await client.query<Row>('SELECT key_hash, failures, last_failure_at, next_allowed_at FROM login_throttle WHERE key_hash = $1 FOR UPDATE', [hash]);
        const held = rows[0] && Number(rows[0].failures) > 0 ? counter(rows[0]) : undefined;
        const c = next(key, held);
        await client.query('UPDATE login_throttle SET failures = $2, last_failure_at = $3, next_allowed_at = $4 WHERE key_hash = $1', [
          hash,
          c.failures,
          c.lastFailureAt,
          c.nextAllowedAt,
        ]);
      }
    });
    await this.cleanup(Date.now());
  }

  /** Clears counters and recognises the pair. */
  async succeed(clear: readonly string[], pair: string, at: number): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      await client.query('DELETE FROM login_throttle WHERE key_hash = ANY($1)', [clear.map((k) => this.hash(k))]);
      await client.query('INSERT INTO login_recognised (pair_hash, at) VALUES ($1, $2) ON CONFLICT (pair_hash) DO UPDATE SET at = GREATEST(login_recognised.at, EXCLUDED.at)', [
        this.hash(pair),
        at,
      ]);
    });
  }

  /** When the pair last signed in. */
  async recognisedAt(pair: string): Promise<number | undefined> {
    const { rows } = await this.pool.query<{ at: string }>('SELECT at FROM login_recognised WHERE pair_hash = $1', [this.hash(pair)]);
    return rows[0] ? Number(rows[0].at) : undefined;
  }

  /** Deletes what no longer counts, at most once a minute per node. */
  private async cleanup(t: number): Promise<void> {
    if (t - this.lastCleanup < CLEANUP_EVERY_MS) return;
    this.lastCleanup = t;
    await this.pool.query('DELETE FROM login_throttle WHERE last_failure_at < $1 AND next_allowed_at <= $2', [t - LOGIN_THROTTLE_WINDOW_MS, t]).catch(() => undefined);
    await this.pool.query('DELETE FROM login_recognised WHERE at < $1', [t - LOGIN_RECOGNISED_MS]).catch(() => undefined);
  }
}

function counter(r: Row): ThrottleCounter {
  return { failures: Number(r.failures), lastFailureAt: Number(r.last_failure_at), nextAllowedAt: Number(r.next_allowed_at) };
}
