import type { PromptCounts } from '../../shared/workshop/anonymity.js';
import type { CountsSnapshotStore } from './types.js';

/** Counts snapshots in this process: the embedded store serves one node, and a restart recomputes them. */
export class MemoryCountsSnapshots implements CountsSnapshotStore {
  private readonly snapshots = new Map<string, Record<string, PromptCounts>>();

  /** The last stored snapshot, or undefined. */
  async get(workshopId: string): Promise<Record<string, PromptCounts> | undefined> {
    return this.snapshots.get(workshopId);
  }

  /** Replaces the snapshot. */
  async put(workshopId: string, counts: Record<string, PromptCounts>): Promise<void> {
    this.snapshots.set(workshopId, counts);
  }

  /** Forgets the snapshot. */
  async delete(workshopId: string): Promise<void> {
    this.snapshots.delete(workshopId);
  }
}
