import { z } from 'zod';
import type { KeyValueStorage } from './receipts.js';

/**
 * What a participant's tab remembers about joining, in sessionStorage: the workshop, its code and
 * whether they accepted the confidentiality statement. It lets the screen re-join after a reload or a
 * dropped connection without asking again, and it is forgotten when the tab closes.
 */

/** The remembered join of one tab (no code when it joined with this browser's pass). */
export type JoinMemory = { workshopId: string; code: string | null; accepted: boolean };

const KEY = 'rr.workshop.join';
const JoinMemorySchema = z.object({
  workshopId: z.string(),
  code: z
    .string()
    .regex(/^[A-Z2-9]{6}$/)
    .nullable(),
  accepted: z.boolean(),
});

/** The remembered join for this workshop, or null (another workshop's memory does not count). */
export function readJoin(storage: KeyValueStorage | null, workshopId: string): JoinMemory | null {
  try {
    const raw = storage?.getItem(KEY);
    if (!raw) return null;
    const parsed = JoinMemorySchema.safeParse(JSON.parse(raw));
    return parsed.success && parsed.data.workshopId === workshopId ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Remembers the join (best effort: without storage the participant types the code again after a reload). */
export function saveJoin(storage: KeyValueStorage | null, memory: JoinMemory): void {
  try {
    storage?.setItem(KEY, JSON.stringify(memory));
  } catch {
    /* best effort */
  }
}

/** Forgets the join (a wrong or withdrawn code). */
export function clearJoin(storage: KeyValueStorage | null): void {
  try {
    storage?.removeItem(KEY);
  } catch {
    /* best effort */
  }
}

/** A typed code as the server reads it: trimmed, upper case, spaces and dashes removed. Null when it cannot be a code. */
export function normaliseCode(input: string): string | null {
  const code = input.replace(/[\s-]/g, '').toUpperCase();
  return /^[A-Z2-9]{6}$/.test(code) ? code : null;
}
