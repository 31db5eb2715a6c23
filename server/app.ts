import http from 'node:http';
import path from 'node:path';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { Server as SocketIOServer } from 'socket.io';
import type { Config } from './config.js';
import { MAX_SOCKET_IO_BUFFER_BYTES } from '../shared/limits.js';
import { createLogger, type Logger } from './http/logger.js';
import { ConnectionRegistry } from './realtime/ConnectionRegistry.js';
import { openStorage, type Storage } from './storage/openStorage.js';
import { type AuditLog, recordStoreCheckpoints } from './audit/AuditLog.js';
import { loadAuditKey } from './audit/auditKey.js';
import { formatAuditReport } from './audit/auditReport.js';
import { createAuthService, type AuthService } from './auth/AuthService.js';
import { defaultDocMemoryBudget } from './sync/memoryBudget.js';
import { SyncServer } from './sync/SyncServer.js';
import { apiRouter } from './routes/apiRouter.js';
import { bootstrapAdmin } from './commands/adminBootstrapper.js';
import { seedDemo } from './commands/demoSeeder.js';
import { docExists } from '../shared/docAccess.js';
import { sharedDocAccess } from './commands/evidenceDocAccess.js';
import type { DocStore, RecordStore, SessionStore } from './storage/types.js';
import { attachSocketAuth } from './realtime/socketAuth.js';
import { securityHeaders } from './http/securityHeaders.js';
import type { ResponseStore } from './workshop/ResponseStore.js';
import { TokenIssuer } from './workshop/TokenIssuer.js';
import { COUNTS_INTERVAL_MS } from '../shared/workshop/anonymity.js';
import { WorkshopHub } from './workshop/WorkshopHub.js';
import { attachFacilitatorEvents } from './workshop/facilitatorEvents.js';
import { lockDataDir, type DataDirLock } from './storage/dataDirLock.js';
import { listenAdminSocket } from './admin/adminSocket.js';
import { attachClusterAdapter } from './realtime/clusterAdapter.js';
import { handleAdminRequest } from './admin/adminRequestHandler.js';

/** Everything a route or command may use; built once per server. */
export type AppDeps = {
  config: Config;
  log: Logger;
  records: RecordStore;
  sessions: SessionStore;
  docs: DocStore;
  audit: AuditLog;
  auth: AuthService;
  registry: ConnectionRegistry;
  sync: SyncServer;
  io: SocketIOServer;
  responses: ResponseStore;
  issuer: TokenIssuer;
  hub: WorkshopHub;
  /** The origin for links the server hands out: PUBLIC_URL, else the first PUBLIC_ORIGINS entry, else where it listens. */
  publicUrl(): string;
};

/** The audit log failed verification at start-up and AUDIT_ALLOW_BROKEN is not set; the message is the report. */
export class AuditBrokenError extends Error {
  /** Carries the verification report, which names lines and kinds of problem, never case content. */
  constructor(report: string) {
    super(`${report}\nThe server will not start on a broken audit log. Investigate (docs/security.md, "Audit log"), then set AUDIT_ALLOW_BROKEN=true to start anyway.`);
  }
}

/** A running server. */
export type RunningServer = {
  url: string;
  port: number;
  deps: AppDeps;
  /** The password generated on this (first) start, to print once; null otherwise. */
  generatedPassword: string | null;
  close(): Promise<void>;
};

/**
 * Opens storage, creates the first admin and demo if the store is empty, and serves REST, the built
 * client, Yjs sync and Socket.IO on one HTTP server. Resolves once listening.
 */
export async function startServer(config: Config): Promise<RunningServer> {
  fs.mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  // One process at a time per data directory: a second server, or the admin CLI editing files, would
  // write over this server's in-memory records.
  const lock = await lockDataDir(config.dataDir);
  try {
    return await startLocked(config, lock);
  } catch (err) {
    await lock.release();
    throw err;
  }
}

async function startLocked(config: Config, lock: DataDirLock): Promise<RunningServer> {
  const log = createLogger(config.logLevel);
  const { key: auditKey } = await loadAuditKey({ dataDir: config.dataDir, envKey: config.auditKey, keyFile: config.auditKeyFile });
  const storage: Storage = await openStorage(config, auditKey);
  const { records, sessions, docs, audit, responses } = storage;
  log.info('storage.opened', { backend: storage.backend });
  audit.checkpointTo(recordStoreCheckpoints(records));
  // The log must prove itself before the server adds to it (docs/security.md, "Audit log").
  const report = await audit.verify();
  if (!report.ok) {
    if (!config.auditAllowBroken) {
      await storage.close();
      throw new AuditBrokenError(formatAuditReport(report));
    }
    const first = report.problems[0]!;
    log.error('audit.chain-broken', { line: first.line, kind: first.kind, problems: report.problems.length });
  }
  const registry = new ConnectionRegistry();
  if (storage.bus) registry.share(storage.bus);
  const auth = createAuthService({ config, records, sessions, audit, registry, throttleStore: storage.throttle });

  const boot = await bootstrapAdmin({ config, records, log });
  if (config.seedDemo && boot.created) {
    await seedDemo({ config, records, docs, audit, log, password: config.adminPassword ?? boot.generatedPassword });
  }

  const app = express();
  app.disable('x-powered-by');
  app.use(securityHeaders({ trustProxy: config.trustProxy, origins: [...(config.publicUrl ? [config.publicUrl] : []), ...config.publicOrigins] }));
  if (config.trustProxy) app.set('trust proxy', 1);

  const httpServer = http.createServer(app);
  const sync = new SyncServer({
    docs,
    log,
    registry,
    publicOrigins: config.publicOrigins,
    idleUnloadMs: config.docIdleUnloadMs,
    memoryBudgetBytes: config.docMemoryBudgetBytes ?? defaultDocMemoryBudget(),
    heartbeatMs: config.syncHeartbeatMs,
    presence: config.syncPresence,
    presenceRelay: storage.presence ?? undefined,
    authenticate: (req) => auth.fromRequest(req),
    onEdit: (ctx) => {
      void auth.touch(ctx.sessionHash).catch(() => undefined);
    },
    // Access is decided afresh for every connection from the current membership record.
    access: async (ctx, ref) => {
      if (!docExists(ref, 'agencyId' in ref ? await records.get('agencies', ref.agencyId) : null)) return 'none';
      const m = (await records.find('memberships', { userId: ctx.userId, reviewId: ref.reviewId }))[0] ?? null;
      return sharedDocAccess(records, ref, m);
    },
  });
  const io = new SocketIOServer(httpServer, {
    path: '/socket.io',
    // Socket.IO must not destroy upgrades it does not own: /yjs upgrades are handled by SyncServer.
    destroyUpgrade: false,
    maxHttpBufferSize: MAX_SOCKET_IO_BUFFER_BYTES,
    serveClient: false,
  });
  // On PostgreSQL, rooms span every node sharing the database (docs/scaling.md); set before any namespace is used.
  const endAdapter = config.databaseUrl ? await attachClusterAdapter(io, config.databaseUrl, config.databaseSchema) : null;
  attachSocketAuth(io, { auth, registry, publicOrigins: config.publicOrigins });
  // The blind-signing key of each workshop lives with its anonymous data, and is erased on close.
  const issuer = new TokenIssuer(storage.issuerKeys);
  const hub = new WorkshopHub(io, {
    records,
    sync,
    responses,
    issuer,
    log,
    publicOrigins: config.publicOrigins,
    countsIntervalMs: config.workshopCountsIntervalMs ?? COUNTS_INTERVAL_MS,
    countsSnapshots: storage.countsSnapshots,
  });

  let listeningUrl = 'http://localhost';
  const deps: AppDeps = {
    config,
    log,
    records,
    sessions,
    docs,
    audit,
    auth,
    registry,
    sync,
    io,
    responses,
    issuer,
    hub,
    publicUrl: () => config.publicUrl ?? config.publicOrigins[0] ?? listeningUrl,
  };
  attachFacilitatorEvents(deps);
  app.use('/api', apiRouter(deps));
  if (config.clientDir && fs.existsSync(path.join(config.clientDir, 'index.html'))) {
    const indexHtml = path.join(config.clientDir, 'index.html');
    app.use(express.static(config.clientDir, { index: false, maxAge: '1h' }));
    // The client routes in the browser; any non-API GET serves the app shell.
    app.get(/^\/(?!api\/|yjs\/|socket\.io\/).*/, (_req, res) => res.sendFile(indexHtml));
  }

  httpServer.on('upgrade', (req, socket, head) => {
    if ((req.url ?? '').startsWith('/yjs/')) void sync.handleUpgrade(req, socket, head);
    // Other upgrade paths are Socket.IO's (it registers its own listener) or unknown; unknown ones
    // are closed by Socket.IO only for its own path, so close them here after it had its turn.
    else if (!(req.url ?? '').startsWith('/socket.io/')) socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, () => resolve());
  });
  const port = (httpServer.address() as AddressInfo).port;
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  listeningUrl = url;
  const adminSocket = await listenAdminSocket(config.dataDir, log, (req) => handleAdminRequest({ ...deps, backup: (file) => storage.backup(file) }, req));
  log.info('server.listening', { port });

  let closing: Promise<void> | null = null;
  return {
    url,
    port,
    deps,
    generatedPassword: boot.generatedPassword,
    close() {
      closing ??= (async () => {
        auth.close();
        io.close();
        await endAdapter?.();
        hub.counts.close();
        await sync.close();
        await new Promise<void>((resolve) => httpServer.close(() => resolve()));
        httpServer.closeAllConnections();
        await adminSocket.close();
        // The last checkpoint goes to the record store, so it is written before that closes.
        await audit.checkpoint();
        await storage.close();
        await lock.release();
      })();
      return closing;
    },
  };
}
