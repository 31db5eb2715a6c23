import fs from 'node:fs/promises';
import path from 'node:path';
import { DurableFileAdapter } from './DurableFileAdapter.js';
import type { IssuerKeyStore, IssuerKeys } from './types.js';

/**
 * Blind-signing keys of the embedded store: `issuer.json` (mode 0600) in each workshop's anonymous
 * folder under DATA_DIR/workshops. One process holds the data directory (its lock), so serialising
 * writes per workshop in this process is enough for `putIfAbsent`.
 */
export class FileIssuerKeyStore implements IssuerKeyStore {
  private readonly queues = new Map<string, Promise<unknown>>();

  /** Creates the store rooted at DATA_DIR/workshops. */
  constructor(private readonly root: string) {}

  private file(workshopId: string): string {
    return path.join(this.root, workshopId, 'issuer.json');
  }

  private serial<T>(workshopId: string, fn: () => Promise<T>): Promise<T> {
    const next = (this.queues.get(workshopId) ?? Promise.resolve()).then(fn);
    const settled = next.catch(() => undefined);
    this.queues.set(workshopId, settled);
    void settled.then(() => {
      if (this.queues.get(workshopId) === settled) this.queues.delete(workshopId);
    });
    return next;
  }

  /** The stored pair, or null. */
  get(workshopId: string): Promise<IssuerKeys | null> {
    return new DurableFileAdapter<IssuerKeys>(this.file(workshopId)).read();
  }

  /** Stores `keys` unless a pair exists; answers the stored pair. */
  putIfAbsent(workshopId: string, keys: IssuerKeys): Promise<IssuerKeys> {
    return this.serial(workshopId, async () => {
      const adapter = new DurableFileAdapter<IssuerKeys>(this.file(workshopId));
      const existing = await adapter.read();
      if (existing) return existing;
      await fs.mkdir(path.dirname(this.file(workshopId)), { recursive: true, mode: 0o700 });
      await adapter.write(keys);
      return keys;
    });
  }

  /** Erases the pair. */
  erase(workshopId: string): Promise<void> {
    return this.serial(workshopId, () => fs.rm(this.file(workshopId), { force: true }));
  }
}
