import { DurableFileAdapter } from './DurableFileAdapter.js';
import { GroupCommitter, type ItemResult } from './GroupCommitter.js';

/**
 * One durable JSON file with group commit. Changes are functions applied, at write time, to a copy of
 * the last durable state; the copy becomes readable only once written. A change that throws is
 * refused alone; a failed write refuses the changes it carried and nothing else.
 */
export class DurableJson<T> {
  private readonly committer: GroupCommitter<(draft: T) => unknown, unknown>;

  private constructor(private readonly adapter: DurableFileAdapter<T>, private durable: T) {
    this.committer = new GroupCommitter((batch) => this.writeBatch(batch));
  }

  /** Opens (or starts) the file with `empty` as its initial state. */
  static async open<T>(file: string, empty: T): Promise<DurableJson<T>> {
    const adapter = new DurableFileAdapter<T>(file);
    return new DurableJson(adapter, (await adapter.read()) ?? empty);
  }

  /** The last durable state; callers must not change it. */
  get data(): T { return this.durable; }

  /** Applies `change` to the state and resolves with its result once that state is durable. */
  update<R>(change: (draft: T) => R): Promise<R> {
    return this.committer.submit(change) as Promise<R>;
  }

  /** Waits for pending writes. */
  idle(): Promise<void> { return this.committer.idle(); }

  private async writeBatch(batch: ((draft: T) => unknown)[]): Promise<ItemResult<unknown>[]> {
    const draft = structuredClone(this.durable);
    const results = batch.map((change): ItemResult<unknown> => {
      // Each change runs on a checkpoint so that one that throws half-way leaves no trace.
      const before = structuredClone(draft);
      try {
        return { ok: true, value: change(draft) };
      } catch (error) {
        Object.assign(draft as object, before);
        for (const k of Object.keys(draft as object)) if (!(k in (before as object))) delete (draft as Record<string, unknown>)[k];
        return { ok: false, error };
      }
    });
    await this.adapter.write(draft);
    this.durable = draft;
    return results;
  }
}
