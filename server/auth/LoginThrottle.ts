import {
  LOGIN_FIRST_DELAY_MS,
  LOGIN_FREE_FAILURES,
  LOGIN_FREE_FAILURES_PER_ACCOUNT,
  LOGIN_FREE_FAILURES_PER_CLIENT,
  LOGIN_MAX_DELAY_MS,
  LOGIN_RECOGNISED_MS,
  LOGIN_THROTTLE_MAX_ENTRIES,
  LOGIN_THROTTLE_WINDOW_MS,
} from '../../shared/limits.js';

/** One sign-in attempt: the account's email and the client's address (memory only, never logged). */
export type Attempt = { email: string; client: string };

type Counter = { failures: number; lastFailureAt: number; nextAllowedAt: number };

/**
 * Slows password guessing with growing delays instead of lock-outs (docs/security.md):
 * - per account and address: after LOGIN_FREE_FAILURES, each attempt waits 1 s, 2 s, 4 s … up to a minute;
 * - per account, from addresses it has not signed in from: the same after LOGIN_FREE_FAILURES_PER_ACCOUNT,
 *   which slows guessing spread over many addresses;
 * - per address, for accounts that have not signed in from it: after LOGIN_FREE_FAILURES_PER_CLIENT,
 *   which slows spraying many accounts.
 * An account and address that signed in successfully before are "recognised" and skip the account-wide
 * and address-wide delays, so an attacker can neither keep a colleague out by guessing their email from
 * elsewhere nor slow a whole office sharing one address. Attempts refused for a delay are not counted.
 * Kept in memory and bounded: a restart resets it, and argon2 still makes each guess slow.
 */
export class LoginThrottle {
  private readonly counters = new Map<string, Counter>();
  private readonly recognised = new Map<string, number>();

  /** Creates a throttle with an injectable clock for tests. */
  constructor(private readonly now: () => number = Date.now) {}

  /** Seconds to wait before this attempt may be checked, or 0 if it may go ahead now. */
  retryAfter(a: Attempt): number {
    const t = this.now();
    let until = 0;
    for (const key of this.keysFor(a, t)) until = Math.max(until, this.live(key, t)?.nextAllowedAt ?? 0);
    return until > t ? Math.ceil((until - t) / 1000) : 0;
  }

  /** Records a wrong password against every key that applies to this attempt. */
  fail(a: Attempt): void {
    const t = this.now();
    for (const key of this.keysFor(a, t)) {
      const c = this.live(key, t) ?? { failures: 0, lastFailureAt: t, nextAllowedAt: 0 };
      c.failures++;
      c.lastFailureAt = t;
      const over = c.failures - freeFailures(key);
      c.nextAllowedAt = over >= 0 ? t + Math.min(LOGIN_MAX_DELAY_MS, LOGIN_FIRST_DELAY_MS * 2 ** Math.min(over, 20)) : 0;
      this.remember(this.counters, key, c);
    }
  }

  /** A right password: clears the account's counters and recognises this address for the account. */
  succeed(a: Attempt): void {
    this.counters.delete(`pair:${a.email}\n${a.client}`);
    this.counters.delete(`account:${a.email}`);
    this.remember(this.recognised, `${a.email}\n${a.client}`, this.now());
  }

  /** The counters an attempt is judged by: a recognised pair is judged only by its own. */
  private keysFor(a: Attempt, t: number): string[] {
    const pair = `pair:${a.email}\n${a.client}`;
    const seen = this.recognised.get(`${a.email}\n${a.client}`);
    if (seen !== undefined && t - seen < LOGIN_RECOGNISED_MS) return [pair];
    return [pair, `account:${a.email}`, `client:${a.client}`];
  }

  /** A counter still inside the window, or undefined (and forgotten) once its last failure is old. */
  private live(key: string, t: number): Counter | undefined {
    const c = this.counters.get(key);
    if (c && t - c.lastFailureAt > LOGIN_THROTTLE_WINDOW_MS && t >= c.nextAllowedAt) {
      this.counters.delete(key);
      return undefined;
    }
    return c;
  }

  /** Stores a value as the newest entry, dropping the oldest past the bound. */
  private remember<V>(map: Map<string, V>, key: string, value: V): void {
    map.delete(key);
    map.set(key, value);
    while (map.size > LOGIN_THROTTLE_MAX_ENTRIES) map.delete(map.keys().next().value!);
  }
}

/** Failures a key allows before delays begin. */
function freeFailures(key: string): number {
  if (key.startsWith('client:')) return LOGIN_FREE_FAILURES_PER_CLIENT;
  if (key.startsWith('account:')) return LOGIN_FREE_FAILURES_PER_ACCOUNT;
  return LOGIN_FREE_FAILURES;
}
