/** The outcome of one item of a batch: its value, or the error that refused it alone. */
export type ItemResult<R> = { ok: true; value: R } | { ok: false; error: unknown };

type Waiter<T, R> = { item: T; resolve: (r: R) => void; reject: (e: unknown) => void };

/**
 * Coalesces bursts of writes into one disk write (group commit). Each caller submits an item (a set of
 * changes) and waits; every item that arrives while a write is running is carried by the single write
 * that follows it, so N concurrent commits cost at most two file writes.
 *
 * The owner's `writeBatch` builds the next state from its last durable state plus the batch, writes it
 * durably, and only then makes it readable. It may refuse single items (a version conflict) by
 * returning an error for them; if it throws, the write failed and every item of that batch is
 * rejected, while items that arrived during the failed write are untouched: they wait in the next
 * batch, which starts again from the last durable state. So nothing is acknowledged unless it is on
 * disk, and a failed write loses nothing it did not carry.
 */
export class GroupCommitter<T, R = void> {
  private running: Promise<void> | null = null;
  private queue: Waiter<T, R>[] = [];

  /** Creates a committer around a function that writes one batch durably. */
  constructor(private readonly writeBatch: (items: T[]) => Promise<ItemResult<R>[]>) {}

  /** Resolves once the write carrying `item` is durable; rejects if it failed or refused the item. */
  submit(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (!this.running) this.startNext();
    });
  }

  /** Waits for every queued write. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private startNext(): void {
    const batch = this.queue;
    if (batch.length === 0) return;
    this.queue = [];
    this.running = (async () => {
      let results: ItemResult<R>[];
      try {
        results = await this.writeBatch(batch.map((w) => w.item));
      } catch (err) {
        for (const w of batch) w.reject(err);
        return;
      }
      batch.forEach((w, i) => {
        const r = results[i]!;
        if (r.ok) w.resolve(r.value);
        else w.reject(r.error);
      });
    })().finally(() => {
      this.running = null;
      this.startNext();
    });
  }
}
