import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AuditLog, verifyAuditFile } from '../../../server/audit/AuditLog.js';
import { JsonRecordStore } from '../../../server/storage/JsonRecordStore.js';
import { newId } from '../../../shared/ids.js';
import { TEST_AUDIT_KEY, tempDataDir } from '../../utils/testServer.js';

const lines = (file: string) =>
  fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { type: string; targetId?: string });

describe('records and their audit events', () => {
  it('writes a commit and its audit line together', async () => {
    const dir = tempDataDir();
    const auditFile = path.join(dir, 'audit.log');
    const audit = await AuditLog.open(auditFile, TEST_AUDIT_KEY);
    const store = await JsonRecordStore.open(path.join(dir, 'records.json'), audit);
    const p = { id: newId(), name: 'Partnership' };
    await store.commit([{ op: 'put', collection: 'partnerships', record: p }], { audit: [{ type: 'lifecycle.settings-saved', targetId: p.id }] });
    expect(lines(auditFile)).toEqual([expect.objectContaining({ type: 'lifecycle.settings-saved', targetId: p.id })]);
    await store.close();
    await audit.close();
  });

  it('keeps a durable change when its audit append fails, and appends the line exactly once later', async () => {
    const dir = tempDataDir();
    const auditFile = path.join(dir, 'audit.log');
    const broken = await AuditLog.open(auditFile, TEST_AUDIT_KEY);
    await broken.record({ type: 'login.success', actorId: newId() });
    // A closed file handle makes the next append fail for real (EBADF).
    await broken.close();
    const store = await JsonRecordStore.open(path.join(dir, 'records.json'), broken);
    const p = { id: newId(), name: 'Partnership' };
    // The change is durable, so the commit must not report failure ("nothing was changed").
    await store.commit([{ op: 'put', collection: 'partnerships', record: p }], { audit: [{ type: 'lifecycle.settings-saved', targetId: p.id }] });
    expect(await store.get('partnerships', p.id)).toEqual(p);
    expect(lines(auditFile)).toHaveLength(1);
    await store.close();

    // The next start appends what the outbox still holds, once.
    for (let i = 0; i < 2; i++) {
      const audit = await AuditLog.open(auditFile, TEST_AUDIT_KEY);
      const again = await JsonRecordStore.open(path.join(dir, 'records.json'), audit);
      expect(await again.get('partnerships', p.id)).toEqual(p);
      await again.close();
      await audit.close();
    }
    expect(lines(auditFile).map((l) => l.type)).toEqual(['login.success', 'lifecycle.settings-saved']);
    expect(await verifyAuditFile(auditFile, TEST_AUDIT_KEY, null)).toMatchObject({ ok: true, lines: 2 });
  });
});
