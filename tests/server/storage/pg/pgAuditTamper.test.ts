import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { api, login } from '../../../utils/api.js';
import { queryTestSchema } from '../../../utils/storage.js';
import { startTestServer, testEnv } from '../../../utils/testServer.js';
import { macLine, type AuditLine } from '../../../../server/audit/auditChain.js';

// This file runs only in the PostgreSQL run of the suite (vite.config.ts includes tests/server/storage/pg
// when DATABASE_URL is set). It is the PostgreSQL twin of tests/server/audit/auditIntegrity.test.ts: the
// same breaks, made to the audit_lines rows (and the audit_head row a careful intruder would fix up).

/** `npm run admin -- verify-audit` as an operator runs it, against the server's schema. */
function verifyAudit(dataDir: string): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli.ts', 'verify-audit'], {
      env: { ...process.env, ...testEnv(dataDir) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      out += d;
    });
    child.on('exit', (code) => resolve({ code: code ?? 1, out }));
  });
}

/** A test server's schema whose audit chain holds a few real entries written by a real server, then closed. */
async function usedSchema(): Promise<string> {
  const server = await startTestServer();
  const cookie = await login(server.url);
  for (let i = 0; i < 3; i++) await api(server.url, 'POST', '/api/reviews', { cookie, body: { title: `Review ${i}`, kind: 'lcspr', childPseudonym: 'Child X' } });
  await api(server.url, 'POST', '/api/auth/logout', { cookie, body: {} });
  await server.close();
  return server.dataDir;
}

/** The stored rows of the chain, oldest first, as the exact text that was hashed. */
async function rows(dataDir: string): Promise<{ seq: number; line: string }[]> {
  const r = await queryTestSchema<{ seq: string; line: string }>(dataDir, 'SELECT seq, line FROM audit_lines ORDER BY seq');
  return r.map((x) => ({ seq: Number(x.seq), line: x.line }));
}

/** Points the head row at the last remaining line, as someone covering their tracks would, so appends carry on. */
async function fixUpHead(dataDir: string): Promise<void> {
  const all = await rows(dataDir);
  const last = JSON.parse(all.at(-1)!.line) as AuditLine;
  await queryTestSchema(dataDir, 'UPDATE audit_head SET seq = $1, hash = $2', [last.seq, last.hash]);
}

describe('tampering with the PostgreSQL audit chain', () => {
  it('a healthy chain verifies, offline and through the running server', async () => {
    const dir = await usedSchema();
    expect((await rows(dir)).length).toBeGreaterThanOrEqual(5);
    const offline = await verifyAudit(dir);
    expect(offline.code).toBe(0);
    expect(offline.out).toMatch(/Audit log verified: \d+ entries/);
    expect(offline.out).toMatch(/Last checkpoint: entry \d+, hash [0-9a-f]{64}/);
    const server = await startTestServer({ dataDir: dir });
    try {
      expect((await verifyAudit(dir)).code).toBe(0);
    } finally {
      await server.close();
    }
  });

  it('an edited row: the server refuses to start and verify-audit names the line', async () => {
    const dir = await usedSchema();
    const [, , third] = await rows(dir);
    expect(third!.line).toContain('"review.created"');
    await queryTestSchema(dir, 'UPDATE audit_lines SET line = $2 WHERE seq = $1', [third!.seq, third!.line.replace('"review.created"', '"agency.added"')]);
    await expect(startTestServer({ dataDir: dir })).rejects.toThrow(/line 3: edited/);
    const r = await verifyAudit(dir);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/line 3: edited/);
  });

  it('a deleted row: the server refuses to start and verify-audit reports the gap', async () => {
    const dir = await usedSchema();
    await queryTestSchema(dir, 'DELETE FROM audit_lines WHERE seq = 3');
    await expect(startTestServer({ dataDir: dir })).rejects.toThrow(/out-of-order/);
    const r = await verifyAudit(dir);
    expect(r.code).toBe(1);
    // Entry 4 now sits where entry 3 was expected.
    expect(r.out).toMatch(/line 3: out-of-order/);
  });

  it('a truncated tail with the head row fixed up: caught by the checkpoint, and the server starts only when told to', async () => {
    const dir = await usedSchema();
    const before = await rows(dir);
    await queryTestSchema(dir, 'DELETE FROM audit_lines WHERE seq > $1', [before.length - 2]);
    await fixUpHead(dir);
    await expect(startTestServer({ dataDir: dir })).rejects.toThrow(/truncated/);
    const r = await verifyAudit(dir);
    expect(r.code).toBe(1);
    expect(r.out).toContain('truncated');
    // Told to, it starts, and keeps appending after the last row left.
    const server = await startTestServer({ dataDir: dir, env: { AUDIT_ALLOW_BROKEN: 'true' } });
    await login(server.url);
    await server.close();
    const after = await rows(dir);
    expect(after.length).toBeGreaterThan(before.length - 2);
    expect(after.map((x) => x.seq)).toEqual(after.map((_, i) => i + 1));
  });

  it('a chain edited and recomputed without the key: the server refuses to start and verify-audit says the chain was rewritten', async () => {
    const dir = await usedSchema();
    const lines = (await rows(dir)).map((x) => JSON.parse(x.line) as AuditLine);
    // Change who did entry 2, then recompute every later mac, as someone with the database but not the key would.
    lines[1] = { ...lines[1]!, actorId: 'BBBBBBBBBBBBBBBBBBBBBB' };
    const forgeKey = randomBytes(32);
    for (let i = 1; i < lines.length; i++) {
      const { hash: _h, ...body } = { ...lines[i]!, prev: lines[i - 1]!.hash };
      lines[i] = { ...body, hash: macLine(forgeKey, body) };
    }
    for (const l of lines.slice(1)) await queryTestSchema(dir, 'UPDATE audit_lines SET line = $2 WHERE seq = $1', [l.seq, JSON.stringify(l)]);
    await fixUpHead(dir);
    await expect(startTestServer({ dataDir: dir })).rejects.toThrow(/chain-recomputed/);
    const r = await verifyAudit(dir);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/line 2: chain-recomputed/);
  });
});
