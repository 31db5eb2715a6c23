import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { startTestServer, tempDataDir, testEnv } from '../../utils/testServer.js';
import { api, login } from '../../utils/api.js';
import { macLine, type AuditLine } from '../../../server/audit/auditChain.js';

// These tests read, cut and edit the embedded audit file and data directory themselves, so they run on
// the embedded store in both runs of the suite (the PostgreSQL chain is checked in tests/server/storage/pg).
delete process.env.DATABASE_URL;

/** `npm run admin -- verify-audit` as an operator runs it. */
function verifyAudit(dataDir: string, env: Record<string, string> = {}): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli.ts', 'verify-audit'], {
      env: { ...process.env, ...testEnv(dataDir), ...env },
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

/** A data directory whose audit log holds a few real entries written by a real server, then closed. */
async function usedDataDir(): Promise<string> {
  const server = await startTestServer();
  const cookie = await login(server.url);
  for (let i = 0; i < 3; i++) await api(server.url, 'POST', '/api/reviews', { cookie, body: { title: `Review ${i}`, kind: 'lcspr', childPseudonym: 'Child X' } });
  await api(server.url, 'POST', '/api/auth/logout', { cookie, body: {} });
  await server.close();
  return server.dataDir;
}

const logFile = (dir: string) => path.join(dir, 'audit.log');
const readLog = (dir: string) => fs.readFileSync(logFile(dir), 'utf8').split('\n').filter(Boolean);

describe('an audit log that proves itself', () => {
  it('verifies a healthy log through the running server and prints the head and checkpoint', async () => {
    const dir = await usedDataDir();
    const server = await startTestServer({ dataDir: dir });
    try {
      const r = await verifyAudit(dir);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/Audit log verified: \d+ entries/);
      expect(r.out).toMatch(/Last checkpoint: entry \d+, hash [0-9a-f]{64}/);
    } finally {
      await server.close();
    }
  });

  it('refuses to start after the tail was cut off, and verify-audit says so', async () => {
    const dir = await usedDataDir();
    const lines = readLog(dir);
    fs.writeFileSync(logFile(dir), `${lines.slice(0, -2).join('\n')}\n`);
    await expect(startTestServer({ dataDir: dir })).rejects.toThrow(/truncated/);
    const r = await verifyAudit(dir);
    expect(r.code).toBe(1);
    expect(r.out).toContain('truncated');
    // Told to, it starts, and keeps appending after the last line.
    const server = await startTestServer({ dataDir: dir, env: { AUDIT_ALLOW_BROKEN: 'true' } });
    await login(server.url);
    await server.close();
    expect(readLog(dir).length).toBeGreaterThan(lines.length - 2);
  });

  it('refuses a log edited and re-chained without the key, naming the kind of break', async () => {
    const dir = await usedDataDir();
    const lines = readLog(dir).map((l) => JSON.parse(l) as AuditLine);
    // Change who did entry 2, then recompute every later hash, as someone with the file but not the key would.
    lines[1] = { ...lines[1]!, actorId: 'BBBBBBBBBBBBBBBBBBBBBB' };
    const forgeKey = randomBytes(32);
    for (let i = 1; i < lines.length; i++) {
      const { hash: _h, ...body } = { ...lines[i]!, prev: lines[i - 1]!.hash };
      lines[i] = { ...body, hash: macLine(forgeKey, body) };
    }
    fs.writeFileSync(logFile(dir), `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`);
    await expect(startTestServer({ dataDir: dir })).rejects.toThrow(/chain-recomputed/);
    const r = await verifyAudit(dir);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/line 2: chain-recomputed/);
  });

  it('reports an edited line and a deleted one', async () => {
    const dir = await usedDataDir();
    const lines = readLog(dir);
    lines[2] = lines[2]!.replace('"review.created"', '"agency.added"');
    lines.splice(3, 1);
    fs.writeFileSync(logFile(dir), `${lines.join('\n')}\n`);
    const r = await verifyAudit(dir);
    expect(r.out).toMatch(/line 3: edited/);
    expect(r.out).toMatch(/line 4: out-of-order/);
  });

  it('without AUDIT_KEY generates a key file beside DATA_DIR with a warning, and refuses one inside it', async () => {
    const dir = tempDataDir();
    const keyFile = `${dir}.audit-key`;
    const server = await startTestServer({ dataDir: dir, env: { AUDIT_KEY: '' } });
    await login(server.url);
    await server.close();
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(keyFile, 'utf8').trim()).toMatch(/^[0-9a-f]{64}$/);
    // The log written with that key verifies with it, and not with the test key.
    expect((await verifyAudit(dir, { AUDIT_KEY: '' })).code).toBe(0);
    expect((await verifyAudit(dir)).code).toBe(1);
    const other = tempDataDir();
    await expect(startTestServer({ dataDir: other, env: { AUDIT_KEY: '', AUDIT_KEY_FILE: path.join(other, 'audit.key') } })).rejects.toThrow(/outside DATA_DIR/);
    fs.rmSync(keyFile);
  });
});
