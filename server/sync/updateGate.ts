import * as Y from 'yjs';
import { checkUpdate, type UpdateVerdict } from '../../shared/sync/checkUpdate.js';
import type { RootShape } from '../../shared/sync/docShapes.js';
import { CLOSE_BAD_DATA, CLOSE_BAD_SHAPE, CLOSE_FOREIGN_CLIENT, CLOSE_TOO_LARGE } from '../../shared/sync/closeCodes.js';
import type { ClientOwners } from './clientOwners.js';
import type { Conn } from './DocRoom.js';
import { MAX_PENDING_MS, PendingUpdates } from './pendingUpdates.js';

/** How an update arrived: a connection's own edit (sync update) or a handshake (sync step 2). */
export type Offer = 'own' | 'handshake';

/** What the gate needs from its room. */
export interface GateHost {
  /** The live document (replaced only while loading, so asked for each time). */
  doc(): Y.Doc;
  /** Whether a connection is still served. */
  isOpen(conn: Conn): boolean;
  /** Closes one connection for a refused frame. */
  refuse(conn: Conn, code: number, reason: string, bytes: number): void;
  /** Whether the document stays within its byte cap with `bytes` more. */
  withinByteCap(bytes: number): boolean;
  /** The document threw while applying an update: the room must be rebuilt. */
  threw(): void;
  /** An update from `conn` was applied (after its relay), e.g. to acknowledge it once durable; `checked` is its verdict. */
  applied(conn: Conn, update: Uint8Array, checked: Extract<UpdateVerdict, { ok: true }>): void;
}

/** The origin of updates the server makes itself (client id owners). */
export const SERVER_ORIGIN = 'server';

/** A clock past any real one: a state vector entry that makes diffUpdate drop a client's structs. */
const FOREVER = 2 ** 31;

/**
 * Checks each update from a writer and applies it only if the whole of it is acceptable
 * (shared/sync/checkUpdate.ts): it decodes in full, keeps the doc's shape and caps, and introduces
 * structs only under client ids this user owns. Anything else closes the sender's socket and changes
 * nothing. An update waiting for structs the doc lacks is held outside the doc, within caps, and
 * retried after each accepted update.
 */
export class UpdateGate {
  private readonly pending = new PendingUpdates<Conn, { update: Uint8Array; how: Offer }>();
  private pendingTimer: NodeJS.Timeout | null = null;

  /** A gate for one room's document of the given shape. */
  constructor(
    private readonly host: GateHost,
    private readonly shape: Readonly<Record<string, RootShape>>,
    private readonly owners: ClientOwners,
  ) {}

  /** Offers one update from a writer. */
  offer(conn: Conn, update: Uint8Array, how: Offer): void {
    if (this.tryApply(conn, update, how) === 'missing') {
      if (!this.pending.hold(conn, { update, how }, Date.now())) {
        this.host.refuse(conn, CLOSE_TOO_LARGE, 'too many missing dependencies', update.length);
        return;
      }
      this.schedulePendingExpiry();
      return;
    }
    this.retryPending();
  }

  /** Forgets a closed connection's held updates. */
  drop(conn: Conn): void {
    this.pending.drop(conn);
  }

  /** Stops the expiry timer. */
  destroy(): void {
    if (this.pendingTimer) clearTimeout(this.pendingTimer);
  }

  /**
   * Applies `update` if acceptable; 'missing' when it must wait, 'refused' once the sender is closed.
   *
   * Client ids: a connection's own edits (sync type 2, which y-websocket sends only for local changes)
   * may introduce structs only under client ids no other user owns, and claim the unowned ones. A
   * handshake (sync step 2) also forwards structs of other clients that the server lacks, e.g. after
   * a crash lost relayed but unstored updates; those of client ids another user owns are dropped from
   * it (their owner re-sends them), and unowned ones are accepted without being claimed.
   */
  private tryApply(conn: Conn, offered: Uint8Array, how: Offer): 'applied' | 'missing' | 'refused' {
    const doc = this.host.doc();
    let update = offered;
    let verdict = checkUpdate(doc, update, this.shape);
    const me = conn.ctx.userId;
    if (verdict.ok && how === 'handshake') {
      const foreign = this.owners.foreign(verdict.clients, me);
      if (foreign.length > 0) {
        update = Y.diffUpdate(update, Y.encodeStateVector(new Map(foreign.map((c) => [c, FOREVER]))));
        verdict = checkUpdate(doc, update, this.shape);
      }
    }
    if (!verdict.ok) {
      if (verdict.reason === 'missing') return 'missing';
      const code = verdict.reason === 'malformed' ? CLOSE_BAD_DATA : verdict.reason === 'cap' ? CLOSE_TOO_LARGE : CLOSE_BAD_SHAPE;
      this.host.refuse(conn, code, verdict.reason, offered.length);
      return 'refused';
    }
    if (this.owners.foreign(verdict.clients, me).length > 0) {
      this.host.refuse(conn, CLOSE_FOREIGN_CLIENT, 'client id of another user', offered.length);
      return 'refused';
    }
    if (!this.host.withinByteCap(update.length)) {
      this.host.refuse(conn, CLOSE_TOO_LARGE, 'document full', update.length);
      return 'refused';
    }
    try {
      // Recorded before the update itself, in the same log, so the claim survives a restart.
      if (how === 'own') this.owners.recordWriters(doc, verdict.clients, me, SERVER_ORIGIN);
      Y.applyUpdate(doc, update, conn);
    } catch {
      this.host.threw();
      return 'refused';
    }
    this.host.applied(conn, update, verdict);
    return 'applied';
  }

  /** Retries held updates after an accepted one, until none makes progress. */
  private retryPending(): void {
    let progress = this.pending.size > 0;
    while (progress) {
      progress = false;
      for (const p of this.pending.takeAll()) {
        if (!this.host.isOpen(p.conn)) continue;
        const r = this.tryApply(p.conn, p.update.update, p.update.how);
        if (r === 'missing') this.pending.hold(p.conn, p.update, p.since);
        else if (r === 'applied') progress = true;
      }
    }
  }

  /**
   * Closes the senders of updates that waited too long: their dependencies are not coming on this
   * socket, and a reconnect's sync handshake sends the whole difference instead.
   */
  private schedulePendingExpiry(): void {
    if (this.pendingTimer) return;
    this.pendingTimer = setTimeout(() => {
      this.pendingTimer = null;
      for (const p of this.pending.expire(Date.now())) {
        if (this.host.isOpen(p.conn)) this.host.refuse(p.conn, CLOSE_TOO_LARGE, 'missing dependencies', p.update.update.length);
      }
      if (this.pending.size > 0) this.schedulePendingExpiry();
    }, MAX_PENDING_MS);
    this.pendingTimer.unref();
  }
}
