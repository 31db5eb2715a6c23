import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { WebSocket } from 'ws';
import type { Access } from '../../shared/docAccess.js';
import type { AuthContext } from '../auth/types.js';
import type { Logger } from '../http/logger.js';
import type { DocStore } from '../storage/types.js';
import { filterAwarenessUpdate } from './awarenessFilter.js';
import { MESSAGE_AWARENESS, MESSAGE_QUERY_AWARENESS, MESSAGE_SYNC, frame } from './messages.js';

/** Compact a doc's log once this many updates were appended since the last snapshot. */
export const COMPACT_AFTER_UPDATES = 500;

/** Compact a doc's log once it holds this many bytes beyond the snapshot. */
export const COMPACT_AFTER_BYTES = 1024 * 1024;

/** One WebSocket on this doc, with the access it was granted at upgrade time. */
export type Conn = { ws: WebSocket; ctx: AuthContext; access: Access; clientIds: Set<number> };

/** Why a socket is closed by the room. WebSocket close codes: 1007 bad data, 1011 server error. */
const CLOSE_BAD_DATA = 1007;
const CLOSE_SERVER_ERROR = 1011;

/**
 * One loaded Yjs document and its connections. It applies accepted updates, relays them, persists
 * them through the DocStore, and keeps server-side awareness. Messages are handled only after the
 * doc has been loaded from storage, so a reconnecting client's sync step 1 is answered with the true
 * diff and it does not re-upload the whole document.
 */
export class DocRoom {
  readonly doc = new Y.Doc({ gc: true });
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly conns = new Map<WebSocket, Conn>();
  readonly ready: Promise<void>;
  private updatesSinceCompact = 0;
  private bytesSinceCompact = 0;
  private compacting: Promise<void> | null = null;
  private pendingWrites = new Set<Promise<void>>();
  private failed = false;

  /** Loads the doc (after `after`, e.g. a previous unload of the same name) and wires relaying. */
  constructor(
    readonly name: string,
    private readonly docs: DocStore,
    private readonly log: Logger,
    after: Promise<void>,
    private readonly onFailure: (room: DocRoom) => void,
  ) {
    // The server has no presence of its own.
    this.awareness.setLocalState(null);
    this.ready = after.then(() => this.load());
    this.doc.on('update', (update: Uint8Array, origin: unknown) => this.onUpdate(update, origin));
    this.awareness.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
      const changed = [...added, ...updated, ...removed];
      const msg = frame(MESSAGE_AWARENESS, (e) => encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed)));
      for (const c of this.conns.values()) send(c.ws, msg);
    });
  }

  private async load(): Promise<void> {
    const updates = await this.docs.load(this.name);
    // Applying with the 'load' origin keeps these updates from being appended to the log again.
    Y.transact(this.doc, () => { for (const u of updates) Y.applyUpdate(this.doc, u); }, 'load');
    if (updates.length > COMPACT_AFTER_UPDATES) this.compact();
  }

  /** Adds a connection and starts the sync handshake. */
  add(conn: Conn): void {
    this.conns.set(conn.ws, conn);
    void this.ready.then(() => {
      if (!this.conns.has(conn.ws)) return;
      send(conn.ws, frame(MESSAGE_SYNC, (e) => syncProtocol.writeSyncStep1(e, this.doc)));
      const states = [...this.awareness.getStates().keys()];
      if (states.length > 0) {
        send(conn.ws, frame(MESSAGE_AWARENESS, (e) => encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(this.awareness, states))));
      }
    });
  }

  /** Handles one frame from a connection, in arrival order, after loading. */
  receive(conn: Conn, data: Uint8Array): void {
    void this.ready.then(() => {
      if (!this.conns.has(conn.ws)) return;
      try {
        this.handle(conn, data);
      } catch {
        // A malformed frame ends only this socket; the doc and other connections carry on.
        this.log.info('sync.bad-frame', { doc: this.name.split('.')[2] ?? 'doc' });
        conn.ws.close(CLOSE_BAD_DATA, 'bad message');
      }
    });
  }

  private handle(conn: Conn, data: Uint8Array): void {
    const d = decoding.createDecoder(data);
    const type = decoding.readVarUint(d);
    if (type === MESSAGE_SYNC) {
      const syncType = decoding.readVarUint(d);
      if (syncType === syncProtocol.messageYjsSyncStep1) {
        const sv = decoding.readVarUint8Array(d);
        send(conn.ws, frame(MESSAGE_SYNC, (e) => syncProtocol.writeSyncStep2(e, this.doc, sv)));
        return;
      }
      if (syncType !== syncProtocol.messageYjsSyncStep2 && syncType !== syncProtocol.messageYjsUpdate) throw new Error('unknown sync type');
      const update = decoding.readVarUint8Array(d);
      // Read-only connections: drop their changes here, before they touch the doc, other clients or storage.
      if (conn.access !== 'write') return;
      Y.applyUpdate(this.doc, update, conn);
    } else if (type === MESSAGE_AWARENESS) {
      const raw = decoding.readVarUint8Array(d);
      const owns = (id: number) => {
        if (conn.clientIds.has(id)) return true;
        for (const other of this.conns.values()) if (other !== conn && other.clientIds.has(id)) return false;
        return true;
      };
      const filtered = filterAwarenessUpdate(raw, { name: conn.ctx.name }, owns);
      if (!filtered) return;
      for (const id of filtered.clientIds) conn.clientIds.add(id);
      awarenessProtocol.applyAwarenessUpdate(this.awareness, filtered.update, conn);
    } else if (type === MESSAGE_QUERY_AWARENESS) {
      const states = [...this.awareness.getStates().keys()];
      send(conn.ws, frame(MESSAGE_AWARENESS, (e) => encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(this.awareness, states))));
    }
    // Other types (auth) are ignored.
  }

  /**
   * Relays an accepted update at once and persists it in parallel. Relaying does not wait for the
   * fsync: peers holding the update are themselves a copy, and a client whose update was not yet
   * durable when the server died re-sends it in the sync handshake after reconnecting (Yjs clients keep
   * their whole state), so nothing is lost; see docs/sync.md.
   */
  private onUpdate(update: Uint8Array, origin: unknown): void {
    if (origin === 'load') return;
    const msg = frame(MESSAGE_SYNC, (e) => syncProtocol.writeUpdate(e, update));
    for (const c of this.conns.values()) if (c !== origin) send(c.ws, msg);
    const write = this.docs.append(this.name, update).then(
      () => undefined,
      () => this.fail(),
    );
    this.pendingWrites.add(write);
    void write.finally(() => this.pendingWrites.delete(write));
    this.updatesSinceCompact += 1;
    this.bytesSinceCompact += update.length;
    if (this.updatesSinceCompact >= COMPACT_AFTER_UPDATES || this.bytesSinceCompact >= COMPACT_AFTER_BYTES) this.compact();
  }

  /** Replaces the doc's log with one snapshot (queued behind earlier appends by the store). */
  compact(): Promise<void> {
    this.updatesSinceCompact = 0;
    this.bytesSinceCompact = 0;
    const snapshot = Y.encodeStateAsUpdate(this.doc);
    const run = (this.compacting ?? Promise.resolve()).then(() => this.docs.compact(this.name, snapshot)).catch(() => {
      // A failed compaction loses nothing: the log is only truncated after the snapshot is durable.
      this.log.error('sync.compact-failed', {});
    });
    this.compacting = run;
    return run;
  }

  /** Removes a connection and its presence. */
  remove(ws: WebSocket): void {
    const conn = this.conns.get(ws);
    if (!conn) return;
    this.conns.delete(ws);
    if (conn.clientIds.size > 0) awarenessProtocol.removeAwarenessStates(this.awareness, [...conn.clientIds], null);
  }

  /** Waits for every pending append. */
  async flushed(): Promise<void> {
    while (this.pendingWrites.size > 0) await Promise.all([...this.pendingWrites]);
    await this.compacting;
  }

  /** Compacts (unless storage failed) and frees memory; the room must have no connections. */
  async unload(): Promise<void> {
    await this.ready.catch(() => undefined);
    await this.flushed();
    if (!this.failed) await this.compact();
    this.awareness.destroy();
    this.doc.destroy();
  }

  /**
   * Storage refused a write. The in-memory doc may now hold an update that is not on disk, so every
   * socket is closed: clients reconnect to a fresh room loaded from disk, and their sync handshake
   * re-sends what is missing.
   */
  private fail(): void {
    if (this.failed) return;
    this.failed = true;
    this.log.error('sync.persist-failed', { conns: this.conns.size });
    for (const c of this.conns.values()) c.ws.close(CLOSE_SERVER_ERROR, 'storage error');
    this.onFailure(this);
  }
}

function send(ws: WebSocket, data: Uint8Array): void {
  if (ws.readyState === ws.OPEN) ws.send(data);
}
