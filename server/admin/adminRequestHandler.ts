import type { AdminReply, AdminRequest } from '../../shared/schemas/admin.js';
import type { RecordStore } from '../storage/types.js';
import type { AuditLog } from '../audit/AuditLog.js';
import { createAdmin, resetPassword, type SessionEnder } from '../commands/userAdministrator.js';
import { disableUser } from '../commands/userDisabler.js';
import { HttpError } from '../http/errors.js';
import { formatAuditReport } from '../audit/auditReport.js';
import { BackupError, type BackupSummary } from '../storage/backup.js';

/**
 * Runs one admin CLI request against the stores: inside the running server (through the admin socket)
 * or in the CLI itself while it holds the data directory lock. The actor is null: the command line.
 */
export async function handleAdminRequest(
  deps: { records: RecordStore; audit: AuditLog; auth: SessionEnder; backup: (file: string) => Promise<BackupSummary> },
  req: AdminRequest,
): Promise<AdminReply> {
  try {
    if (req.command === 'backup') {
      const b = await deps.backup(req.file);
      await deps.audit.record({ type: 'data.backed-up', actorId: null });
      return { ok: true, message: `Backup written to ${b.file}: ${b.docs} documents, ${b.workshops} workshops, ${b.auditLines} audit lines, ${b.bytes} bytes.` };
    }
    if (req.command === 'verify-audit') {
      const report = await deps.audit.verify();
      return { ok: report.ok, message: formatAuditReport(report) };
    }
    if (req.command === 'create-admin') {
      const result = await createAdmin(deps, null, req);
      return { ok: true, message: `Account ${result}.` };
    }
    if (req.command === 'reset-password') {
      await resetPassword(deps, null, req);
      return { ok: true, message: 'Password reset; the user\u2019s sessions have ended.' };
    }
    const user = (await deps.records.find('users', { email: req.email }))[0];
    if (!user) return { ok: false, message: 'No such user.' };
    await disableUser(deps, null, user.id);
    return { ok: true, message: 'User disabled and signed out.' };
  } catch (err) {
    if (err instanceof HttpError || err instanceof BackupError) return { ok: false, message: err.message };
    throw err;
  }
}
