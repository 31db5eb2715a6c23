import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AuditLog, verifyAuditFile } from '../../../server/audit/AuditLog.js';
import { TEST_AUDIT_KEY, tempDataDir } from '../../utils/testServer.js';

describe('AuditLog', () => {
  it('chains keyed lines across reopen and detects an edited line', async () => {
    const file = path.join(tempDataDir(), 'audit.log');
    const log = await AuditLog.open(file, TEST_AUDIT_KEY);
    await log.record({ type: 'login.success', actorId: 'AAAAAAAAAAAAAAAAAAAAAA' });
    await log.record({ type: 'login.failure', reason: 'bad-password' });
    await log.close();
    const log2 = await AuditLog.open(file, TEST_AUDIT_KEY);
    await log2.record({ type: 'logout', actorId: 'AAAAAAAAAAAAAAAAAAAAAA' });
    await log2.close();
    expect(await verifyAuditFile(file, TEST_AUDIT_KEY, null)).toMatchObject({ ok: true, lines: 3 });
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    lines[1] = lines[1]!.replace('bad-password', 'unknown-user');
    fs.writeFileSync(file, lines.join('\n'));
    expect((await verifyAuditFile(file, TEST_AUDIT_KEY, null)).problems[0]).toMatchObject({ line: 2, kind: 'edited' });
    // Another key cannot verify it either: the key is part of what the log proves.
    expect((await verifyAuditFile(file, Buffer.alloc(32, 7), null)).ok).toBe(false);
  });

  it('refuses free text as a reason, so case content cannot be logged', async () => {
    const log = await AuditLog.open(path.join(tempDataDir(), 'audit.log'), TEST_AUDIT_KEY);
    expect(() => log.record({ type: 'access.denied', reason: 'Sarah Smith opened it' })).toThrow();
    await log.close();
  });
});
