import { createHash, randomBytes } from 'node:crypto';
import type pg from 'pg';
import type { VisibleResponse } from '../../../shared/workshop/anonymity.js';
import type { ResponseStore } from '../types.js';

const hashReceipt = (receipt: string) => createHash('sha256').update(receipt).digest('hex');

/**
 * Anonymous workshop answers in PostgreSQL: one row per answer holding the workshop, the prompt, a
 * random slot, the words, a hash of the receipt and the hidden flag, and nothing else: no key to a
 * user, participant, session, address or time. Lists are in slot (random) order. Private requests are
 * rows of their own table with their own random keys.
 */
export class PgResponseStore implements ResponseStore {
  /** Creates the store over a migrated pool. */
  constructor(private readonly pool: pg.Pool) {}

  /** Stores or replaces (same receipt) a response. */
  async respond(workshopId: string, promptId: string, text: string, receipt: string): Promise<void> {
    await this.pool.query(
      `INSERT INTO workshop_responses (workshop_id, prompt_id, slot, answer, receipt_hash) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (workshop_id, prompt_id, receipt_hash) DO UPDATE SET answer = EXCLUDED.answer`,
      [workshopId, promptId, randomBytes(12).toString('hex'), text, hashReceipt(receipt)],
    );
  }

  /** Withdraws the response with this receipt; false if there is none. */
  async withdraw(workshopId: string, promptId: string, receipt: string): Promise<boolean> {
    const r = await this.pool.query('DELETE FROM workshop_responses WHERE workshop_id = $1 AND prompt_id = $2 AND receipt_hash = $3',
      [workshopId, promptId, hashReceipt(receipt)]);
    return (r.rowCount ?? 0) > 0;
  }

  /** Responses to one prompt in slot order, including hidden ones, without receipts. */
  async list(workshopId: string, promptId: string): Promise<VisibleResponse[]> {
    const { rows } = await this.pool.query<{ slot: string; answer: string; hidden: boolean }>(
      'SELECT slot, answer, hidden FROM workshop_responses WHERE workshop_id = $1 AND prompt_id = $2 ORDER BY slot COLLATE "C"', [workshopId, promptId]);
    return rows.map((r) => ({ slot: r.slot, text: r.answer, hidden: r.hidden }));
  }

  /** Counts per prompt, hidden ones included. */
  async counts(workshopId: string): Promise<Record<string, number>> {
    const { rows } = await this.pool.query<{ prompt_id: string; n: string }>(
      'SELECT prompt_id, count(*) AS n FROM workshop_responses WHERE workshop_id = $1 GROUP BY prompt_id', [workshopId]);
    return Object.fromEntries(rows.map((r) => [r.prompt_id, Number(r.n)]));
  }

  /** Hides or shows a response; false if there is none. */
  async setHidden(workshopId: string, promptId: string, slot: string, hidden: boolean): Promise<boolean> {
    const r = await this.pool.query('UPDATE workshop_responses SET hidden = $4 WHERE workshop_id = $1 AND prompt_id = $2 AND slot = $3',
      [workshopId, promptId, slot, hidden]);
    return (r.rowCount ?? 0) > 0;
  }

  /** Stores a private request. */
  async requestPrivate(workshopId: string, contact: string): Promise<void> {
    await this.pool.query('INSERT INTO workshop_private_requests (workshop_id, key, contact) VALUES ($1, $2, $3)',
      [workshopId, randomBytes(12).toString('hex'), contact]);
  }

  /** Private requests in random-key order. */
  async privateRequests(workshopId: string): Promise<{ contact: string }[]> {
    const { rows } = await this.pool.query<{ contact: string }>(
      'SELECT contact FROM workshop_private_requests WHERE workshop_id = $1 ORDER BY key COLLATE "C"', [workshopId]);
    return rows.map((r) => ({ contact: r.contact }));
  }

  /** The pool is closed by its owner. */
  async close(): Promise<void> {}
}
