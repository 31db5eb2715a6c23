import { Low } from 'lowdb';
import { SessionSchema, type Session } from '../../shared/schemas/records.js';
import { DurableFileAdapter } from './DurableFileAdapter.js';
import { GroupCommitter } from './GroupCommitter.js';
import type { SessionStore } from './types.js';

type Data = { sessions: Record<string, Session> };

/**
 * Sessions in their own durable file, apart from records, because they change on every sign-in and
 * idle-timer refresh. Group commit keeps a burst of requests to one write.
 */
export class JsonSessionStore implements SessionStore {
  private readonly committer: GroupCommitter;
  private lastDurable: string;

  private constructor(private readonly db: Low<Data>) {
    this.lastDurable = JSON.stringify(db.data);
    this.committer = new GroupCommitter(
      async () => {
        const snapshot = JSON.stringify(this.db.data);
        await this.db.adapter.write(JSON.parse(snapshot) as Data);
        this.lastDurable = snapshot;
      },
      () => { this.db.data = JSON.parse(this.lastDurable) as Data; },
    );
  }

  /** Opens (or creates) the session file. */
  static async open(file: string): Promise<JsonSessionStore> {
    const db = new Low<Data>(new DurableFileAdapter<Data>(file), { sessions: {} });
    await db.read();
    db.data = { sessions: db.data?.sessions ?? {} };
    return new JsonSessionStore(db);
  }

  /** A session by the hash of its token. */
  get(idHash: string): Session | undefined {
    const s = this.db.data.sessions[idHash];
    return s ? { ...s } : undefined;
  }

  /** Creates or refreshes a session durably. */
  put(session: Session): Promise<void> {
    const valid = SessionSchema.parse(session);
    this.db.data.sessions[valid.idHash] = valid;
    return this.committer.flush();
  }

  /** Removes a session durably. */
  delete(idHash: string): Promise<void> {
    delete this.db.data.sessions[idHash];
    return this.committer.flush();
  }

  /** Removes every session of a user; returns their hashes so their sockets can be closed. */
  async deleteForUser(userId: string): Promise<string[]> {
    const hashes = Object.values(this.db.data.sessions).filter((s) => s.userId === userId).map((s) => s.idHash);
    for (const h of hashes) delete this.db.data.sessions[h];
    await this.committer.flush();
    return hashes;
  }

  /** Waits for pending writes. */
  async close(): Promise<void> {
    await this.committer.idle();
  }
}
