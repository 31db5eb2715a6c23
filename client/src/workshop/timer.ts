/**
 * The facilitator's item timer. The server keeps when the current item started to the minute only
 * ("2026-12-01T10:05Z"), so the timer counts whole minutes.
 */

/** Whole minutes from `startedAt` (an ISO time) to `nowMs`; null when there is no valid start. Never negative. */
export function elapsedMinutes(startedAt: string | null, nowMs: number): number | null {
  if (!startedAt) return null;
  const start = Date.parse(startedAt);
  if (Number.isNaN(start)) return null;
  return Math.max(0, Math.floor((nowMs - start) / 60_000));
}

/** Minutes in words, en-GB: "less than a minute", "1 minute", "1 hour 5 minutes", "2 hours". */
export function formatElapsed(minutes: number): string {
  if (minutes < 1) return 'less than a minute';
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const part = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (h === 0) return part(m, 'minute');
  return m === 0 ? part(h, 'hour') : `${part(h, 'hour')} ${part(m, 'minute')}`;
}

/** Minutes as a compact clock, "0:05" or "1:05", for the large timer display. */
export function formatClock(minutes: number): string {
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}
