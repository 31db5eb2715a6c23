import { coarseCounts, type PromptCounts } from '../../shared/workshop/anonymity.js';
import type { Workshop } from '../../shared/workshop/workshop.js';
import { MemoryCountsSnapshots } from '../storage/MemoryCountsSnapshots.js';
import type { CountsSnapshotStore } from '../storage/types.js';
import type { ResponseStore } from './ResponseStore.js';

/**
 * The facilitator's live counts, coarse and slow: a snapshot per workshop, recomputed at most once
 * per interval after something changed, and pushed to the watching staff. Watching again (a refresh)
 * answers the same snapshot, so refreshing after every event learns nothing finer than the interval.
 * Snapshots live in `snapshots` (shared by every node on PostgreSQL): a node whose clock pushed one
 * stores it, so watching again on another node answers the same one.
 */
export class CountsPublisher {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly snapshots: CountsSnapshotStore;

  /** Creates the publisher; `emit` sends a snapshot to the workshop's watchers. */
  constructor(
    private readonly deps: {
      workshop(id: string): Workshop | undefined | Promise<Workshop | undefined>;
      responses: ResponseStore;
      emit(workshopId: string, counts: Record<string, PromptCounts>): void;
      snapshots?: CountsSnapshotStore;
    },
    private readonly intervalMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.snapshots = deps.snapshots ?? new MemoryCountsSnapshots();
  }

  private async compute(workshopId: string): Promise<Record<string, PromptCounts>> {
    const w = await this.deps.workshop(workshopId);
    const counts = w ? coarseCounts(await this.deps.responses.tally(workshopId), w.codeJoining, w.setup.k) : {};
    await this.snapshots.put(workshopId, counts);
    return counts;
  }

  /** The current snapshot (computed now only when there is none yet). */
  async snapshot(workshopId: string): Promise<Record<string, PromptCounts>> {
    return (await this.snapshots.get(workshopId)) ?? (await this.compute(workshopId));
  }

  /**
   * Something changed: push a new snapshot at the next tick of a fixed clock (every interval), so when
   * a push happens depends on the clock, not on when the answer arrived.
   */
  changed(workshopId: string): void {
    if (this.timers.has(workshopId)) return;
    const t = this.now();
    const wait = this.intervalMs - (t % this.intervalMs);
    const timer = setTimeout(() => {
      this.timers.delete(workshopId);
      void this.compute(workshopId).then(
        (counts) => this.deps.emit(workshopId, counts),
        () => undefined,
      );
    }, wait);
    timer.unref();
    this.timers.set(workshopId, timer);
  }

  /** Forgets a workshop (closed: its counts no longer change). */
  forget(workshopId: string): void {
    clearTimeout(this.timers.get(workshopId));
    this.timers.delete(workshopId);
    void this.snapshots.delete(workshopId).catch(() => undefined);
  }

  /** Stops every pending push. */
  close(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }
}
