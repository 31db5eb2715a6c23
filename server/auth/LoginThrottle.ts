import {
  LOGIN_FIRST_DELAY_MS,
  LOGIN_FREE_FAILURES,
  LOGIN_FREE_FAILURES_PER_ACCOUNT,
  LOGIN_FREE_FAILURES_PER_CLIENT,
  LOGIN_MAX_DELAY_MS,
  LOGIN_RECOGNISED_MS,
  LOGIN_THROTTLE_WINDOW_MS,
} from '../../shared/limits.js';
import { MemoryThrottleStore } from '../storage/MemoryThrottleStore.js';
import type { ThrottleCounter, ThrottleStore } from '../storage/types.js';

/** One sign-in attempt: the account's email and the client's address (never logged; hashed where stored). */
export type Attempt = { email: string; client: string };

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
 * The counters live in a ThrottleStore: in memory for the embedded store, in PostgreSQL (keyed hashes)
 * when several nodes share a database, so spreading guesses over nodes gains nothing (docs/scaling.md).
 */
export class LoginThrottle {
  /** Creates a throttle over a store (in memory unless given) with an injectable clock for tests. */
  constructor(
    private readonly now: () => number = Date.now,
    private readonly store: ThrottleStore = new MemoryThrottleStore(),
  ) {}

  /** Seconds to wait before this attempt may be checked, or 0 if it may go ahead now. */
  async retryAfter(a: Attempt): Promise<number> {
    const t = this.now();
    const keys = await this.keysFor(a, t);
    const held = await this.store.counters(keys);
    let until = 0;
    for (const key of keys) {
      const c = held.get(key);
      if (c && live(c, t)) until = Math.max(until, c.nextAllowedAt);
    }
    return until > t ? Math.ceil((until - t) / 1000) : 0;
  }

  /** Records a wrong password against every key that applies to this attempt. */
  async fail(a: Attempt): Promise<void> {
    const t = this.now();
    await this.store.fail(await this.keysFor(a, t), (key, held) => {
      const failures = (held && live(held, t) ? held.failures : 0) + 1;
      const over = failures - freeFailures(key);
      return { failures, lastFailureAt: t, nextAllowedAt: over >= 0 ? t + Math.min(LOGIN_MAX_DELAY_MS, LOGIN_FIRST_DELAY_MS * 2 ** Math.min(over, 20)) : 0 };
    });
  }

  /** A right password: clears the account's counters and recognises this address for the account. */
  async succeed(a: Attempt): Promise<void> {
    await this.store.succeed([`pair:${a.email}\n${a.client}`, `account:${a.email}`], `${a.email}\n${a.client}`, this.now());
  }

  /** The counters an attempt is judged by: a recognised pair is judged only by its own. */
  private async keysFor(a: Attempt, t: number): Promise<string[]> {
    const pair = `pair:${a.email}\n${a.client}`;
    const seen = await this.store.recognisedAt(`${a.email}\n${a.client}`);
    if (seen !== undefined && t - seen < LOGIN_RECOGNISED_MS) return [pair];
    return [pair, `account:${a.email}`, `client:${a.client}`];
  }
}

/** Whether a counter still counts: its last failure is inside the window, or its delay has not passed. */
function live(c: ThrottleCounter, t: number): boolean {
  return !(t - c.lastFailureAt > LOGIN_THROTTLE_WINDOW_MS && t >= c.nextAllowedAt);
}

/** Failures a key allows before delays begin. */
function freeFailures(key: string): number {
  if (key.startsWith('client:')) return LOGIN_FREE_FAILURES_PER_CLIENT;
  if (key.startsWith('account:')) return LOGIN_FREE_FAILURES_PER_ACCOUNT;
  return LOGIN_FREE_FAILURES;
}
