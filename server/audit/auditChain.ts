import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { AuditEvent } from './AuditLog.js';

/**
 * The keyed chain of the audit log. Each line carries `hash`, an HMAC-SHA256 (marked `alg`) under a key
 * that is not stored with the log, over the line without its hash (which includes `prev`, the previous
 * line's hash).
 * Without the key nobody can write a line, edit one, or recompute the chain after an edit so that it
 * verifies. Cutting lines off the end leaves a valid prefix; checkpoints of the chain head kept in the
 * record store catch that down to the last checkpoint (docs/security.md, "Audit log").
 */

/** The marker of a keyed line; lines without it were written before the log was keyed. */
export const KEYED_ALG = 'hmac-sha256' as const;

/** One line of the audit file: keyed (`alg` set) or, before the upgrade, an unkeyed SHA-256 chain. */
export type AuditLine = AuditEvent & { seq: number; at: string; alg?: typeof KEYED_ALG; prev: string; hash: string };

/** The chain head at some moment: the last line's sequence number and hash. */
export type AuditCheckpoint = { seq: number; hash: string; at: string };

/** What verification found wrong, by kind, with the 1-based line it was found at. */
export type AuditProblem = {
  line: number;
  kind: 'unreadable' | 'edited' | 'chain-recomputed' | 'out-of-order' | 'legacy-after-keyed' | 'truncated' | 'checkpoint-mismatch';
  detail: string;
};

/** The outcome of verifying a whole log. */
export type AuditReport = {
  ok: boolean;
  /** Lines in the file. */
  lines: number;
  /** Of those, lines from before the log was keyed (checked as an unkeyed chain only). */
  legacyLines: number;
  /** The last line's seq and hash: the head to continue from or to checkpoint. */
  head: { seq: number; hash: string };
  /** The checkpoint the log was checked against, if any. */
  checkpoint: AuditCheckpoint | null;
  /** The first problems found (at most MAX_PROBLEMS). */
  problems: AuditProblem[];
};

/** The chain's start: the `prev` of the first line. */
export const GENESIS = '0'.repeat(64);

/** Problems listed before verification stops listing: the first one is what matters. */
const MAX_PROBLEMS = 20;

/** The HMAC-SHA256 (hex) of a line without its hash. */
export function macLine(key: Uint8Array, body: Omit<AuditLine, 'hash'>): string {
  return createHmac('sha256', key).update(JSON.stringify(body)).digest('hex');
}

/** The legacy unkeyed hash of a line without its hash. */
function legacyHash(body: Omit<AuditLine, 'hash'>): string {
  return createHash('sha256').update(JSON.stringify(body)).digest('hex');
}

/** A line's body: everything but its hash. */
function withoutHash(line: AuditLine): Omit<AuditLine, 'hash'> {
  const { hash: _hash, ...body } = line;
  return body;
}

/** Constant-time comparison of two hex digests. */
function sameDigest(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

/**
 * Verifies every line of an audit log against the key and, if given, the last checkpoint. It reports
 * the kind of each break: an edited line (its mac is wrong and the next line does not chain from it),
 * a recomputed chain (a wrong mac that the next line does chain from: someone rewrote the macs without
 * the key), lines deleted, inserted or reordered (seq or prev out of step), and truncation (the log
 * ends before the checkpointed head, or the head there differs).
 */
export function verifyAuditLines(lines: readonly string[], key: Uint8Array, checkpoint: AuditCheckpoint | null): AuditReport {
  const problems: AuditProblem[] = [];
  const add = (p: AuditProblem) => {
    if (problems.length < MAX_PROBLEMS) problems.push(p);
  };
  const parsed = lines.map((text) => {
    try {
      return JSON.parse(text) as Record<string, unknown>;
    } catch {
      return null;
    }
  });
  let prev = GENESIS;
  let seq = 0;
  let legacy = 0;
  let sawKeyed = false;
  let macAtCheckpoint: string | null = null;
  for (let i = 0; i < parsed.length; i++) {
    const line = parsed[i];
    const n = i + 1;
    if (!line || typeof line.seq !== 'number' || typeof line.prev !== 'string') {
      add({ line: n, kind: 'unreadable', detail: 'the line is not an audit entry' });
      continue;
    }
    if (line.seq !== seq + 1 || line.prev !== prev) {
      add({ line: n, kind: 'out-of-order', detail: `expected entry ${seq + 1} chained to the one before; lines were deleted, inserted or moved` });
    }
    if (typeof line.hash !== 'string') {
      add({ line: n, kind: 'unreadable', detail: 'the line has no hash' });
    } else if (line.alg === KEYED_ALG) {
      sawKeyed = true;
      const { hash: mac, ...body } = line as unknown as AuditLine;
      if (!sameDigest(macLine(key, body), mac)) {
        // An edit alone leaves the rest of the chain valid; a rewrite without the key leaves the next
        // line chained to this forged mac and forged itself.
        const next = parsed[i + 1];
        const recomputed =
          next !== null &&
          next !== undefined &&
          next.prev === mac &&
          next.alg === KEYED_ALG &&
          typeof next.hash === 'string' &&
          !sameDigest(macLine(key, withoutHash(next as unknown as AuditLine)), next.hash);
        add(
          recomputed
            ? { line: n, kind: 'chain-recomputed', detail: 'this line and the next are signed with another key and chained: the chain was rewritten from here' }
            : { line: n, kind: 'edited', detail: 'the mac does not match the line: it was changed, or the audit key is not the one it was written with' },
        );
      }
      prev = mac;
    } else {
      if (sawKeyed) add({ line: n, kind: 'legacy-after-keyed', detail: 'an unkeyed line after keyed ones was not written by this server' });
      legacy++;
      const { hash, ...body } = line as unknown as AuditLine;
      if (legacyHash(body) !== hash) add({ line: n, kind: 'edited', detail: 'the (unkeyed, pre-upgrade) hash does not match the line' });
      prev = hash;
    }
    seq = line.seq;
    if (checkpoint && line.seq === checkpoint.seq) macAtCheckpoint = prev;
  }
  if (checkpoint) {
    if (seq < checkpoint.seq) {
      add({ line: lines.length, kind: 'truncated', detail: `the log ends at entry ${seq}, but entry ${checkpoint.seq} was checkpointed at ${checkpoint.at}` });
    } else if (macAtCheckpoint !== null && !sameDigest(macAtCheckpoint, checkpoint.hash)) {
      add({ line: checkpoint.seq, kind: 'checkpoint-mismatch', detail: `entry ${checkpoint.seq} is not the one checkpointed at ${checkpoint.at}: the log was cut and rewritten` });
    }
  }
  return { ok: problems.length === 0, lines: lines.length, legacyLines: legacy, head: { seq, hash: prev }, checkpoint, problems };
}
