import type pg from 'pg';
import { SessionSchema, type Session } from '../../../shared/schemas/records.js';
import type { SessionStore } from '../types.js';

type Row = { id_hash: string; user_id: string; created_at: string; last_seen_at: string };

const toSession = (r: Row): Session => ({ idHash: r.id_hash, userId: r.user_id, createdAt: Number(r.created_at), lastSeenAt: Number(r.last_seen_at) });

/** Sign-in sessions in PostgreSQL, shared by every node, so a logout on one ends the session on all. */
export class PgSessionStore implements SessionStore {
  /** Creates the store over a migrated pool. */
  constructor(private readonly pool: pg.Pool) {}

  /** A session by the hash of its token. */
  async get(idHash: string): Promise<Session | undefined> {
    const { rows } = await this.pool.query<Row>('SELECT * FROM sessions WHERE id_hash = $1', [idHash]);
    return rows[0] ? toSession(rows[0]) : undefined;
  }

  /** Creates or refreshes a session. */
  async put(session: Session): Promise<void> {
    const s = SessionSchema.parse(session);
    await this.pool.query(
      `INSERT INTO sessions (id_hash, user_id, created_at, last_seen_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (id_hash) DO UPDATE SET user_id = EXCLUDED.user_id, created_at = EXCLUDED.created_at, last_seen_at = EXCLUDED.last_seen_at`,
      [s.idHash, s.userId, s.createdAt, s.lastSeenAt],
    );
  }

  /** Refreshes a live session's idle timer; an ended session stays ended. */
  async touch(idHash: string, lastSeenAt: number): Promise<void> {
    await this.pool.query('UPDATE sessions SET last_seen_at = GREATEST(last_seen_at, $2) WHERE id_hash = $1', [idHash, lastSeenAt]);
  }

  /** Removes a session. */
  async delete(idHash: string): Promise<void> {
    await this.pool.query('DELETE FROM sessions WHERE id_hash = $1', [idHash]);
  }

  /** Removes every session of a user; returns their hashes so their sockets can be closed. */
  async deleteForUser(userId: string): Promise<string[]> {
    const { rows } = await this.pool.query<{ id_hash: string }>('DELETE FROM sessions WHERE user_id = $1 RETURNING id_hash', [userId]);
    return rows.map((r) => r.id_hash);
  }

  /** The pool is closed by its owner. */
  async close(): Promise<void> {}
}
