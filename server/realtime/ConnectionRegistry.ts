import { z } from 'zod';
import type { NodeBus } from '../storage/types.js';

/**
 * Tracks every live socket (Yjs WebSocket or Socket.IO) by session and user, so that logging out,
 * disabling a user or changing a role closes their open sockets at once rather than at the next
 * reconnect. The issue asks for within 5 s; closing is synchronous here.
 */
export type LiveConnection = {
  sessionHash: string;
  userId: string;
  /** The review a Yjs document belongs to; absent for staff Socket.IO sockets, which serve any review. */
  reviewId?: string;
  /** Closes the socket; the reason is a short code, never case content. */
  close: (reason: string) => void;
};

/** A closing sent to the other nodes: whose sockets, and the short reason code. */
const RevocationSchema = z.strictObject({
  kind: z.enum(['session', 'user', 'member']),
  id: z.string().min(1).max(128),
  /** For 'member': the review whose sockets close. */
  reviewId: z.string().min(1).max(64).optional(),
  reason: z.string().regex(/^[a-z0-9-]{1,40}$/),
});

/** The registry of live sockets. */
export class ConnectionRegistry {
  private readonly conns = new Set<LiveConnection>();
  private bus: NodeBus | null = null;

  /**
   * Shares closings with the other nodes on one database (docs/scaling.md): a logout, a disabled
   * account or a changed role on one node closes the sockets the user holds on every node at once.
   */
  share(bus: NodeBus): () => void {
    this.bus = bus;
    return bus.subscribe('revocations', (payload) => {
      let msg: z.infer<typeof RevocationSchema>;
      try {
        msg = RevocationSchema.parse(JSON.parse(payload));
      } catch {
        return;
      }
      if (msg.kind === 'session') this.closeWhere((c) => c.sessionHash === msg.id, msg.reason);
      else if (msg.kind === 'user') this.closeWhere((c) => c.userId === msg.id, msg.reason);
      else if (msg.reviewId) this.closeMemberHere(msg.id, msg.reviewId, msg.reason);
    });
  }

  private tell(kind: 'session' | 'user' | 'member', id: string, reason: string, reviewId?: string): void {
    // Best effort: for sessions, the other nodes' sweep closes them anyway within seconds.
    void this.bus?.publish('revocations', JSON.stringify({ kind, id, reason, ...(reviewId ? { reviewId } : {}) })).catch(() => undefined);
  }

  /** Adds a connection; returns a function that removes it. */
  add(conn: LiveConnection): () => void {
    this.conns.add(conn);
    return () => this.conns.delete(conn);
  }

  /** Closes every socket opened with this session. */
  closeSession(sessionHash: string, reason = 'session-ended'): number {
    this.tell('session', sessionHash, reason);
    return this.closeWhere((c) => c.sessionHash === sessionHash, reason);
  }

  /** Closes every socket of this user, on any session. */
  closeUser(userId: string, reason = 'access-changed'): number {
    this.tell('user', userId, reason);
    return this.closeWhere((c) => c.userId === userId, reason);
  }

  /**
   * Closes the sockets of this user that can carry this review: its Yjs documents, and their staff
   * Socket.IO sockets (not bound to one review; the client reconnects them, re-authorised).
   */
  closeMember(userId: string, reviewId: string, reason = 'access-changed'): number {
    this.tell('member', userId, reason, reviewId);
    return this.closeMemberHere(userId, reviewId, reason);
  }

  private closeMemberHere(userId: string, reviewId: string, reason: string): number {
    return this.closeWhere((c) => c.userId === userId && (c.reviewId === undefined || c.reviewId === reviewId), reason);
  }

  /** The distinct sessions that have at least one live socket, for the session-expiry sweep. */
  sessionHashes(): Set<string> {
    return new Set([...this.conns].map((c) => c.sessionHash));
  }

  /** Number of live connections, for tests and health. */
  get size(): number {
    return this.conns.size;
  }

  private closeWhere(pred: (c: LiveConnection) => boolean, reason: string): number {
    let n = 0;
    for (const c of [...this.conns]) {
      if (!pred(c)) continue;
      this.conns.delete(c);
      c.close(reason);
      n++;
    }
    return n;
  }
}
