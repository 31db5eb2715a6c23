import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import * as Y from 'yjs';
import { WebSocketServer, type WebSocket } from 'ws';
import { parseDocName, type DocRef } from '../../shared/docNames.js';
import type { Access } from '../../shared/docAccess.js';
import { MAX_YJS_FRAME_BYTES } from '../../shared/limits.js';
import type { AuthContext } from '../auth/types.js';
import type { Logger } from '../http/logger.js';
import { isAllowedOrigin } from '../http/origin.js';
import type { ConnectionRegistry } from '../realtime/ConnectionRegistry.js';
import type { DocStore, PresenceRelay } from '../storage/types.js';
import type { DocHistory } from '../storage/history.js';
import { DocRoom, OnBehalfOf, type Conn } from './DocRoom.js';
import { connBudgets } from './connLimits.js';
import type { PresenceTiming } from './presenceHub.js';
import { docMemoryEstimate, docsToUnload } from './memoryBudget.js';

/** What the sync server needs from the rest of the app. */
export type SyncServerOptions = {
  docs: DocStore;
  log: Logger;
  registry: ConnectionRegistry;
  publicOrigins: readonly string[];
  /** Unload a doc this long after its last connection closed. */
  idleUnloadMs: number;
  /**
   * Estimated memory (memoryBudget.ts) the loaded docs may hold; past it the coldest docs without
   * connections are unloaded at once rather than after idleUnloadMs. Unlimited when not given.
   */
  memoryBudgetBytes?: number;
  /** Heartbeat interval; tests shorten it. */
  heartbeatMs?: number;
  /** Presence batching and keepalive intervals; tests change them. */
  presence?: PresenceTiming;
  /** Presence shared with the other nodes on one database; absent on one node. */
  presenceRelay?: PresenceRelay | undefined;
  authenticate: (req: IncomingMessage) => Promise<AuthContext | null>;
  access: (ctx: AuthContext, ref: DocRef) => Promise<Access>;
  /** Called when a connection sends a document update, so edits count towards the session's idle timer. */
  onEdit?: (ctx: AuthContext) => void;
};

/** The close code sent when the server ends a socket because the user's access changed. */
export const CLOSE_ACCESS_CHANGED = 4001;

/** How often sockets are pinged; a socket that misses one ping is terminated at the next. */
export const HEARTBEAT_MS = 15_000;

/** How long a socket closed for an access change may take to finish the close handshake. */
const CLOSE_GRACE_MS = 2_000;

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

  /** Pings every socket; one that did not answer the previous ping is gone (laptop lid, lost network). */
  private readonly heartbeat: NodeJS.Timeout;
  private readonly alive = new WeakSet<WebSocket>();
  private lastBeat = Date.now();
  /** A use counter: each use of a room stamps it with the next value, so the coldest has the lowest. */
  private uses = 0;
  /** Docs unloaded because the loaded docs exceeded the memory budget (for tests and health). */
  budgetUnloads = 0;

  /** Creates the server; it serves nothing until handleUpgrade is called. */
  constructor(private readonly opts: SyncServerOptions) {
    // A dead socket would otherwise stay in its room for ever: its presence would linger, a tab that
    // reconnects with the same client id could not update it, and the doc could never unload.
    const every = opts.heartbeatMs ?? HEARTBEAT_MS;
    this.heartbeat = setInterval(() => {
      // A busy event loop must not read as dead sockets. Timers run before pending I/O is read, so the
      // judgement waits for setImmediate, after the poll phase has read the pongs that already arrived;
      // and a beat that comes late (the loop was blocked) judges nobody, it only pings again.
      const now = Date.now();
      const late = now - this.lastBeat > every * 1.5;
      this.lastBeat = now;
      setImmediate(() => {
        for (const ws of this.wss.clients) {
          if (!this.alive.has(ws) && !late) {
            ws.terminate();
            continue;
          }
          this.alive.delete(ws);
          ws.ping();
        }
      });
    }, every);
    this.heartbeat.unref();
  }

  /** Authorises and upgrades one /yjs request, or answers it with 4xx and destroys the socket. */
  async handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const refuse = (status: number, text: string) => {
      // A plain HTTP answer on the raw socket; destroy it once the answer is flushed.
      socket.on('error', () => socket.destroy());
      socket.once('finish', () => socket.destroy());
      socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: 0\r\n\r\n`);
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
    let ctx: AuthContext | null;
    let access: Access;
    try {
      ctx = await this.opts.authenticate(req);
      access = ctx ? await this.opts.access(ctx, ref) : 'none';
    } catch {
      // The session or record store failed; refuse rather than let the upgrade listener throw.
      this.opts.log.error('sync.authorise-failed', {});
      return refuse(500, 'Internal Server Error');
    }
    // The client may have gone while the stores answered; there is nothing left to upgrade.
    if (socket.destroyed) return;
    if (!ctx) return refuse(401, 'Unauthorized');
    // Same answer for "no such review" and "not yours", so review ids cannot be probed.
    if (access === 'none') return refuse(404, 'Not Found');
    const who = ctx;
    this.wss.handleUpgrade(req, socket, head, (ws) => this.onConnection(ws, name, who, access, ref.reviewId));
  }

  private onConnection(ws: WebSocket, name: string, ctx: AuthContext, access: Access, reviewId: string): void {
    ws.binaryType = 'nodebuffer';
    this.alive.add(ws);
    ws.on('pong', () => this.alive.add(ws));
    const room = this.room(name);
    const conn: Conn = { ws, ctx, access, clientIds: new Set(), budgets: connBudgets(Date.now()) };
    room.add(conn);
    const unregister = this.opts.registry.add({
      sessionHash: ctx.sessionHash,
      userId: ctx.userId,
      reviewId,
      close: () => {
        // Stop serving at once: later frames are ignored and nothing more is sent, even before the
        // close handshake completes; a client that never answers it is cut off shortly after.
        room.remove(ws);
        ws.close(CLOSE_ACCESS_CHANGED, 'access changed');
        setTimeout(() => ws.terminate(), CLOSE_GRACE_MS).unref();
      },
    });
    ws.on('message', (data: Buffer, isBinary: boolean) => {
      // Any frame shows the peer is there, as a pong does.
      this.alive.add(ws);
      if (!isBinary) return ws.close(1003, 'binary only');
      room.lastUsed = ++this.uses;
      // [0 = sync, 2 = update] is an edit by the user; sync steps and presence pings are not activity.
      if (data[0] === 0 && data[1] === 2) this.opts.onEdit?.(ctx);
      room.receive(conn, new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    });
    // ws emits 'error' for oversized or invalid frames and then closes; only this socket is affected.
    ws.on('error', () => undefined);
    ws.on('close', () => {
      unregister();
      room.remove(ws);
      if (room.conns.size === 0 && this.rooms.get(name) === room) {
        this.scheduleUnload(name, room);
        this.enforceBudget();
      }
    });
    room.ready.catch(() => ws.close(1011, 'load failed'));
  }

  private room(name: string): DocRoom {
    const timer = this.unloadTimers.get(name);
    if (timer) {
      clearTimeout(timer);
      this.unloadTimers.delete(name);
    }
    let room = this.rooms.get(name);
    if (room) room.lastUsed = ++this.uses;
    if (!room) {
      const after = this.unloading.get(name) ?? Promise.resolve();
      room = new DocRoom(
        name,
        this.opts.docs,
        this.opts.log,
        after,
        (failed) => {
          if (this.rooms.get(name) === failed) this.rooms.delete(name);
          void failed.unload();
        },
        this.opts.presence,
        this.opts.presenceRelay,
      );
      this.rooms.set(name, room);
      room.lastUsed = ++this.uses;
      const loading = room;
      // A doc that has just loaded may take the loaded docs past the budget.
      loading.ready.then(
        () => this.enforceBudget(),
        () => undefined,
      );
      loading.ready.catch(() => {
        // Storage could not be read: forget the room so that the next connection tries again.
        this.opts.log.error('sync.load-failed', { kind: loading.kind });
        if (this.rooms.get(name) === loading) this.rooms.delete(name);
      });
    }
    return room;
  }

  private scheduleUnload(name: string, room: DocRoom): void {
    const existing = this.unloadTimers.get(name);
    if (existing) clearTimeout(existing);
    const timer = setTimeout(() => {
      this.unloadTimers.delete(name);
      if (room.conns.size > 0 || room.pins > 0 || this.rooms.get(name) !== room) return;
      this.unloadNow(name, room);
    }, this.opts.idleUnloadMs);
    timer.unref();
    this.unloadTimers.set(name, timer);
  }

  /**
   * Unloads a room with no connections now: it leaves the map at once (a new connection loads the doc
   * afresh, after this unload), and `unload` writes every pending update and compacts before freeing it.
   */
  private unloadNow(name: string, room: DocRoom): void {
    const timer = this.unloadTimers.get(name);
    if (timer) clearTimeout(timer);
    this.unloadTimers.delete(name);
    this.rooms.delete(name);
    const done = room
      .unload()
      .catch(() => undefined)
      .finally(() => {
        if (this.unloading.get(name) === done) this.unloading.delete(name);
      });
    this.unloading.set(name, done);
  }

  /**
   * Keeps the loaded docs within the memory budget: the coldest docs with no connections, and not
   * being read, are unloaded until the estimate fits (memoryBudget.ts). Docs with connections stay.
   */
  private enforceBudget(): void {
    const budget = this.opts.memoryBudgetBytes;
    if (budget === undefined) return;
    const loaded = [...this.rooms.values()].filter((r) => r.isLoaded && !r.hasFailed);
    const docs = loaded.map((r) => ({ name: r.name, bytes: docMemoryEstimate(r.encodedBytes), lastUsed: r.lastUsed, unloadable: r.conns.size === 0 && r.pins === 0 }));
    for (const name of docsToUnload(docs, budget)) {
      const room = this.rooms.get(name);
      if (!room) continue;
      this.budgetUnloads += 1;
      this.unloadNow(name, room);
    }
  }

  /**
   * Runs a read-only function on a doc's live state without copying it (exports of large docs). `read`
   * must not modify the doc and must not keep references to it; it runs synchronously, so no update
   * can interleave with it.
   */
  async read<T>(name: string, read: (doc: Y.Doc) => T): Promise<T> {
    const room = this.room(name);
    room.pins += 1;
    try {
      await room.ready;
      return read(room.doc);
    } finally {
      room.pins -= 1;
      if (room.conns.size === 0) {
        this.scheduleUnload(name, room);
        this.enforceBudget();
      }
    }
  }

  /**
   * A private copy of a doc's current state, for server-side reads (REST views, exports). It reads the
   * live room when the doc is loaded, so it includes edits not yet compacted, and loads it otherwise.
   */
  async snapshot(name: string): Promise<Y.Doc> {
    const room = this.room(name);
    room.pins += 1;
    try {
      await room.ready;
      const copy = new Y.Doc();
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(room.doc));
      return copy;
    } finally {
      room.pins -= 1;
      if (room.conns.size === 0) {
        this.scheduleUnload(name, room);
        this.enforceBudget();
      }
    }
  }

  /**
   * Applies a server-made update (an import) through the live room, so connected clients see it at
   * once, and resolves only once it is durable. One Yjs update is applied in one transaction, so an
   * import is all or nothing. With `byUserId` the update is attributed to that user in the doc's history
   * (a restore, an import), else to the server.
   */
  async applyUpdate(name: string, update: Uint8Array, byUserId?: string): Promise<void> {
    const room = this.room(name);
    room.pins += 1;
    try {
      await room.ready;
      Y.applyUpdate(room.doc, update, byUserId ? new OnBehalfOf(byUserId) : 'server');
      await room.flushed();
      if (room.hasFailed) throw new Error('storage refused the update');
    } finally {
      room.pins -= 1;
      if (room.conns.size === 0) {
        this.scheduleUnload(name, room);
        this.enforceBudget();
      }
    }
  }

  /**
   * A doc's retained history (server/storage/history.ts), after every update accepted so far is
   * stored, so it ends with the live state.
   */
  async history(name: string): Promise<DocHistory> {
    const room = this.rooms.get(name);
    if (room) {
      await room.ready.catch(() => undefined);
      await room.writesSoFar();
    }
    return this.opts.docs.history(name);
  }

  /** Number of open /yjs sockets (for tests and health). */
  get connectionCount(): number {
    return this.wss.clients.size;
  }

  /** Number of docs in memory (for tests and health). */
  get loadedDocs(): number {
    return this.rooms.size;
  }

  /** Resolves once every doc being unloaded has been written (its last compaction included) and released. */
  async unloaded(): Promise<void> {
    await Promise.all([...this.unloading.values()]);
  }

  /** Closes every socket and writes every loaded doc's pending updates. */
  async close(): Promise<void> {
    clearInterval(this.heartbeat);
    for (const t of this.unloadTimers.values()) clearTimeout(t);
    this.unloadTimers.clear();
    for (const ws of this.wss.clients) ws.terminate();
    const rooms = [...this.rooms.values()];
    this.rooms.clear();
    await Promise.all([...rooms.map((r) => r.unload().catch(() => undefined)), ...this.unloading.values()]);
    this.wss.close();
  }
}
