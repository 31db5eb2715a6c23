import { z } from 'zod';
import type { DocRef } from '../docNames.js';
import { docAccess } from '../docAccess.js';
import type { Membership } from '../schemas/records.js';
import type { Role } from '../roles.js';

/**
 * Edits by one user less than this far apart make one version of a doc's history, as in Google Docs:
 * typing a paragraph is one version, not one per keystroke.
 */
export const VERSION_GROUP_MS = 5 * 60 * 1000;

/** Longest name of a named version ("As submitted by the police on 03/11/2026"). */
export const MAX_VERSION_LABEL_CHARS = 120;

/** Most named versions one doc keeps. */
export const MAX_NAMED_VERSIONS_PER_DOC = 200;

/** One attributed entry of a doc's history, as the history readers see it (no update bytes). */
export type EntryMeta = { seq: number; userId: string | null; at: number };

/** One version of a doc: a run of edits by one user; `seq` is its last edit, the state the version shows. */
export type Version = { seq: number; firstSeq: number; userId: string; from: number; to: number; edits: number };

/**
 * Groups a doc's history into versions, newest first: consecutive edits by one user, each within
 * VERSION_GROUP_MS of the previous one. The server's own records (no user) belong to no version.
 */
export function groupVersions(entries: readonly EntryMeta[]): Version[] {
  const out: Version[] = [];
  for (const e of entries) {
    if (e.userId === null) continue;
    const last = out.at(-1);
    if (last && last.userId === e.userId && e.at - last.to < VERSION_GROUP_MS) {
      last.seq = e.seq;
      last.to = e.at;
      last.edits += 1;
    } else {
      out.push({ seq: e.seq, firstSeq: e.seq, userId: e.userId, from: e.at, to: e.at, edits: 1 });
    }
  }
  return out.reverse();
}

/** A time as history shows it, to the minute in England: DD/MM/YYYY HH:mm. */
export function formatHistoryTime(ms: number): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(ms));
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('day')}/${get('month')}/${get('year')} ${get('hour')}:${get('minute')}`;
}

/**
 * The fields whose values differ between two versions of one item (a row, a person, a genogram
 * element), sorted; a plain value compares as the single field ''. Null stands for "did not exist".
 */
export function changedFields(before: unknown, after: unknown): string[] {
  const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  // An item that appears or disappears changed every field it has.
  if (before === null && isRecord(after)) return changedFields({}, after);
  if (isRecord(before) && after === null) return changedFields(before, {});
  if (!isRecord(before) || !isRecord(after)) return JSON.stringify(before) === JSON.stringify(after) ? [] : [''];
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k])).sort();
}

/** The parts of a membership the history rules read. */
export type HistoryMember = Pick<Membership, 'reviewId' | 'role' | 'agencyId'>;

/**
 * Who may read a doc's history: every member who may read the doc, observers and other read-only
 * members included (issue 13: each row, person and genogram element shows who changed what and when).
 * History is staff data in that it names only signed-in members: workshop answers are never in a
 * shared doc, so no history can reach them (docs/anonymity.md). Reading it never lets anyone restore
 * (mayRestore).
 */
export function mayReadHistory(ref: DocRef, m: HistoryMember | null): boolean {
  return !!m && docAccess(ref, m) !== 'none';
}

/**
 * Who may restore a doc, or one of its items, to an earlier version: exactly those who may write it
 * (docAccess), so an agency author cannot restore another agency's chronology rows.
 */
export function mayRestore(ref: DocRef, m: HistoryMember | null): boolean {
  return !!m && docAccess(ref, m) === 'write';
}

/** Who may name a version ("as submitted by the police on 03/11/2026"): the review team. */
export function mayNameVersion(ref: DocRef, m: HistoryMember | null): boolean {
  const team: readonly Role[] = ['lead-reviewer', 'review-team'];
  return !!m && team.includes(m.role) && mayReadHistory(ref, m);
}

/** A restore request: the whole doc, or one item (a root map and key), to the version ending at `seq`. */
export const RestoreInputSchema = z.strictObject({
  seq: z.number().int().positive(),
  item: z.strictObject({ root: z.string().min(1).max(64), key: z.string().min(1).max(64) }).optional(),
});

/** A restore request. */
export type RestoreInput = z.infer<typeof RestoreInputSchema>;

/** Naming a version. */
export const NameVersionInputSchema = z.strictObject({
  seq: z.number().int().positive(),
  label: z
    .string()
    .trim()
    .min(1, 'Give the version a name')
    .max(MAX_VERSION_LABEL_CHARS, `A version name must be ${MAX_VERSION_LABEL_CHARS} characters or fewer`)
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'A version name cannot hold control characters'),
});

/** Naming a version. */
export type NameVersionInput = z.infer<typeof NameVersionInputSchema>;

/** A named version as stored (record store, collection `docVersions`). */
export const NamedVersionSchema = z.object({
  id: z.string(),
  reviewId: z.string(),
  docName: z.string(),
  seq: z.number().int().positive(),
  label: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  version: z.number().int().optional(),
});

/** A named version as stored. */
export type NamedVersion = z.infer<typeof NamedVersionSchema>;
