import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { parseDocName, type DocRef } from '../../shared/docNames.js';
import type { Access } from '../../shared/docAccess.js';
import { MAX_YJS_FRAME_BYTES } from '../../shared/limits.js';
import type { AuthContext } from '../auth/types.js';
import type { Logger } from '../http/logger.js';
import { isAllowedOrigin } from '../http/origin.js';
import type { ConnectionRegistry } from '../realtime/ConnectionRegistry.js';
import type { DocStore } from '../storage/types.js';
import { DocRoom, type Conn } from './DocRoom.js';

/** What the sync server needs from the rest of the app. */
export type SyncServerOptions = {
  docs: DocStore;
  log: Logger;
  registry: ConnectionRegistry;
  publicOrigins: readonly string[];
  /** Unload a doc this long after its last connection closed. */
  idleUnloadMs: number;
  authenticate: (req: IncomingMessage) => AuthContext | null;
  access: (ctx: AuthContext, ref: DocRef) => Access;
};

/** The close code sent when the server ends a socket because the user's access changed. */
export const CLOSE_ACCESS_CHANGED = 4001;

/**
 * Our y-websocket protocol server at /yjs/<docName>, built on y-protocols. Every check happens before
 * the WebSocket upgrade: the doc name must parse, the Origin must be ours, the session must be live,
 * and the user's role in that review must grant at least read access. A refused upgrade gets a plain
 * HTTP status and never becomes a socket.
 */
export class SyncServer {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: MAX_YJS_FRAME_BYTES });
  private readonly rooms = new Map<string, DocRoom>();
  private readonly unloadTimers = new Map<string, NodeJS.Timeout>();
  /** Unloads in progress, so that a doc reopened meanwhile loads only after the final compaction. */
  private readonly unloading = new Map<string, Promise<void>>();

  /** Creates the server; it serves nothing until handleUpgrade is called. */
  constructor(private readonly opts: SyncServerOptions) {}

  /** Authorises and upgrades one /yjs request, or answers it with 4xx and destroys the socket. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const refuse = (status: number, text: string) => {
      socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      socket.destroy();
    };
    let name: string;
    try {
      name = decodeURIComponent(new URL(req.url ?? '', 'http://localhost').pathname.slice('/yjs/'.length));
    } catch {
      return refuse(404, 'Not Found');
    }
    const ref = parseDocName(name);
    if (!ref) return refuse(404, 'Not Found');
    if (!isAllowedOrigin(req, this.opts.publicOrigins)) return refuse(403, 'Forbidden');
    const ctx = this.opts.authenticate(req);
    if (!ctx) return refuse(401, 'Unauthorized');
    const access = this.opts.access(ctx, ref);
    // Same answer for "no such review" and "not yours", so review ids cannot be probed.
    if (access === 'none') return refuse(404, 'Not Found');
    this.wss.handleUpgrade(req, socket, head, (ws) => this.onConnection(ws, name, ctx, access));
  }

  private onConnection(ws: WebSocket, name: string, ctx: AuthContext, access: Access): void {
    ws.binaryType = 'nodebuffer';
    const room = this.room(name);
    const conn: Conn = { ws, ctx, access, clientIds: new Set() };
    room.add(conn);
    const unregister = this.opts.registry.add({
      sessionHash: ctx.sessionHash,
      userId: ctx.userId,
      close: () => ws.close(CLOSE_ACCESS_CHANGED, 'access changed'),
    });
    ws.on('message', (data: Buffer, isBinary: boolean) => {
      if (!isBinary) return ws.close(1003, 'binary only');
      room.receive(conn, new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    });
    // ws emits 'error' for oversized or invalid frames and then closes; only this socket is affected.
    ws.on('error', () => undefined);
    ws.on('close', () => {
      unregister();
      room.remove(ws);
      if (room.conns.size === 0 && this.rooms.get(name) === room) this.scheduleUnload(name, room);
    });
    room.ready.catch(() => {
      this.opts.log.error('sync.load-failed', {});
      ws.close(1011, 'load failed');
    });
  }

  private room(name: string): DocRoom {
    const timer = this.unloadTimers.get(name);
    if (timer) {
      clearTimeout(timer);
      this.unloadTimers.delete(name);
    }
    let room = this.rooms.get(name);
    if (!room) {
      const after = this.unloading.get(name) ?? Promise.resolve();
      room = new DocRoom(name, this.opts.docs, this.opts.log, after, (failed) => {
        if (this.rooms.get(name) === failed) this.rooms.delete(name);
        void failed.unload();
      });
      this.rooms.set(name, room);
    }
    return room;
  }

  private scheduleUnload(name: string, room: DocRoom): void {
    const timer = setTimeout(() => {
      this.unloadTimers.delete(name);
      if (room.conns.size > 0 || this.rooms.get(name) !== room) return;
      this.rooms.delete(name);
      const done = room.unload().catch(() => undefined).finally(() => {
        if (this.unloading.get(name) === done) this.unloading.delete(name);
      });
      this.unloading.set(name, done);
    }, this.opts.idleUnloadMs);
    timer.unref();
    this.unloadTimers.set(name, timer);
  }

  /** Number of docs in memory (for tests and health). */
  get loadedDocs(): number {
    return this.rooms.size;
  }

  /** Closes every socket and writes every loaded doc's pending updates. */
  async close(): Promise<void> {
    for (const t of this.unloadTimers.values()) clearTimeout(t);
    this.unloadTimers.clear();
    for (const ws of this.wss.clients) ws.terminate();
    const rooms = [...this.rooms.values()];
    this.rooms.clear();
    await Promise.all([...rooms.map((r) => r.unload().catch(() => undefined)), ...this.unloading.values()]);
    this.wss.close();
  }
}
