import fs from 'node:fs/promises';
import { z } from 'zod';
import type { AuditChainHead, AuditStore, AuditWriter, RecordStore } from '../storage/types.js';
import { FileAuditStore } from '../storage/FileAuditStore.js';
import { GENESIS, KEYED_ALG, macLine, verifyAuditLines, type AuditCheckpoint, type AuditLine, type AuditReport } from './auditChain.js';

export type { AuditLine } from './auditChain.js';

/** Events the audit log records. Never case content: ids, outcomes and reason codes only. */
export const AuditEventSchema = z.object({
  type: z.enum([
    'login.success',
    'login.failure',
    'logout',
    'access.denied',
    'review.created',
    'agency.added',
    'invitation.created',
    'invitation.accepted',
    'invitation.revoked',
    'membership.role-changed',
    'membership.removed',
    'user.created',
    'user.disabled',
    'user.password-reset',
    'export.downloaded',
    'export.refused',
    'chronology.imported',
    'lifecycle.settings-saved',
    'milestones.saved',
    'scoping.status-changed',
    'scoping.form-saved',
    'rapid-review.saved',
    'terms-of-reference.saved',
    'workshop.outcome-saved',
    'workshop.invitations-created',
    'workshop.code-joining-changed',
    'workshop.answers-released',
    'redaction.decided',
    'evidence.requested',
    'evidence.state-changed',
    'evidence.senior-lead-set',
    'evidence.query-asked',
    'evidence.query-replied',
    'evidence.query-resolved',
    'evidence.theme-saved',
    'evidence.theme-deleted',
    'data.backed-up',
    'data.restored',
    'history.restored',
    'history.version-named',
  ]),
  actorId: z.string().nullable().optional(),
  reviewId: z.string().nullable().optional(),
  targetId: z.string().nullable().optional(),
  /** A short code such as 'bad-password' or 'not-member'; never free text. */
  reason: z
    .string()
    .regex(/^[a-z0-9-]{1,40}$/)
    .optional(),
});

/** An audit event before it is chained. */
export type AuditEvent = z.infer<typeof AuditEventSchema>;

/** The chain head is checkpointed to the record store after this many lines… */
export const AUDIT_CHECKPOINT_EVERY_LINES = 100;

/** …or this long after the first line not yet checkpointed, whichever comes first. */
export const AUDIT_CHECKPOINT_EVERY_MS = 60_000;

/** Where checkpoints of the chain head are kept: the record store (auditCheckpoints, id 'head'). */
export type CheckpointStore = {
  read(): Promise<AuditCheckpoint | null>;
  write(c: AuditCheckpoint): Promise<void>;
};

/** Checkpoints kept in the record store, apart from the log they anchor. */
export function recordStoreCheckpoints(records: RecordStore): CheckpointStore {
  return {
    read: async () => {
      const r = await records.get('auditCheckpoints', 'head');
      return r ? { seq: r.seq, hash: r.hash, at: r.at } : null;
    },
    write: (c) => records.put('auditCheckpoints', { id: 'head', ...c }),
  };
}

/**
 * The append-only audit log with a keyed chain (auditChain.ts): each line's hash is an HMAC under a
 * key kept apart from the log, so nobody without it can edit, insert or re-chain lines. This class
 * owns the chain; where lines are kept is an AuditStore's business (server/storage), which serialises
 * appends so the chain order is the stored order. Once given a CheckpointStore it checkpoints the head
 * every AUDIT_CHECKPOINT_EVERY_LINES lines or AUDIT_CHECKPOINT_EVERY_MS, and on close.
 */
export class AuditLog implements AuditWriter {
  private checkpoints: CheckpointStore | null = null;
  private head: { seq: number; hash: string } | null = null;
  private checkpointed = 0;
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> = Promise.resolve();

  private constructor(
    private readonly store: AuditStore<AuditLine>,
    private readonly key: Uint8Array,
  ) {}

  /** An audit log over a store, keyed with `key`. */
  static over(store: AuditStore<AuditLine>, key: Uint8Array): AuditLog {
    return new AuditLog(store, key);
  }

  /** Opens the embedded audit log file, continuing its chain. */
  static async open(file: string, key: Uint8Array): Promise<AuditLog> {
    return new AuditLog(await FileAuditStore.open<AuditLine>(file), key);
  }

  /** Starts checkpointing the chain head to `checkpoints`. */
  checkpointTo(checkpoints: CheckpointStore): void {
    this.checkpoints = checkpoints;
  }

  /** Appends one event, stamped `at` (now by default); resolves once it is stored durably. Throws at once on a bad event. */
  record(event: AuditEvent, at: Date = new Date()): Promise<void> {
    const valid = AuditEventSchema.parse(event);
    return this.store.append((head) => chainLine(head, valid, at, this.key)).then((line) => this.appended(line));
  }

  /** Whether a line for this event stamped `at` is in the log (replaying a record store's outbox). */
  async has(event: AuditEvent, at: Date): Promise<boolean> {
    const valid = AuditEventSchema.parse(event);
    const stamp = at.toISOString();
    return (await this.store.lines()).some(({ seq: _s, at: lineAt, prev: _p, hash: _h, alg: _a, ...rest }) => lineAt === stamp && JSON.stringify(rest) === JSON.stringify(valid));
  }

  /** Verifies the whole chain against the key and the last checkpoint (docs/security.md, "Audit log"). */
  async verify(): Promise<AuditReport> {
    const lines = (await this.store.lines()).map((l) => JSON.stringify(l));
    return verifyAuditLines(lines, this.key, (await this.checkpoints?.read()) ?? null);
  }

  /** Every line, oldest first. */
  lines(): Promise<AuditLine[]> {
    return this.store.lines();
  }

  /** Writes the current head as the checkpoint now, if it moved since the last one. */
  async checkpoint(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    const head = this.head;
    if (!this.checkpoints || !head || head.seq === this.checkpointed) return;
    this.checkpointed = head.seq;
    this.writing = this.writing.then(() => this.checkpoints!.write({ ...head, at: new Date().toISOString() })).catch(() => undefined);
    await this.writing;
  }

  /** Writes a last checkpoint, waits for pending writes and releases the store. */
  async close(): Promise<void> {
    await this.checkpoint();
    await this.store.close();
  }

  private appended(line: AuditLine): void {
    this.head = { seq: line.seq, hash: line.hash };
    if (!this.checkpoints) return;
    if (line.seq - this.checkpointed >= AUDIT_CHECKPOINT_EVERY_LINES) void this.checkpoint();
    else if (!this.timer) {
      this.timer = setTimeout(() => {
        this.timer = null;
        void this.checkpoint();
      }, AUDIT_CHECKPOINT_EVERY_MS);
      this.timer.unref();
    }
  }
}

/** The next keyed line of the chain after `head` (null for an empty log). */
export function chainLine(head: AuditChainHead | null, event: AuditEvent, at: Date, key: Uint8Array): AuditLine {
  const body = { seq: (head?.seq ?? 0) + 1, at: at.toISOString(), ...event, alg: KEYED_ALG, prev: head?.hash ?? GENESIS };
  return { ...body, hash: macLine(key, body) };
}

/** Verifies a whole embedded audit file as written, unreadable lines included (the admin CLI's verify-audit). */
export async function verifyAuditFile(file: string, key: Uint8Array, checkpoint: AuditCheckpoint | null): Promise<AuditReport> {
  let text = '';
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  return verifyAuditLines(text.split('\n').filter(Boolean), key, checkpoint);
}
