import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { WebSocket } from 'ws';
import type { Access } from '../../shared/docAccess.js';
import { parseDocName } from '../../shared/docNames.js';
import type { AuthContext } from '../auth/types.js';
import type { Logger } from '../http/logger.js';
import type { DocStore } from '../storage/types.js';
import { filterAwarenessUpdate } from './awarenessFilter.js';
import { DurableAcks } from './durableAcks.js';
import { shouldCompact, type LogState } from './compactionPolicy.js';
import { MESSAGE_AWARENESS, MESSAGE_QUERY_AWARENESS, MESSAGE_SYNC, frame } from './messages.js';

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
  /** The doc's kind (people, genogram, …), the only part of its name that goes into logs besides counts. */
  readonly kind: string;
  /** The doc's storage since its last snapshot, for the compaction policy. */
  private readonly stored: LogState = { records: 0, logBytes: 0, snapshotBytes: 0 };
  private compacting: Promise<void> | null = null;
  private pendingWrites = new Set<Promise<void>>();
  /** True once the doc is loaded; until then work waits in `backlog`, in arrival order. */
  private loaded = false;
  private backlog: (() => void)[] = [];
  private failed = false;
  /** Tells authors when their updates are on disk (docs/sync.md, "Durable acknowledgement"). */
  private readonly acks = new DurableAcks(this);

  /** Loads the doc (after `after`, e.g. a previous unload of the same name) and wires relaying. */
  constructor(
    readonly name: string,
    private readonly docs: DocStore,
    private readonly log: Logger,
    after: Promise<void>,
    private readonly onFailure: (room: DocRoom) => void,
  ) {
    this.kind = parseDocName(name)?.kind ?? 'unknown';
    // The server has no presence of its own.
    this.awareness.setLocalState(null);
    this.ready = after.then(() => this.load()).then(() => {
      this.loaded = true;
      for (const run of this.backlog.splice(0)) {
        try {
          run();
        } catch {
          // Each item guards its own socket; one failing must not stall the others.
        }
      }
    });
    // Handled by SyncServer (which logs and forgets the room); this keeps it from being "unhandled".
    this.ready.catch(() => { this.backlog = []; });
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
    // The store returns the snapshot first; without one the first record stands in for it, which only
    // makes the policy a little more eager to compact.
    const [first, ...rest] = updates;
    this.stored.snapshotBytes = first?.length ?? 0;
    this.stored.records = rest.length;
    this.stored.logBytes = rest.reduce((n, u) => n + u.length, 0);
    if (shouldCompact(this.stored, 'live')) void this.compact();
  }

  /** Adds a connection and starts the sync handshake. */
  add(conn: Conn): void {
    this.conns.set(conn.ws, conn);
    this.whenLoaded(() => {
      if (!this.conns.has(conn.ws)) return;
      send(conn.ws, frame(MESSAGE_SYNC, (e) => syncProtocol.writeSyncStep1(e, this.doc)));
      const states = [...this.awareness.getStates().keys()];
      if (states.length > 0) {
        send(conn.ws, frame(MESSAGE_AWARENESS, (e) => encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(this.awareness, states))));
      }
      this.acks.connected(conn.ws);
    });
  }

  /** Handles one frame from a connection, in arrival order, after loading. */
  receive(conn: Conn, data: Uint8Array): void {
    this.whenLoaded(() => {
      if (!this.conns.has(conn.ws)) return;
      try {
        this.handle(conn, data);
      } catch {
        // A malformed frame ends only this socket; the doc and other connections carry on.
        this.log.info('sync.bad-frame', { kind: this.kind, bytes: data.length });
        conn.ws.close(CLOSE_BAD_DATA, 'bad message');
      }
    });
  }

  /**
   * Runs `fn` now if the doc is loaded, else once it is, after everything queued before it. Running
   * synchronously once loaded keeps a frame's relay free of an extra event-loop hop.
   */
  private whenLoaded(fn: () => void): void {
    if (this.loaded) fn();
    else this.backlog.push(fn);
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
      this.acks.accepted(conn.ws, update);
    } else if (type === MESSAGE_AWARENESS) {
      const raw = decoding.readVarUint8Array(d);
      const owns = (id: number) => {
        if (conn.clientIds.has(id)) return true;
        // No take-over, even for the same user: y-websocket clients echo other clients' states back,
        // so a claim cannot be told from an echo. A dead socket's ids are freed by the heartbeat.
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
    this.stored.records += 1;
    this.stored.logBytes += update.length;
    if (shouldCompact(this.stored, 'live')) void this.compact();
  }

  /** Replaces the doc's log with one snapshot (queued behind earlier appends by the store). */
  compact(): Promise<void> {
    const snapshot = Y.encodeStateAsUpdate(this.doc);
    this.stored.records = 0;
    this.stored.logBytes = 0;
    this.stored.snapshotBytes = snapshot.length;
    const run = (this.compacting ?? Promise.resolve()).then(() => this.docs.compact(this.name, snapshot)).catch(() => {
      // A failed compaction loses nothing: the log is only truncated after the snapshot is durable.
      this.log.error('sync.compact-failed', { kind: this.kind });
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

  /** True once storage refused a write; the room is being discarded. */
  get hasFailed(): boolean {
    return this.failed;
  }

  /** Resolves once every append issued so far is done (written, or failed and handled). */
  writesSoFar(): Promise<void> {
    return Promise.all([...this.pendingWrites]).then(() => undefined);
  }

  /** Waits for every pending append. */
  async flushed(): Promise<void> {
    while (this.pendingWrites.size > 0) await Promise.all([...this.pendingWrites]);
    await this.compacting;
  }

  /** Compacts when that pays for itself (and storage has not failed), then frees memory; no connections may remain. */
  async unload(): Promise<void> {
    await this.ready.catch(() => undefined);
    await this.flushed();
    if (!this.failed && shouldCompact(this.stored, 'unload')) await this.compact();
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
    this.log.error('sync.persist-failed', { kind: this.kind, conns: this.conns.size });
    for (const c of this.conns.values()) c.ws.close(CLOSE_SERVER_ERROR, 'storage error');
    // Frames still arriving on the closing sockets are ignored (receive checks membership).
    this.conns.clear();
    this.onFailure(this);
  }
}

function send(ws: WebSocket, data: Uint8Array): void {
  if (ws.readyState === ws.OPEN) ws.send(data);
}
