import { Low } from 'lowdb';
import { DurableFileAdapter } from '../storage/DurableFileAdapter.js';
import { GroupCommitter } from '../storage/GroupCommitter.js';

/**
 * One durable JSON file with group commit: changes are made in memory, then `flush` resolves once
 * they are on disk. A failed write puts memory back to the last durable state.
 */
export class DurableJson<T> {
  private last: string;
  private readonly committer: GroupCommitter;
  private constructor(private readonly db: Low<T>) {
    this.last = JSON.stringify(db.data);
    this.committer = new GroupCommitter(async () => {
      const snap = JSON.stringify(this.db.data);
      await this.db.adapter.write(JSON.parse(snap) as T);
      this.last = snap;
    }, () => { this.db.data = JSON.parse(this.last) as T; });
  }

  /** Opens (or starts) the file. */
  static async open<T>(file: string, empty: T): Promise<DurableJson<T>> {
    const db = new Low<T>(new DurableFileAdapter<T>(file), empty);
    await db.read();
    return new DurableJson(db);
  }

  /** The data in memory. */
  get data(): T { return this.db.data; }
  /** Replaces the data in memory (then flush). */
  set data(v: T) { this.db.data = v; }
  /** Resolves once every change made so far is durable. */
  flush(): Promise<void> { return this.committer.flush(); }
  /** Waits for pending writes. */
  idle(): Promise<void> { return this.committer.idle(); }
}
