/**
 * A token bucket: up to `capacity` actions at once, refilled at `perSecond`. Each connection gets its
 * own, so one client flooding a message type is slowed without affecting anyone else. The clock is a
 * parameter so that tests drive it without waiting.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  /** A full bucket. */
  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
    now: number,
  ) {
    this.tokens = capacity;
    this.last = now;
  }

  /** Takes one token; false when none is left. */
  take(now: number): boolean {
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
