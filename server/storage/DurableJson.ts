import { DurableFileAdapter } from './DurableFileAdapter.js';
import { GroupCommitter, type ItemResult } from './GroupCommitter.js';

/**
 * One durable JSON file with group commit. Changes are functions applied, at write time, to a copy of
 * the last durable state; the copy becomes readable only once written. A change that throws is
 * refused alone; a failed write refuses the changes it carried and nothing else.
 */
export class DurableJson<T> {
  private readonly committer: GroupCommitter<(draft: T) => unknown, unknown>;

  private constructor(
    private readonly adapter: DurableFileAdapter<T>,
    private durable: T,
    private readonly beforeWrite: (draft: T) => void,
  ) {
    this.committer = new GroupCommitter((batch) => this.writeBatch(batch));
  }

  /**
   * Opens (or starts) the file with `empty` as its initial state. `beforeWrite` runs once on each
   * batch's new state before it is written (for work that need not be repeated for every change).
   */
  static async open<T>(file: string, empty: T, beforeWrite: (draft: T) => void = () => undefined): Promise<DurableJson<T>> {
    const adapter = new DurableFileAdapter<T>(file);
    return new DurableJson(adapter, (await adapter.read()) ?? empty, beforeWrite);
  }

  /** The last durable state; callers must not change it. */
  get data(): T {
    return this.durable;
  }

  /** Applies `change` to the state and resolves with its result once that state is durable. */
  update<R>(change: (draft: T) => R): Promise<R> {
    return this.committer.submit(change) as Promise<R>;
  }

  /** Waits for pending writes. */
  idle(): Promise<void> {
    return this.committer.idle();
  }

  /**
   * Applies a batch to one copy of the durable state. A change that throws may have changed the copy
   * half-way, so the batch starts again from a fresh copy without it (and without any earlier refused
   * one). Copying once per batch rather than checkpointing before every change keeps a burst of N
   * answers at one copy instead of N (docs/performance.md, workshop load); refusals are rare.
   */
  private async writeBatch(batch: ((draft: T) => unknown)[]): Promise<ItemResult<unknown>[]> {
    const refused = new Map<number, unknown>();
    for (;;) {
      const draft = structuredClone(this.durable);
      const results: ItemResult<unknown>[] = [];
      let restart = false;
      for (const [i, change] of batch.entries()) {
        if (refused.has(i)) {
          results.push({ ok: false, error: refused.get(i) });
          continue;
        }
        try {
          results.push({ ok: true, value: change(draft) });
        } catch (error) {
          refused.set(i, error);
          restart = true;
          break;
        }
      }
      if (restart) continue;
      this.beforeWrite(draft);
      await this.adapter.write(draft);
      this.durable = draft;
      return results;
    }
  }
}
