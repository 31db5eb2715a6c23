import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { GENESIS, KEYED_ALG, macLine, verifyAuditLines, type AuditLine } from '../../../server/audit/auditChain.js';

const key = randomBytes(32);

/** A keyed log of `n` lines, as the server writes it. */
function makeLog(n: number, k = key): string[] {
  const out: string[] = [];
  let prev = GENESIS;
  for (let seq = 1; seq <= n; seq++) {
    const body = { seq, at: `2026-12-03T10:00:${String(seq % 60).padStart(2, '0')}.000Z`, type: 'login.success' as const, actorId: `user${seq}`, alg: KEYED_ALG, prev };
    const line: AuditLine = { ...body, hash: macLine(k, body) };
    out.push(JSON.stringify(line));
    prev = line.hash;
  }
  return out;
}

/** Rewrites lines from `from` (0-based) on with a new chain under `k`, as someone without our key would. */
function rechain(lines: string[], from: number, k: Uint8Array): string[] {
  const out = lines.slice(0, from);
  let prev = from === 0 ? GENESIS : (JSON.parse(lines[from - 1]!) as AuditLine).hash;
  for (const text of lines.slice(from)) {
    const { hash: _old, ...body } = JSON.parse(text) as AuditLine;
    const next = { ...body, prev };
    const hash = macLine(k, next);
    out.push(JSON.stringify({ ...next, hash }));
    prev = hash;
  }
  return out;
}

describe('audit chain verification', () => {
  it('accepts an untouched log and reports its head', () => {
    const lines = makeLog(10);
    const r = verifyAuditLines(lines, key, { seq: 10, hash: (JSON.parse(lines[9]!) as AuditLine).hash, at: 'x' });
    expect(r.ok).toBe(true);
    expect(r.head.seq).toBe(10);
  });

  it('reports an edited line', () => {
    const lines = makeLog(5);
    lines[2] = lines[2]!.replace('user3', 'user9');
    expect(verifyAuditLines(lines, key, null).problems[0]).toMatchObject({ line: 3, kind: 'edited' });
  });

  it('reports an edit followed by a chain recomputed without the key', () => {
    const lines = makeLog(6);
    lines[3] = lines[3]!.replace('user4', 'user9');
    const forged = rechain(lines, 3, randomBytes(32));
    expect(verifyAuditLines(forged, key, null).problems[0]).toMatchObject({ line: 4, kind: 'chain-recomputed' });
  });

  it('reports a deleted line', () => {
    const lines = makeLog(6);
    lines.splice(2, 1);
    expect(verifyAuditLines(lines, key, null).problems[0]).toMatchObject({ line: 3, kind: 'out-of-order' });
  });

  it('reports truncation against the checkpoint, and a cut-and-rewritten tail', () => {
    const lines = makeLog(10);
    const checkpoint = { seq: 8, hash: (JSON.parse(lines[7]!) as AuditLine).hash, at: '2026-12-03T10:00:08.000Z' };
    expect(verifyAuditLines(lines.slice(0, 6), key, checkpoint).problems[0]).toMatchObject({ kind: 'truncated' });
    expect(verifyAuditLines(lines.slice(0, 6), key, null).ok).toBe(true);
    // Lines 8–10 replaced with other lines signed by another key: caught at the line and at the checkpoint.
    const rewritten = [...lines.slice(0, 7), ...makeLog(10, randomBytes(32)).slice(7)];
    const kinds = verifyAuditLines(rewritten, key, checkpoint).problems.map((p) => p.kind);
    expect(kinds).toContain('checkpoint-mismatch');
  });

  it('accepts an unkeyed prefix from before the upgrade, checked as the old hash chain', () => {
    let prev = GENESIS;
    const legacy: string[] = [];
    for (let seq = 1; seq <= 3; seq++) {
      const body = { seq, at: 't', type: 'logout' as const, prev };
      const hash = createHash('sha256').update(JSON.stringify(body)).digest('hex');
      legacy.push(JSON.stringify({ ...body, hash }));
      prev = hash;
    }
    const keyed: string[] = [];
    for (let seq = 4; seq <= 5; seq++) {
      const body = { seq, at: 't', type: 'logout' as const, alg: KEYED_ALG, prev };
      const hash = macLine(key, body);
      keyed.push(JSON.stringify({ ...body, hash }));
      prev = hash;
    }
    const r = verifyAuditLines([...legacy, ...keyed], key, null);
    expect(r).toMatchObject({ ok: true, lines: 5, legacyLines: 3 });
    expect(verifyAuditLines([...keyed.slice(0, 0), ...legacy, ...keyed, legacy[0]!], key, null).ok).toBe(false);
  });
});
