/**
 * When the page should warn that the session is about to end, and when it ends, from the last request
 * that refreshed it. The server persists a refreshed idle timer at most once a minute
 * (TOUCH_PERSIST_MS in server/auth/AuthService.ts), so the session may end up to a minute earlier
 * than the idle timeout after the last request; the schedule assumes the earlier end.
 */

/** How often typing may refresh the session (a request at most this often). */
export const KEEP_ALIVE_INTERVAL_MS = 60_000;

/** How long before the session ends the page offers to stay signed in (WCAG 2.2.1: at least 20 s). */
export const WARNING_BEFORE_END_MS = 120_000;

/** How much earlier than the idle timeout the server may end a session (its touch granularity). */
export const SERVER_TOUCH_SLACK_MS = 60_000;

/** The session's end and the moment to warn, both as epoch milliseconds. */
export function idleSchedule(lastRefreshAt: number, idleMs: number): { warnAt: number; endsAt: number } {
  const endsAt = lastRefreshAt + Math.max(idleMs - SERVER_TOUCH_SLACK_MS, idleMs / 2);
  return { endsAt, warnAt: Math.max(lastRefreshAt, endsAt - WARNING_BEFORE_END_MS) };
}

/** True when activity at `now` should refresh the session (the last refresh is old enough). */
export function shouldKeepAlive(lastRefreshAt: number, now: number): boolean {
  return now - lastRefreshAt >= KEEP_ALIVE_INTERVAL_MS;
}
