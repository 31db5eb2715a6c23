/**
 * Coalesces bursts of writes into one disk write (group commit). Callers change the in-memory state
 * synchronously and then await `flush()`; every caller that arrives while a write is running is
 * served by the single write that follows it, so N concurrent commits cost at most two file writes.
 *
 * If a write fails, every waiter of that write is rejected and `onFailure` runs, so the owner can
 * restore the last durable state: a change is never acknowledged unless it is on disk.
 */
export class GroupCommitter {
  private running: Promise<void> | null = null;
  private pending: { promise: Promise<void>; resolve: () => void; reject: (e: unknown) => void } | null = null;

  /** Creates a committer around a function that writes the current state durably. */
  constructor(
    private readonly writeState: () => Promise<void>,
    private readonly onFailure: (err: unknown) => void,
  ) {}

  /** Resolves once a write that started after this call has completed. */
  flush(): Promise<void> {
    let batch = this.pending;
    if (!batch) {
      let resolve!: () => void;
      let reject!: (e: unknown) => void;
      const promise = new Promise<void>((res, rej) => { resolve = res; reject = rej; });
      batch = { promise, resolve, reject };
      this.pending = batch;
      if (!this.running) this.startNext();
    }
    return batch.promise;
  }

  /** Waits for every queued write. */
  async idle(): Promise<void> {
    while (this.running || this.pending) await (this.running ?? this.pending?.promise)?.catch(() => undefined);
  }

  private startNext(): void {
    const batch = this.pending;
    if (!batch) return;
    this.pending = null;
    this.running = (async () => {
      try {
        await this.writeState();
        batch.resolve();
      } catch (err) {
        this.onFailure(err);
        batch.reject(err);
      }
    })().finally(() => {
      this.running = null;
      this.startNext();
    });
  }
}
