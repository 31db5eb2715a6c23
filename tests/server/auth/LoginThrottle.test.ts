import { describe, expect, it } from 'vitest';
import { LoginThrottle } from '../../../server/auth/LoginThrottle.js';
import { LOGIN_FREE_FAILURES, LOGIN_FREE_FAILURES_PER_CLIENT, LOGIN_MAX_DELAY_MS, LOGIN_THROTTLE_WINDOW_MS } from '../../../shared/limits.js';

describe('LoginThrottle', () => {
  it('doubles the delay per failure after the free ones, never past the cap, and forgets after the window', async () => {
    let now = 1_000_000;
    const t = new LoginThrottle(() => now);
    const a = { email: 'a@x', client: '1' };
    for (let i = 0; i < LOGIN_FREE_FAILURES - 1; i++) {
      expect(await t.retryAfter(a)).toBe(0);
      await t.fail(a);
    }
    const waits: number[] = [];
    for (let i = 0; i < 10; i++) {
      await t.fail(a);
      waits.push(await t.retryAfter(a));
      now += waits.at(-1)! * 1000;
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60, 60]);
    expect(Math.max(...waits) * 1000).toBe(LOGIN_MAX_DELAY_MS);
    now += LOGIN_THROTTLE_WINDOW_MS + 1;
    await t.fail(a);
    expect(await t.retryAfter(a)).toBe(0);
  });

  it('lets a recognised account and address through while the address and account are being attacked', async () => {
    let now = 1_000_000;
    const t = new LoginThrottle(() => now);
    const colleague = { email: 'lead@x', client: 'office' };
    await t.succeed(colleague);
    for (let i = 0; i < LOGIN_FREE_FAILURES_PER_CLIENT + 5; i++) {
      await t.fail({ email: `spray${i}@x`, client: 'office' });
      now += 1;
    }
    for (let i = 0; i < 30; i++) {
      await t.fail({ email: 'lead@x', client: `botnet${i}` });
      now += 1;
    }
    expect(await t.retryAfter({ email: 'new@x', client: 'office' })).toBeGreaterThan(0);
    expect(await t.retryAfter({ email: 'lead@x', client: 'elsewhere' })).toBeGreaterThan(0);
    expect(await t.retryAfter(colleague)).toBe(0);
  });
});
