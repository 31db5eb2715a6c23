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
import { BackupError, backupEmbedded, type BackupSummary } from './backup.js';
import { FileIssuerKeyStore } from './FileIssuerKeyStore.js';
import { PgIssuerKeyStore } from './pg/PgIssuerKeyStore.js';
import type pg from 'pg';
import { PgNodeBus } from './pg/PgNodeBus.js';
import { MemoryCountsSnapshots } from './MemoryCountsSnapshots.js';
import { MemoryThrottleStore } from './MemoryThrottleStore.js';
import { PgThrottleStore } from './pg/PgThrottleStore.js';
import { PgPresenceRelay } from './pg/PgPresenceRelay.js';
import { PgCountsSnapshots } from './pg/PgCountsSnapshots.js';
import type { CountsSnapshotStore, DocStore, IssuerKeyStore, PresenceRelay, ThrottleStore, NodeBus, RecordStore, ResponseStore, SessionStore } from './types.js';

/** Every store the server uses, from one backend. */
export type Storage = {
  backend: 'embedded' | 'postgres';
  records: RecordStore;
  sessions: SessionStore;
  docs: DocStore;
  responses: ResponseStore;
  /** Messages between the nodes sharing a database; null for the embedded store, which serves one node. */
  bus: NodeBus | null;
  /** The PostgreSQL pool (for the Socket.IO adapter); null for the embedded store. */
  pool: pg.Pool | null;
  /** Each workshop's blind-signing key pair, kept with its answers. */
  issuerKeys: IssuerKeyStore;
  /** The facilitators' last pushed workshop counts. */
  countsSnapshots: CountsSnapshotStore;
  /** The sign-in throttle's counters. */
  throttle: ThrottleStore;
  /** Presence shared between the nodes; null for the embedded store, which serves one node. */
  presence: PresenceRelay | null;
  audit: AuditLog;
  /** Writes a consistent backup to a new file while the server runs (embedded only: PostgreSQL uses pg_dump). */
  backup(file: string): Promise<BackupSummary>;
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
    backend: 'embedded',
    records,
    sessions,
    docs,
    responses,
    audit,
    bus: null,
    pool: null,
    issuerKeys: new FileIssuerKeyStore(path.join(config.dataDir, 'workshops')),
    countsSnapshots: new MemoryCountsSnapshots(),
    throttle: new MemoryThrottleStore(),
    presence: null,
    backup: (file) => backupEmbedded(config.dataDir, docs, file),
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
  // Every node listens for the others (docs/scaling.md): one connection per node, apart from the pool.
  const bus = await PgNodeBus.open(url, pool, schema).catch(async (err: unknown) => {
    await pool.end();
    throw err;
  });
  const docs = new PgDocStore(pool, historyMaxEntries, bus);
  const responses = new PgResponseStore(pool);
  return {
    backend: 'postgres',
    records,
    sessions,
    docs,
    responses,
    audit,
    bus,
    pool,
    issuerKeys: new PgIssuerKeyStore(pool),
    countsSnapshots: new PgCountsSnapshots(pool),
    throttle: new PgThrottleStore(pool, auditKey),
    presence: new PgPresenceRelay(pool, bus),
    backup: () => Promise.reject(new BackupError('This server keeps its data in PostgreSQL: back it up with pg_dump (docs/storage.md, "Backup and restore").')),
    async close() {
      await Promise.all([records.close(), sessions.close(), docs.close(), responses.close()]);
      await audit.close();
      await bus.close();
      await pool.end();
    },
  };
}
