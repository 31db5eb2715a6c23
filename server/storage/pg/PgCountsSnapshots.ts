import type pg from 'pg';
import type { PromptCounts } from '../../../shared/workshop/anonymity.js';
import type { CountsSnapshotStore } from '../types.js';

/**
 * Counts snapshots in PostgreSQL (migration 5, `workshop_counts`): one row per workshop holding only
 * the coarse counts last pushed, so a facilitator watching on any node gets the same snapshot.
 */
export class PgCountsSnapshots implements CountsSnapshotStore {
  /** Creates the store over a migrated pool. */
  constructor(private readonly pool: pg.Pool) {}

  /** The last stored snapshot, or undefined. */
  async get(workshopId: string): Promise<Record<string, PromptCounts> | undefined> {
    const { rows } = await this.pool.query<{ counts: Record<string, PromptCounts> }>('SELECT counts FROM workshop_counts WHERE workshop_id = $1', [workshopId]);
    return rows[0]?.counts;
  }

  /** Replaces the snapshot. */
  async put(workshopId: string, counts: Record<string, PromptCounts>): Promise<void> {
    await this.pool.query('INSERT INTO workshop_counts (workshop_id, counts) VALUES ($1, $2) ON CONFLICT (workshop_id) DO UPDATE SET counts = EXCLUDED.counts', [
      workshopId,
      JSON.stringify(counts),
    ]);
  }

  /** Forgets the snapshot. */
  async delete(workshopId: string): Promise<void> {
    await this.pool.query('DELETE FROM workshop_counts WHERE workshop_id = $1', [workshopId]);
  }
}
