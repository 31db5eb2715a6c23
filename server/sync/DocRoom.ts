import * as Y from 'yjs';
import * as syncProtocol from 'y-protocols/sync';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { WebSocket } from 'ws';
import type { Access } from '../../shared/docAccess.js';
import { parseDocName } from '../../shared/docNames.js';
import { DOC_SHAPES, MAX_DOC_BYTES, type RootShape } from '../../shared/sync/docShapes.js';
import { CLOSE_BAD_DATA, CLOSE_RATE_LIMITED, CLOSE_SERVER_ERROR } from '../../shared/sync/closeCodes.js';
import type { AuthContext } from '../auth/types.js';
import type { Logger } from '../http/logger.js';
import type { DocStore, PresenceRelay } from '../storage/types.js';
import type { Attribution } from '../storage/history.js';
import { filterAwarenessUpdate } from './awarenessFilter.js';
import { PRESENCE_FLUSH_MS, PRESENCE_KEEPALIVE_MS, PresenceHub, type PresenceTiming } from './presenceHub.js';
import { LOAD_ORIGIN, buildDoc } from './buildDoc.js';
import { ClientOwners } from './clientOwners.js';
import { DurableAcks } from './durableAcks.js';
import { shouldCompact, type LogState } from './compactionPolicy.js';
import { MESSAGE_AWARENESS, MESSAGE_QUERY_AWARENESS, MESSAGE_SYNC, frame } from './messages.js';
import { SERVER_ORIGIN, UpdateGate } from './updateGate.js';
import { MAX_PRESENCE_IDS_PER_CONN, MAX_QUEUED_BYTES, type ConnBudgets } from './connLimits.js';

/** One WebSocket on this doc, with the access it was granted at upgrade time. */
export type Conn = { ws: WebSocket; ctx: AuthContext; access: Access; clientIds: Set<number>; budgets: ConnBudgets };

/** The origin of an edit the server makes for a signed-in user (a restore from history, an import), attributed to them. */
export class OnBehalfOf {
  /** The edit is `userId`'s. */
  constructor(readonly userId: string) {}
}

/**
 * Who an update is attributed to, from its origin alone: a connection's user (from its session, never
 * from the update), the user the server acted for, or nobody for the server's own records.
 */
function attribution(origin: unknown, conns: ReadonlyMap<WebSocket, Conn>): Attribution {
  const at = Date.now();
  if (origin instanceof OnBehalfOf) return { userId: origin.userId, at };
  const conn = origin as Conn | null;
  if (conn && typeof conn === 'object' && 'ws' in conn && conns.get(conn.ws) === conn) return { userId: conn.ctx.userId, at };
  return { userId: null, at };
}

/** The origin of updates another node accepted and stored (docs/scaling.md). */
const STORED_ELSEWHERE = 'stored-elsewhere';

/**
 * One loaded Yjs document and its connections. It applies accepted updates, relays them, persists
 * them through the DocStore, and keeps server-side awareness. Messages are handled only after the
 * doc has been loaded from storage, so a reconnecting client's sync step 1 is answered with the true
 * diff and it does not re-upload the whole document.
 */
export class DocRoom {
  /** The live document; replaced only while loading (a document that threw is never kept). */
  doc = new Y.Doc({ gc: true });
  /** Presence, batched per document; independent of the content, so it survives the doc being rebuilt. */
  readonly presence: PresenceHub;
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
  /** The doc's root maps (docs/sync.md), which every incoming update must keep. */
  private readonly shape: Readonly<Record<string, RootShape>>;
  /** Which user owns each Yjs client id (writers persisted in the doc's server-only root). */
  private readonly owners = new ClientOwners();
  private readonly gate: UpdateGate;
  /** True when loading skipped stored records: the log keeps them, so this state must never be compacted over it. */
  private noCompaction = false;
  /** Stops hearing updates other nodes store (multi-node PostgreSQL only). */
  private unsubscribe: () => void = () => undefined;
  /** Stops hearing other nodes' presence (multi-node PostgreSQL only). */
  private unsubscribePresence: () => void = () => undefined;
  /** Tells authors when their updates are on disk (docs/sync.md, "Durable acknowledgement"). */
  private readonly acks = new DurableAcks(this);
  /** When the doc was last used, on the sync server's use counter (the memory budget unloads the coldest). */
  lastUsed = 0;
  /** Server-side reads, exports and imports using the doc now; the memory budget never unloads it meanwhile. */
  pins = 0;

  /** Loads the doc (after `after`, e.g. a previous unload of the same name) and wires relaying. */
  constructor(
    readonly name: string,
    private readonly docs: DocStore,
    private readonly log: Logger,
    after: Promise<void>,
    private readonly onFailure: (room: DocRoom) => void,
    presenceTiming: PresenceTiming = { flushMs: PRESENCE_FLUSH_MS, keepaliveMs: PRESENCE_KEEPALIVE_MS },
    presenceRelay?: PresenceRelay,
  ) {
    this.presence = new PresenceHub(
      (update) => {
        const msg = frame(MESSAGE_AWARENESS, (e) => encoding.writeVarUint8Array(e, update));
        for (const c of this.conns.values()) send(c.ws, msg);
      },
      presenceTiming,
      presenceRelay && ((entries) => presenceRelay.publish(name, entries)),
    );
    // Several nodes: presence of the other nodes' connections reaches this node's, and the other way.
    this.unsubscribePresence =
      presenceRelay?.subscribe(
        name,
        (entries) => this.presence.applyRemote(entries),
        () => this.presence.announceAll(),
      ) ?? this.unsubscribePresence;
    const ref = parseDocName(name);
    this.kind = ref?.kind ?? 'unknown';
    this.shape = ref ? DOC_SHAPES[ref.kind] : {};
    this.gate = new UpdateGate(
      {
        doc: () => this.doc,
        isOpen: (conn) => this.conns.has(conn.ws),
        refuse: (conn, code, reason, bytes) => this.refuse(conn, code, reason, bytes),
        withinByteCap: (bytes) => this.withinByteCap(bytes),
        threw: () => this.fail('sync.doc-threw'),
        // Acknowledged to its author once durable (durableAcks.ts); the relay has already happened.
        applied: (conn, _update, checked) => this.acks.accepted(conn.ws, checked),
      },
      this.shape,
      this.owners,
    );
    this.ready = after
      .then(() => this.load())
      .then(() => {
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
    this.ready.catch(() => {
      this.backlog = [];
    });
  }

  private async load(): Promise<void> {
    const updates = await this.docs.load(this.name);
    const { doc, skipped } = buildDoc(updates);
    if (skipped > 0) {
      this.noCompaction = true;
      this.log.error('sync.load-skipped', { kind: this.kind, records: skipped });
    }
    this.doc = doc;
    this.doc.on('update', (update: Uint8Array, origin: unknown) => this.onUpdate(update, origin));
    this.owners.load(this.doc);
    // Several nodes: updates another node accepted (and checked) are stored there; apply and relay them
    // here as they are, without storing them again.
    this.unsubscribe = this.docs.subscribe?.(this.name, (stored) => this.applyStored(stored)) ?? this.unsubscribe;
    // The store returns the snapshot first; without one the first record stands in for it, which only
    // makes the policy a little more eager to compact.
    const [first, ...rest] = updates;
    this.stored.snapshotBytes = first?.length ?? 0;
    this.stored.records = rest.length;
    this.stored.logBytes = rest.reduce((n, u) => n + u.length, 0);
    if (shouldCompact(this.stored, 'live')) void this.compact();
  }

  /** Applies updates another node stored: relayed to this node's clients, counted for compaction, never stored again. */
  private applyStored(updates: Uint8Array[]): void {
    if (this.failed) return;
    try {
      Y.transact(
        this.doc,
        () => {
          for (const u of updates) Y.applyUpdate(this.doc, u);
        },
        STORED_ELSEWHERE,
      );
      // Client ids the other node bound to their users are bound here too.
      this.owners.load(this.doc);
    } catch {
      this.fail('sync.doc-threw');
    }
  }

  /** Adds a connection and starts the sync handshake. */
  add(conn: Conn): void {
    this.conns.set(conn.ws, conn);
    this.whenLoaded(() => {
      if (!this.conns.has(conn.ws)) return;
      send(
        conn.ws,
        frame(MESSAGE_SYNC, (e) => syncProtocol.writeSyncStep1(e, this.doc)),
      );
      const states = this.presence.all();
      if (states)
        send(
          conn.ws,
          frame(MESSAGE_AWARENESS, (e) => encoding.writeVarUint8Array(e, states)),
        );
      this.acks.connected(conn.ws);
    });
  }

  /** Handles one frame from a connection, in arrival order, after loading. */
  receive(conn: Conn, data: Uint8Array): void {
    this.whenLoaded(() => {
      if (!this.conns.has(conn.ws) || this.failed) return;
      try {
        this.handle(conn, data);
      } catch {
        // A malformed frame ends only this socket; the doc and other connections carry on.
        this.refuse(conn, CLOSE_BAD_DATA, 'bad message', data.length);
      }
    });
  }

  /** Closes one connection for a refused frame and forgets it at once (later frames are ignored). */
  private refuse(conn: Conn, code: number, reason: string, bytes: number): void {
    this.log.info('sync.refused', { kind: this.kind, code, bytes });
    this.remove(conn.ws);
    conn.ws.close(code, reason);
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
        // Each answer can be the whole document: a client asks once per connection, a flood is cut off.
        if (!conn.budgets.syncRequests.take(Date.now())) {
          this.refuse(conn, CLOSE_RATE_LIMITED, 'too many sync requests', data.length);
          return;
        }
        send(
          conn.ws,
          frame(MESSAGE_SYNC, (e) => syncProtocol.writeSyncStep2(e, this.doc, sv)),
        );
        return;
      }
      if (syncType !== syncProtocol.messageYjsSyncStep2 && syncType !== syncProtocol.messageYjsUpdate) throw new Error('unknown sync type');
      const update = decoding.readVarUint8Array(d);
      // Read-only connections: drop their changes here, before they touch the doc, other clients or storage.
      if (conn.access !== 'write') return;
      this.gate.offer(conn, update, syncType === syncProtocol.messageYjsUpdate ? 'own' : 'handshake');
    } else if (type === MESSAGE_AWARENESS) {
      const raw = decoding.readVarUint8Array(d);
      const claimed = new Set<number>();
      const owns = (id: number) => {
        if (conn.clientIds.has(id) || claimed.has(id)) return true;
        if (conn.clientIds.size + claimed.size >= MAX_PRESENCE_IDS_PER_CONN) return false;
        // Another node's client, echoed by this client: never this connection's to speak for.
        if (this.presence.isRemote(id)) return false;
        // A client id is bound to the user who first used it here: another user cannot take its slot over.
        const owner = this.owners.ownerOf(id);
        if (owner !== undefined && owner !== conn.ctx.userId) return false;
        // No take-over, even for the same user: y-websocket clients echo other clients' states back,
        // so a claim cannot be told from an echo. A dead socket's ids are freed by the heartbeat.
        for (const other of this.conns.values()) if (other !== conn && other.clientIds.has(id)) return false;
        claimed.add(id);
        return true;
      };
      const filtered = filterAwarenessUpdate(raw, { name: conn.ctx.name }, owns);
      // Echoes of other clients' states cost only the skip above; the connection's own updates are rate limited.
      if (!filtered || !conn.budgets.presence.take(Date.now())) return;
      for (const id of filtered.clientIds) {
        conn.clientIds.add(id);
        this.owners.claimPresence(id, conn.ctx.userId);
      }
      this.presence.apply(filtered.entries);
    } else if (type === MESSAGE_QUERY_AWARENESS) {
      if (!conn.budgets.syncRequests.take(Date.now())) {
        this.refuse(conn, CLOSE_RATE_LIMITED, 'too many sync requests', data.length);
        return;
      }
      const states = this.presence.all() ?? new Uint8Array([0]);
      send(
        conn.ws,
        frame(MESSAGE_AWARENESS, (e) => encoding.writeVarUint8Array(e, states)),
      );
    }
    // Other types (auth) are ignored.
  }

  /**
   * Whether the doc stays within MAX_DOC_BYTES with `bytes` more. The stored size (snapshot plus log)
   * over-counts overwritten values, so near the cap the true encoded size is measured and a compaction
   * started, which resets the count.
   */
  private withinByteCap(bytes: number): boolean {
    if (this.stored.snapshotBytes + this.stored.logBytes + bytes <= MAX_DOC_BYTES) return true;
    if (this.stored.records === 0 || this.noCompaction) return false;
    const size = Y.encodeStateAsUpdate(this.doc).length;
    if (size + bytes > MAX_DOC_BYTES) return false;
    void this.compact();
    return true;
  }

  /**
   * Relays an accepted update at once and persists it in parallel. Relaying does not wait for the
   * fsync: peers holding the update are themselves a copy, and a client whose update was not yet
   * durable when the server died re-sends it in the sync handshake after reconnecting (Yjs clients keep
   * their whole state), so nothing is lost; see docs/sync.md.
   */
  private onUpdate(update: Uint8Array, origin: unknown): void {
    if (origin === LOAD_ORIGIN || this.failed) return;
    const msg = frame(MESSAGE_SYNC, (e) => syncProtocol.writeUpdate(e, update));
    const relay = () => {
      for (const c of this.conns.values()) if (c !== origin) send(c.ws, msg);
    };
    if (origin === STORED_ELSEWHERE) {
      relay();
      this.stored.records += 1;
      this.stored.logBytes += update.length;
      return;
    }
    // The server's own records (client id owners) are relayed only once durable: a client that held one
    // the server lost in a crash would re-send it, and clients may not write that root.
    const serverMade = origin === SERVER_ORIGIN || origin instanceof OnBehalfOf;
    if (!serverMade) relay();
    const write = this.docs.append(this.name, update, attribution(origin, this.conns)).then(
      () => {
        if (serverMade && !this.failed) relay();
      },
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
    // A state built without some stored records must not replace the log that still holds them.
    if (this.noCompaction || this.failed) return this.compacting ?? Promise.resolve();
    const snapshot = Y.encodeStateAsUpdate(this.doc);
    this.stored.records = 0;
    this.stored.logBytes = 0;
    this.stored.snapshotBytes = snapshot.length;
    const run = (this.compacting ?? Promise.resolve())
      .then(() => this.docs.compact(this.name, snapshot))
      .catch(() => {
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
    this.gate.drop(conn);
    if (conn.clientIds.size > 0) this.presence.remove(conn.clientIds);
  }

  /** The sockets this room serves (durable acknowledgements go to each). */
  sockets(): Iterable<WebSocket> {
    return this.conns.keys();
  }

  /** True once the doc has been loaded from storage. */
  get isLoaded(): boolean {
    return this.loaded;
  }

  /** The doc's stored size (snapshot plus log since), which the memory budget's estimate is based on. */
  get encodedBytes(): number {
    return this.stored.snapshotBytes + this.stored.logBytes;
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
    this.unsubscribe();
    this.unsubscribePresence();
    this.acks.stop();
    this.gate.destroy();
    this.presence.destroy();
    this.doc.destroy();
    // An unloaded doc holds no file handle: a member opening many docs cannot exhaust descriptors.
    await this.docs.release?.(this.name).catch(() => undefined);
  }

  /**
   * Storage refused a write, or the document threw while applying an update. The in-memory doc may
   * now hold an update that is not on disk, or be half-applied, so it is never stored or compacted
   * again: every socket is closed, clients reconnect to a fresh room rebuilt from the log, and their
   * sync handshake re-sends what is missing.
   */
  private fail(event = 'sync.persist-failed'): void {
    if (this.failed) return;
    this.failed = true;
    this.log.error(event, { kind: this.kind, conns: this.conns.size });
    for (const c of this.conns.values()) c.ws.close(CLOSE_SERVER_ERROR, 'storage error');
    // Frames still arriving on the closing sockets are ignored (receive checks membership).
    this.conns.clear();
    this.onFailure(this);
  }
}

/**
 * Sends a frame unless the socket already holds more unread bytes than MAX_QUEUED_BYTES; such a
 * socket is cut off at once (its client sees 1006 and reconnects), which frees what was queued.
 */
function send(ws: WebSocket, data: Uint8Array): void {
  if (ws.readyState !== ws.OPEN) return;
  if (ws.bufferedAmount + data.length > MAX_QUEUED_BYTES) {
    ws.terminate();
    return;
  }
  ws.send(data);
}
