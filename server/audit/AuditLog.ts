import fs from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { z } from 'zod';

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
    'evidence.requested', 'evidence.state-changed', 'evidence.senior-lead-set', 'evidence.query-asked', 'evidence.query-replied',
    'evidence.query-resolved', 'evidence.theme-saved', 'evidence.theme-deleted',
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
 * The append-only, hash-chained audit log (JSON lines, mode 0600). Each line carries the hash of the
 * line before it, so deleting or editing any line breaks the chain that `verify` checks. Writes are
 * serialised so that the chain order is the file order, and each is fsynced before it resolves.
 */
export class AuditLog {
  private chain: Promise<void> = Promise.resolve();

  private constructor(
    private readonly fh: fs.FileHandle,
    private lastHash: string,
    private seq: number,
  ) {}

  /** Opens the log, reading its tail to continue the chain. */
  static async open(file: string): Promise<AuditLog> {
    let last = GENESIS;
    let seq = 0;
    try {
      const text = await fs.readFile(file, 'utf8');
      const lines = text.split('\n').filter(Boolean);
      const tail = lines.at(-1);
      if (tail) {
        const parsed = JSON.parse(tail) as AuditLine;
        last = parsed.hash;
        seq = parsed.seq;
      }
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    const fh = await fs.open(file, 'a', 0o600);
    return new AuditLog(fh, last, seq);
  }

  /** Appends one event; resolves once it is on disk. */
  record(event: AuditEvent): Promise<void> {
    const valid = AuditEventSchema.parse(event);
    const next = this.chain.then(async () => {
      const body = { seq: this.seq + 1, at: new Date().toISOString(), ...valid, prev: this.lastHash };
      const line: AuditLine = { ...body, hash: hashLine(body) };
      await this.fh.write(`${JSON.stringify(line)}\n`);
      await this.fh.datasync();
      this.seq = line.seq;
      this.lastHash = line.hash;
    });
    this.chain = next.catch(() => undefined);
    return next;
  }

  /** Waits for pending writes and closes the file. */
  async close(): Promise<void> {
    await this.chain;
    await this.fh.close();
  }
}

/** Checks a whole audit file; returns the number of lines, or the 1-based line where the chain breaks. */
export async function verifyAuditFile(file: string): Promise<{ ok: true; lines: number } | { ok: false; brokenAt: number }> {
  const lines = (await fs.readFile(file, 'utf8')).split('\n').filter(Boolean);
  let prev = GENESIS;
  for (let i = 0; i < lines.length; i++) {
    const { hash, ...rest } = JSON.parse(lines[i]!) as AuditLine;
    if (rest.prev !== prev || hashLine(rest) !== hash) return { ok: false, brokenAt: i + 1 };
    prev = hash;
  }
  return { ok: true, lines: lines.length };
}
