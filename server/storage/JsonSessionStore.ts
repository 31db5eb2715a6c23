import { SessionSchema, type Session } from '../../shared/schemas/records.js';
import { DurableFileAdapter } from './DurableFileAdapter.js';
import { GroupCommitter, type ItemResult } from './GroupCommitter.js';
import type { SessionStore } from './types.js';

type Data = { sessions: Record<string, Session> };

/** One session change waiting for the group write. */
type Change = { op: 'put'; session: Session } | { op: 'touch'; idHash: string; lastSeenAt: number } | { op: 'delete'; idHash: string } | { op: 'deleteForUser'; userId: string };

/**
 * Sessions in their own durable file, apart from records, because they change on every sign-in and
 * idle-timer refresh. Group commit keeps a burst of requests to one write; reads see only what is
 * durable, and a failed write rejects only the changes it carried.
 */
export class JsonSessionStore implements SessionStore {
  private readonly committer: GroupCommitter<Change, string[]>;

  private constructor(
    private readonly adapter: DurableFileAdapter<Data>,
    private durable: Data,
  ) {
    this.committer = new GroupCommitter((batch) => this.writeBatch(batch));
  }

  /** Opens (or creates) the session file. */
  static async open(file: string): Promise<JsonSessionStore> {
    const adapter = new DurableFileAdapter<Data>(file);
    const read = await adapter.read();
    return new JsonSessionStore(adapter, { sessions: read?.sessions ?? {} });
  }

  /** A session by the hash of its token. */
  async get(idHash: string): Promise<Session | undefined> {
    const s = this.durable.sessions[idHash];
    return s ? { ...s } : undefined;
  }

  /** Creates or refreshes a session durably. */
  async put(session: Session): Promise<void> {
    await this.committer.submit({ op: 'put', session: SessionSchema.parse(session) });
  }

  /** Refreshes a live session's idle timer; a session ended meanwhile stays ended. */
  async touch(idHash: string, lastSeenAt: number): Promise<void> {
    await this.committer.submit({ op: 'touch', idHash, lastSeenAt });
  }

  /** Removes a session durably. */
  async delete(idHash: string): Promise<void> {
    await this.committer.submit({ op: 'delete', idHash });
  }

  /** Removes every session of a user; returns their hashes so their sockets can be closed. */
  deleteForUser(userId: string): Promise<string[]> {
    return this.committer.submit({ op: 'deleteForUser', userId });
  }

  /** Waits for pending writes. */
  async close(): Promise<void> {
    await this.committer.idle();
  }

  private async writeBatch(batch: Change[]): Promise<ItemResult<string[]>[]> {
    const sessions = { ...this.durable.sessions };
    const results = batch.map((c): ItemResult<string[]> => {
      if (c.op === 'put') {
        sessions[c.session.idHash] = c.session;
        return { ok: true, value: [] };
      }
      if (c.op === 'touch') {
        const s = sessions[c.idHash];
        if (s) sessions[c.idHash] = { ...s, lastSeenAt: Math.max(s.lastSeenAt, c.lastSeenAt) };
        return { ok: true, value: [] };
      }
      if (c.op === 'delete') {
        delete sessions[c.idHash];
        return { ok: true, value: [] };
      }
      const hashes = Object.values(sessions)
        .filter((s) => s.userId === c.userId)
        .map((s) => s.idHash);
      for (const h of hashes) delete sessions[h];
      return { ok: true, value: hashes };
    });
    const next = { sessions };
    await this.adapter.write(next);
    this.durable = next;
    return results;
  }
}
