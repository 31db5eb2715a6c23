import { LOGIN_THROTTLE_MAX_ENTRIES } from '../../shared/limits.js';
import type { ThrottleCounter, ThrottleStore } from './types.js';

/**
 * Sign-in throttle counters in this process (the embedded store serves one node): bounded, the oldest
 * dropped past LOGIN_THROTTLE_MAX_ENTRIES, and reset by a restart. Account and address stay in memory.
 */
export class MemoryThrottleStore implements ThrottleStore {
  private readonly held = new Map<string, ThrottleCounter>();
  private readonly recognised = new Map<string, number>();

  /** The counters held for these keys. */
  async counters(keys: readonly string[]): Promise<Map<string, ThrottleCounter>> {
    const out = new Map<string, ThrottleCounter>();
    for (const k of keys) {
      const c = this.held.get(k);
      if (c) out.set(k, c);
    }
    return out;
  }

  /** Records a failure on every key (one process: each step is atomic already). */
  async fail(keys: readonly string[], next: (key: string, held: ThrottleCounter | undefined) => ThrottleCounter): Promise<void> {
    for (const k of keys) remember(this.held, k, next(k, this.held.get(k)));
  }

  /** Clears counters and recognises the pair. */
  async succeed(clear: readonly string[], pair: string, at: number): Promise<void> {
    for (const k of clear) this.held.delete(k);
    remember(this.recognised, pair, at);
  }

  /** When the pair last signed in. */
  async recognisedAt(pair: string): Promise<number | undefined> {
    return this.recognised.get(pair);
  }
}

/** Stores a value as the newest entry, dropping the oldest past the bound. */
function remember<V>(map: Map<string, V>, key: string, value: V): void {
  map.delete(key);
  map.set(key, value);
  while (map.size > LOGIN_THROTTLE_MAX_ENTRIES) map.delete(map.keys().next().value!);
}
