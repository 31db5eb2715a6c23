import { describe, expect, it } from 'vitest';
import { LoginThrottle } from '../../../server/auth/LoginThrottle.js';
import { LOGIN_MAX_FAILURES, LOGIN_MAX_FAILURES_PER_CLIENT, LOGIN_THROTTLE_WINDOW_MS } from '../../../shared/limits.js';

describe('LoginThrottle', () => {
  it('blocks after the limit and releases when the window passes', () => {
    let now = 1_000_000;
    const t = new LoginThrottle(() => now);
    for (let i = 0; i < LOGIN_MAX_FAILURES; i++) {
      expect(t.retryAfter(['email:a'])).toBe(0);
      t.fail(['email:a', 'client:1']);
    }
    expect(t.retryAfter(['email:a', 'client:2'])).toBeGreaterThan(0);
    // One client failing on many emails is throttled at the higher per-client limit.
    expect(t.retryAfter(['email:b', 'client:1'])).toBe(0);
    for (let i = LOGIN_MAX_FAILURES; i < LOGIN_MAX_FAILURES_PER_CLIENT; i++) t.fail([`email:x${i}`, 'client:1']);
    expect(t.retryAfter(['email:b', 'client:1'])).toBeGreaterThan(0);
    expect(t.retryAfter(['email:b', 'client:2'])).toBe(0);
    now += LOGIN_THROTTLE_WINDOW_MS + 1;
    expect(t.retryAfter(['email:a', 'client:1'])).toBe(0);
  });
});
