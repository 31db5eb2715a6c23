/**
 * A token bucket: `capacity` events at once, refilled at `perSecond`. Used per participant connection,
 * per workshop, and for failed join codes, so neither a single socket nor a crowd can flood a workshop
 * and join codes cannot be guessed quickly. Keys are connection or workshop ids held in memory only.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  /** Creates a limiter with an injectable clock. */
  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one token for `key`; false when the bucket is empty. */
  take(key: string): boolean {
    const t = this.now();
    const b = this.buckets.get(key) ?? { tokens: this.capacity, at: t };
    b.tokens = Math.min(this.capacity, b.tokens + ((t - b.at) / 1000) * this.perSecond);
    b.at = t;
    if (b.tokens < 1) {
      this.buckets.set(key, b);
      return false;
    }
    b.tokens -= 1;
    this.buckets.set(key, b);
    return true;
  }

  /** True when `key` has a token left, without taking it. */
  peek(key: string): boolean {
    const b = this.buckets.get(key);
    if (!b) return true;
    return Math.min(this.capacity, b.tokens + ((this.now() - b.at) / 1000) * this.perSecond) >= 1;
  }

  /** Forgets a key (a closed connection). */
  forget(key: string): void {
    this.buckets.delete(key);
  }
}
