import { LOGIN_MAX_FAILURES, LOGIN_MAX_FAILURES_PER_CLIENT, LOGIN_THROTTLE_WINDOW_MS } from '../../shared/limits.js';

/**
 * Counts failed sign-ins per email and per client key ('email:…', 'client:…') inside a sliding window.
 * Once an email reaches LOGIN_MAX_FAILURES, or a client LOGIN_MAX_FAILURES_PER_CLIENT, further attempts are refused until the oldest failure leaves the window, which
 * stops both guessing one account and spraying many. Kept in memory: a restart resets it, which is
 * acceptable because argon2 still makes each guess slow.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  /** Creates a throttle with an injectable clock for tests. */
  constructor(private readonly now: () => number = Date.now) {}

  /** Seconds to wait before another attempt for these keys, or 0 if allowed. */
  retryAfter(keys: readonly string[]): number {
    let wait = 0;
    for (const key of keys) {
      const times = this.recent(key);
      const limit = key.startsWith('client:') ? LOGIN_MAX_FAILURES_PER_CLIENT : LOGIN_MAX_FAILURES;
      if (times.length >= limit) wait = Math.max(wait, times[0]! + LOGIN_THROTTLE_WINDOW_MS - this.now());
    }
    return Math.ceil(wait / 1000);
  }

  /** Records a failure against every key. */
  fail(keys: readonly string[]): void {
    for (const key of keys) this.failures.set(key, [...this.recent(key), this.now()]);
  }

  /** Clears the account key after a success. */
  succeed(key: string): void {
    this.failures.delete(key);
  }

  private recent(key: string): number[] {
    const cutoff = this.now() - LOGIN_THROTTLE_WINDOW_MS;
    const times = (this.failures.get(key) ?? []).filter((t) => t > cutoff);
    if (times.length === 0) this.failures.delete(key);
    else this.failures.set(key, times);
    return times;
  }
}
