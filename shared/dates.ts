import { z } from 'zod';

/** A calendar date stored as ISO 'YYYY-MM-DD' (no time, no zone), checked to be a real day. */
export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .refine((s) => isRealDate(s), 'must be a real calendar date');

/** An ISO calendar date string. */
export type IsoDate = z.infer<typeof IsoDateSchema>;

/** True when 'YYYY-MM-DD' names a day that exists (so 2023-02-29 is refused). */
export function isRealDate(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

/** Shows an ISO date the en-GB way, DD/MM/YYYY. */
export function formatUkDate(iso: IsoDate): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/**
 * Reads a date typed by a person in England: DD/MM/YYYY (or D/M/YYYY, with '/', '.' or '-') or ISO.
 * Returns null when it is not a real day. Two-digit years are refused here because a review's
 * dates span generations; the chronology importer has its own, wider reader.
 */
export function parseUkDate(input: string): IsoDate | null {
  const s = input.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return isRealDate(s) ? s : null;
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (!m) return null;
  const iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return isRealDate(iso) ? iso : null;
}

/** Accepts DD/MM/YYYY or YYYY-MM-DD at an API boundary and yields the ISO form. */
export const UkOrIsoDateSchema = z.string().transform((s, ctx) => {
  const iso = parseUkDate(s);
  if (!iso) {
    ctx.addIssue({ code: 'custom', message: 'must be a real date as DD/MM/YYYY' });
    return z.NEVER;
  }
  return iso;
});

/** Today's date in England as ISO, for defaults; the caller passes the clock so tests stay deterministic. */
export function isoDateInLondon(now: Date): IsoDate {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}
