import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { AuditChainHead, AuditStore, AuditWriter } from '../storage/types.js';
import { FileAuditStore, readLines } from '../storage/FileAuditStore.js';

/** Events the audit log records. Never case content: ids, outcomes and reason codes only. */
export const AuditEventSchema = z.object({
  type: z.enum([
    'login.success', 'login.failure', 'logout', 'access.denied', 'review.created', 'agency.added',
    'invitation.created', 'invitation.accepted', 'membership.role-changed', 'membership.removed',
    'user.created', 'user.disabled', 'user.password-reset', 'export.downloaded', 'export.refused',
    'chronology.imported',
    'lifecycle.settings-saved', 'milestones.saved', 'scoping.status-changed', 'scoping.form-saved',
    'rapid-review.saved', 'terms-of-reference.saved',
    'workshop.outcome-saved',
  ]),
  actorId: z.string().nullable().optional(),
  reviewId: z.string().nullable().optional(),
  targetId: z.string().nullable().optional(),
  /** A short code such as 'bad-password' or 'not-member'; never free text. */
  reason: z.string().regex(/^[a-z0-9-]{1,40}$/).optional(),
});

/** An audit event before it is chained. */
export type AuditEvent = z.infer<typeof AuditEventSchema>;

/** One line of the audit file. */
export type AuditLine = AuditEvent & { seq: number; at: string; prev: string; hash: string };

const GENESIS = '0'.repeat(64);

/** The hash of a line: sha256 over the previous hash and the line without its own hash. */
function hashLine(line: Omit<AuditLine, 'hash'>): string {
  return createHash('sha256').update(JSON.stringify(line)).digest('hex');
}

/**
 * The append-only, hash-chained audit log. Each line carries the hash of the line before it, so
 * deleting or editing any line breaks the chain that `verify` checks. This class owns the chain (what
 * a line holds and how it is hashed); where lines are kept is an AuditStore's business
 * (server/storage), which serialises appends so the chain order is the stored order.
 */
export class AuditLog implements AuditWriter {
  private constructor(private readonly store: AuditStore<AuditLine>) {}

  /** An audit log over a store. */
  static over(store: AuditStore<AuditLine>): AuditLog {
    return new AuditLog(store);
  }

  /** Opens the embedded audit log file, continuing its chain. */
  static async open(file: string): Promise<AuditLog> {
    return new AuditLog(await FileAuditStore.open<AuditLine>(file));
  }

  /** Appends one event, stamped `at` (now by default); resolves once it is stored durably. Throws at once on a bad event. */
  record(event: AuditEvent, at: Date = new Date()): Promise<void> {
    const valid = AuditEventSchema.parse(event);
    return this.store.append((head) => chainLine(head, valid, at)).then(() => undefined);
  }

  /** Whether a line for this event stamped `at` is in the log (replaying a record store's outbox). */
  async has(event: AuditEvent, at: Date): Promise<boolean> {
    const valid = AuditEventSchema.parse(event);
    const stamp = at.toISOString();
    return (await this.store.lines()).some(({ seq: _s, at: lineAt, prev: _p, hash: _h, ...rest }) =>
      lineAt === stamp && JSON.stringify(rest) === JSON.stringify(valid));
  }

  /** Every line, oldest first. */
  lines(): Promise<AuditLine[]> {
    return this.store.lines();
  }

  /** Checks the whole chain: the number of lines, or the 1-based line where it breaks. */
  async verify(): Promise<{ ok: true; lines: number } | { ok: false; brokenAt: number }> {
    return verifyLines(await this.store.lines());
  }

  /** Waits for pending writes and releases the store. */
  close(): Promise<void> {
    return this.store.close();
  }
}

/** The next line of the chain after `head` (null for an empty log). */
export function chainLine(head: AuditChainHead | null, event: AuditEvent, at: Date): AuditLine {
  const body = { seq: (head?.seq ?? 0) + 1, at: at.toISOString(), ...event, prev: head?.hash ?? GENESIS };
  return { ...body, hash: hashLine(body) };
}

/** Checks a chain of lines: their number, or the 1-based line where the chain breaks. */
export function verifyLines(lines: readonly AuditLine[]): { ok: true; lines: number } | { ok: false; brokenAt: number } {
  let prev = GENESIS;
  for (let i = 0; i < lines.length; i++) {
    const { hash, ...rest } = lines[i]!;
    if (rest.prev !== prev || hashLine(rest) !== hash) return { ok: false, brokenAt: i + 1 };
    prev = hash;
  }
  return { ok: true, lines: lines.length };
}

/** Checks a whole embedded audit file; returns the number of lines, or the 1-based line where the chain breaks. */
export async function verifyAuditFile(file: string): Promise<{ ok: true; lines: number } | { ok: false; brokenAt: number }> {
  return verifyLines(await readLines<AuditLine>(file));
}
