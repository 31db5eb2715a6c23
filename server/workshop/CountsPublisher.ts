import { coarseCounts, type PromptCounts } from '../../shared/workshop/anonymity.js';
import type { Workshop } from '../../shared/workshop/workshop.js';
import type { ResponseStore } from './ResponseStore.js';

type Snapshot = { counts: Record<string, PromptCounts>; at: number };

/**
 * The facilitator's live counts, coarse and slow: a snapshot per workshop, recomputed at most once
 * per interval after something changed, and pushed to the watching staff. Watching again (a refresh)
 * answers the same snapshot, so refreshing after every event learns nothing finer than the interval.
 */
export class CountsPublisher {
  private readonly snapshots = new Map<string, Snapshot>();
  private readonly timers = new Map<string, NodeJS.Timeout>();

  /** Creates the publisher; `emit` sends a snapshot to the workshop's watchers. */
  constructor(
    private readonly deps: {
      workshop(id: string): Workshop | undefined | Promise<Workshop | undefined>;
      responses: ResponseStore;
      emit(workshopId: string, counts: Record<string, PromptCounts>): void;
    },
    private readonly intervalMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  private async compute(workshopId: string): Promise<Snapshot> {
    const w = await this.deps.workshop(workshopId);
    const counts = w ? coarseCounts(await this.deps.responses.tally(workshopId), w.codeJoining, w.setup.k) : {};
    const snap = { counts, at: this.now() };
    this.snapshots.set(workshopId, snap);
    return snap;
  }

  /** The current snapshot (computed now only when there is none yet). */
  async snapshot(workshopId: string): Promise<Record<string, PromptCounts>> {
    return (this.snapshots.get(workshopId) ?? (await this.compute(workshopId))).counts;
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
        (s) => this.deps.emit(workshopId, s.counts),
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
    this.snapshots.delete(workshopId);
  }

  /** Stops every pending push. */
  close(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }
}
