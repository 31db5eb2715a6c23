import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { AdminRequestSchema, type AdminReply } from '../shared/schemas/admin.js';
import { loadConfig, type Config } from './config.js';
import { loadAuditKey } from './audit/auditKey.js';
import { openStorage } from './storage/openStorage.js';
import { DataDirLockedError, LOCK_FILE, lockDataDir, type DataDirLock } from './storage/dataDirLock.js';
import { BackupError, restoreEmbedded } from './storage/backup.js';
import { formatAuditReport } from './audit/auditReport.js';
import { AuditLog, recordStoreCheckpoints } from './audit/AuditLog.js';
import { sendAdminRequest } from './admin/adminSocket.js';
import { handleAdminRequest } from './admin/adminRequestHandler.js';

/**
 * Administration without the web UI: `npm run admin -- <command> --email <email>`.
 *   create-admin     creates (or promotes) a partnership admin
 *   reset-password   sets a new password and ends the user's sessions
 *   disable-user     stops a user signing in and ends their sessions
 *   verify-audit     verifies the audit log's keyed chain and checkpoint, and prints the chain head
 *   backup <file>    writes a consistent backup of the embedded store to a new file, while the server runs or not
 *   restore <file>   restores a backup into an empty DATA_DIR (server stopped), then verifies its audit chain
 * The password comes from ADMIN_PASSWORD or a prompt, never from the command line (shell history).
 * With the server running, the command is sent to it over its admin socket in DATA_DIR, so the server
 * changes its own records, closes the user's sockets and audits it. With the server stopped, the CLI
 * takes the data directory lock (which the server honours at start) and does the same itself.
 */
async function main(argv: string[]): Promise<number> {
  const [command, fileArg] = argv;
  const emailAt = argv.indexOf('--email');
  const email = emailAt >= 0 ? argv[emailAt + 1] : undefined;
  const withFile = (command === 'backup' || command === 'restore') && !!fileArg && argv.length === 2;
  const valid = command === 'verify-audit' || withFile || (!!email && ['create-admin', 'reset-password', 'disable-user'].includes(command ?? ''));
  if (!valid) {
    process.stderr.write(
      'usage: npm run admin -- create-admin|reset-password|disable-user --email someone@example.org\n       npm run admin -- verify-audit\n       npm run admin -- backup|restore <file>\n',
    );
    return 2;
  }
  const config = loadConfig(process.env);
  if (command === 'restore') return restore(config, path.resolve(fileArg!));
  if (command === 'backup' && config.databaseUrl) {
    process.stderr.write('This server keeps its data in PostgreSQL: back it up with pg_dump (docs/storage.md, "Backup and restore").\n');
    return 1;
  }
  let password: string | undefined;
  if (command === 'create-admin' || command === 'reset-password') {
    password = process.env.ADMIN_PASSWORD;
    if (!password) {
      const rl = createInterface({ input: process.stdin, output: process.stdout });
      password = await rl.question('New password (at least 12 characters): ');
      rl.close();
    }
  }
  const parsed = AdminRequestSchema.safeParse({
    command,
    ...(email === undefined ? {} : { email: email.trim() }),
    ...(password === undefined ? {} : { password }),
    // The server may run from another folder: it gets the path as the operator meant it.
    ...(command === 'backup' ? { file: path.resolve(fileArg!) } : {}),
  });
  if (!parsed.success) {
    process.stderr.write(`${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}\n`);
    return 1;
  }
  const reply = (await sendAdminRequest(config.dataDir, parsed.data)) ?? (await runOffline(config, parsed.data));
  (reply.ok ? process.stdout : process.stderr).write(`${reply.message}\n`);
  return reply.ok ? 0 : 1;
}

/** No server is listening: take the data directory lock and run the command on the stores directly. */
async function runOffline(config: Config, req: ReturnType<typeof AdminRequestSchema.parse>): Promise<AdminReply> {
  const dataDir = config.dataDir;
  let lock: DataDirLock;
  try {
    lock = await lockDataDir(dataDir);
  } catch (err) {
    if (err instanceof DataDirLockedError) {
      return { ok: false, message: `A server (pid ${err.holderPid}) holds this data directory but its admin socket does not answer. Try again once it has started, or stop it.` };
    }
    throw err;
  }
  try {
    // A key is generated only for a log that has no lines yet (a fresh install administered before the
    // first start): a new key for an existing log would make every line fail verification.
    const logFile = path.join(dataDir, 'audit.log');
    // PostgreSQL holds its own chain; a key is never generated for it here (the server's first start does).
    const empty = config.databaseUrl
      ? false
      : await stat(logFile).then(
          (st) => st.size === 0,
          () => true,
        );
    const generate = empty && req.command !== 'verify-audit';
    const { key } = await loadAuditKey({ dataDir, envKey: config.auditKey, keyFile: config.auditKeyFile, generate });
    const storage = await openStorage(config, key);
    const { records, sessions, audit } = storage;
    audit.checkpointTo(recordStoreCheckpoints(records));
    try {
      // Offline there are no sockets to close; ending the stored sessions signs the user out everywhere.
      const auth = {
        endUserSessions: async (userId: string) => {
          await sessions.deleteForUser(userId);
        },
      };
      return await handleAdminRequest({ records, audit, auth, backup: (file) => storage.backup(file) }, req);
    } finally {
      await audit.checkpoint();
      await storage.close();
    }
  } finally {
    await lock.release();
  }
}

/**
 * Restores a backup into an empty data directory with no server running on it, then opens the
 * restored store (replaying any audit outbox, as after a crash) and verifies its audit chain with the
 * configured key, which must be the key of the server that was backed up.
 */
async function restore(config: Config, file: string): Promise<number> {
  if (config.databaseUrl) {
    process.stderr.write('This server keeps its data in PostgreSQL: restore with pg_restore or psql (docs/storage.md, "Backup and restore").\n');
    return 1;
  }
  const dataDir = config.dataDir;
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  let lock: DataDirLock;
  try {
    lock = await lockDataDir(dataDir);
  } catch (err) {
    if (err instanceof DataDirLockedError) {
      process.stderr.write(`A server (pid ${err.holderPid}) is using ${dataDir}. Restore into a new, empty DATA_DIR with no server running.\n`);
      return 1;
    }
    throw err;
  }
  try {
    // The key first: without the backed-up server's key the restored log could never be verified.
    const keyed = await loadAuditKey({ dataDir, envKey: config.auditKey, keyFile: config.auditKeyFile, generate: false }).catch((err: unknown) => {
      process.stderr.write(`${(err as Error).message} Nothing was restored.\n`);
      return null;
    });
    if (!keyed) return 1;
    const summary = await restoreEmbedded(file, dataDir, [LOCK_FILE]).catch((err: unknown) => {
      if (err instanceof BackupError) {
        process.stderr.write(`${err.message} Nothing was restored.\n`);
        return null;
      }
      throw err;
    });
    if (!summary) return 1;
    const { key } = keyed;
    const storage = await openStorage(config, key);
    try {
      storage.audit.checkpointTo(recordStoreCheckpoints(storage.records));
      await storage.audit.record({ type: 'data.restored', actorId: null });
      const report = await storage.audit.verify();
      process.stdout.write(`Restored ${summary.docs} documents and ${summary.workshops} workshops into ${dataDir}. Everyone signs in again.\n`);
      (report.ok ? process.stdout : process.stderr).write(`${formatAuditReport(report)}\n`);
      if (!report.ok) process.stderr.write('The audit chain does not verify: is AUDIT_KEY (or AUDIT_KEY_FILE) the key of the server that made this backup?\n');
      return report.ok ? 0 : 1;
    } finally {
      await storage.audit.checkpoint();
      await storage.close();
    }
  } finally {
    await lock.release();
  }
}

process.exitCode = await main(process.argv.slice(2)).catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : 'Failed.'}\n`);
  return 1;
});
