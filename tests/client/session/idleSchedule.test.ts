import { describe, expect, it } from 'vitest';
import { KEEP_ALIVE_INTERVAL_MS, SERVER_TOUCH_SLACK_MS, WARNING_BEFORE_END_MS, idleSchedule, shouldKeepAlive } from '../../../client/src/session/idleSchedule.js';

describe('idle schedule', () => {
  it('warns two minutes before the earliest moment the server may end the session', () => {
    const idle = 30 * 60_000;
    const { warnAt, endsAt } = idleSchedule(1_000_000, idle);
    expect(endsAt).toBe(1_000_000 + idle - SERVER_TOUCH_SLACK_MS);
    expect(endsAt - warnAt).toBe(WARNING_BEFORE_END_MS);
  });

  it('never warns before the last refresh, even for a very short timeout', () => {
    const { warnAt, endsAt } = idleSchedule(5_000, 90_000);
    expect(warnAt).toBe(5_000);
    expect(endsAt).toBe(5_000 + 45_000);
  });

  it('refreshes on activity at most once a minute', () => {
    expect(shouldKeepAlive(0, KEEP_ALIVE_INTERVAL_MS - 1)).toBe(false);
    expect(shouldKeepAlive(0, KEEP_ALIVE_INTERVAL_MS)).toBe(true);
  });
});
