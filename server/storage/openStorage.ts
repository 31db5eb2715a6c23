import fs from 'node:fs';
import path from 'node:path';
import { AuditLog, chainLine, type AuditLine } from '../audit/AuditLog.js';
import { openDocStore } from './openDocStore.js';
import { openRecordStore } from './openRecordStore.js';
import { openResponseStore } from './openResponseStore.js';
import { openSessionStore } from './openSessionStore.js';
import { migrate } from './pg/migrations.js';
import { PgAuditStore } from './pg/PgAuditStore.js';
import { PgDocStore } from './pg/PgDocStore.js';
import { PgRecordStore } from './pg/PgRecordStore.js';
import { PgResponseStore } from './pg/PgResponseStore.js';
import { PgSessionStore } from './pg/PgSessionStore.js';
import { openPgPool } from './pg/pool.js';
import type { DocStore, RecordStore, ResponseStore, SessionStore } from './types.js';

/** Every store the server uses, from one backend. */
export type Storage = {
  backend: 'embedded' | 'postgres';
  records: RecordStore;
  sessions: SessionStore;
  docs: DocStore;
  responses: ResponseStore;
  audit: AuditLog;
  /** Waits for pending writes and releases files and connections. */
  close(): Promise<void>;
};

/** Where to keep data: PostgreSQL when `databaseUrl` is set, otherwise the embedded files under `dataDir`. */
export type StorageConfig = { dataDir: string; databaseUrl?: string | undefined; databaseSchema?: string | undefined; historyMaxEntries?: number | undefined };

/**
 * Opens every store, with the audit log keyed by `auditKey` (server/audit/auditKey.ts). PostgreSQL (`DATABASE_URL`) runs its migrations first; the embedded backend needs
 * no set-up beyond its data directory (created mode 0700).
 */
export async function openStorage(config: StorageConfig, auditKey: Uint8Array): Promise<Storage> {
  if (config.databaseUrl) return openPostgres(config.databaseUrl, config.databaseSchema, auditKey, config.historyMaxEntries);
  fs.mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  const audit = await AuditLog.open(path.join(config.dataDir, 'audit.log'), auditKey);
  const records = await openRecordStore(config.dataDir, audit);
  const sessions = await openSessionStore(config.dataDir);
  const docs = await openDocStore(path.join(config.dataDir, 'docs'), config.historyMaxEntries);
  const responses = openResponseStore(config.dataDir);
  return {
    backend: 'embedded', records, sessions, docs, responses, audit,
    async close() {
      await Promise.all([records.close(), sessions.close(), docs.close(), responses.close()]);
      await audit.close();
    },
  };
}

async function openPostgres(url: string, schema: string | undefined, auditKey: Uint8Array, historyMaxEntries?: number): Promise<Storage> {
  const pool = await openPgPool(url, schema);
  try {
    await migrate(pool);
  } catch (err) {
    await pool.end();
    throw err;
  }
  const auditStore = new PgAuditStore<AuditLine>(pool);
  const audit = AuditLog.over(auditStore, auditKey);
  // Audit lines written inside a record transaction are keyed like every other line.
  const records = new PgRecordStore(pool, auditStore as PgAuditStore<never>, (head, event, at) => chainLine(head, event, at, auditKey));
  const sessions = new PgSessionStore(pool);
  const docs = new PgDocStore(pool, historyMaxEntries);
  const responses = new PgResponseStore(pool);
  return {
    backend: 'postgres', records, sessions, docs, responses, audit,
    async close() {
      await Promise.all([records.close(), sessions.close(), docs.close(), responses.close()]);
      await audit.close();
      await pool.end();
    },
  };
}
