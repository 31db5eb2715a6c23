import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AuditLog, verifyAuditFile } from '../../../server/audit/AuditLog.js';
import { tempDataDir } from '../../utils/testServer.js';

describe('AuditLog', () => {
  it('chains lines across reopen and detects an edited line', async () => {
    const file = path.join(tempDataDir(), 'audit.log');
    const log = await AuditLog.open(file);
    await log.record({ type: 'login.success', actorId: 'AAAAAAAAAAAAAAAAAAAAAA' });
    await log.record({ type: 'login.failure', reason: 'bad-password' });
    await log.close();
    const log2 = await AuditLog.open(file);
    await log2.record({ type: 'logout', actorId: 'AAAAAAAAAAAAAAAAAAAAAA' });
    await log2.close();
    expect(await verifyAuditFile(file)).toEqual({ ok: true, lines: 3 });
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    lines[1] = lines[1]!.replace('bad-password', 'unknown-user');
    fs.writeFileSync(file, lines.join('\n'));
    expect(await verifyAuditFile(file)).toEqual({ ok: false, brokenAt: 2 });
  });

  it('refuses free text as a reason, so case content cannot be logged', async () => {
    const log = await AuditLog.open(path.join(tempDataDir(), 'audit.log'));
    expect(() => log.record({ type: 'access.denied', reason: 'Sarah Smith opened it' })).toThrow();
    await log.close();
  });
});
