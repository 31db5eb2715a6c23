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
import type { AuditLog } from './audit/AuditLog.js';
import { createAuthService, type AuthService } from './auth/AuthService.js';
import { SyncServer } from './sync/SyncServer.js';
import { apiRouter } from './routes/apiRouter.js';
import { bootstrapAdmin } from './commands/adminBootstrapper.js';
import { seedDemo } from './commands/demoSeeder.js';
import { docAccess } from '../shared/docAccess.js';
import type { DocStore, RecordStore, SessionStore } from './storage/types.js';
import { attachSocketAuth } from './realtime/socketAuth.js';
import { securityHeaders } from './http/securityHeaders.js';
import type { ResponseStore } from './workshop/ResponseStore.js';
import { WorkshopHub } from './workshop/WorkshopHub.js';
import { attachFacilitatorEvents } from './workshop/facilitatorEvents.js';

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
  hub: WorkshopHub;
};

/** A running server. */
export type RunningServer = {
  url: string;
  port: number;
  deps: AppDeps;
  close(): Promise<void>;
};

/**
 * Opens storage, creates the first admin and demo if the store is empty, and serves REST, the built
 * client, Yjs sync and Socket.IO on one HTTP server. Resolves once listening.
 */
export async function startServer(config: Config): Promise<RunningServer> {
  fs.mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  const log = createLogger(config.logLevel);
  const storage: Storage = await openStorage(config);
  const { records, sessions, docs, audit, responses } = storage;
  log.info('storage.opened', { backend: storage.backend });
  const registry = new ConnectionRegistry();
  const auth = createAuthService({ config, records, sessions, audit, registry });

  const boot = await bootstrapAdmin({ config, records, log });
  if (config.seedDemo && boot.created) {
    await seedDemo({ config, records, docs, audit, log, password: config.adminPassword ?? boot.generatedPassword });
  }

  const app = express();
  app.disable('x-powered-by');
  app.use(securityHeaders);
  if (config.trustProxy) app.set('trust proxy', 1);

  const httpServer = http.createServer(app);
  const sync = new SyncServer({
    docs,
    log,
    registry,
    publicOrigins: config.publicOrigins,
    idleUnloadMs: config.docIdleUnloadMs,
    heartbeatMs: config.syncHeartbeatMs,
    authenticate: (req) => auth.fromRequest(req),
    // Access is decided afresh for every connection from the current membership record.
    access: async (ctx, ref) => {
      const m = (await records.find('memberships', { userId: ctx.userId, reviewId: ref.reviewId }))[0] ?? null;
      return docAccess(ref, m);
    },
  });
  const io = new SocketIOServer(httpServer, {
    path: '/socket.io',
    // Socket.IO must not destroy upgrades it does not own: /yjs upgrades are handled by SyncServer.
    destroyUpgrade: false,
    maxHttpBufferSize: MAX_SOCKET_IO_BUFFER_BYTES,
    serveClient: false,
  });
  attachSocketAuth(io, { auth, registry, publicOrigins: config.publicOrigins });
  const hub = new WorkshopHub(io, { records, sync, responses, log, publicOrigins: config.publicOrigins });

  const deps: AppDeps = { config, log, records, sessions, docs, audit, auth, registry, sync, io, responses, hub };
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
  log.info('server.listening', { port });

  let closing: Promise<void> | null = null;
  return {
    url,
    port,
    deps,
    close() {
      closing ??= (async () => {
        io.close();
        await sync.close();
        await new Promise<void>((resolve) => httpServer.close(() => resolve()));
        httpServer.closeAllConnections();
        await storage.close();
      })();
      return closing;
    },
  };
}
