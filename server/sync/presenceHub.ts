import * as encoding from 'lib0/encoding';

/** How long presence changes are gathered before one batched broadcast per document. */
export const PRESENCE_FLUSH_MS = 50;

/**
 * How often renewals are forwarded. y-protocols clients renew their own state every 15 s and drop a
 * remote state not renewed for 30 s; forwarding gathered renewals every 5 s reaches every client at
 * most about 23 s after the previous renewal, and also keeps y-websocket's 30 s "no message" check quiet.
 */
export const PRESENCE_KEEPALIVE_MS = 5_000;

/**
 * How long a state another node announced lives here without a renewal (y-protocols clients drop a
 * remote state after 30 s too). A node that died sends no removals: its clients' states expire, and
 * their ids may then be used here again by those clients reconnecting to this node.
 */
export const REMOTE_PRESENCE_TTL_MS = 30_000;

/** One presence state as relayed: the JSON is already rewritten by the filter ('null' removes it). */
export type PresenceEntry = { clientId: number; clock: number; json: string };

/** The timers a hub uses; the room passes real ones, with intervals from the server's options. */
export type PresenceTiming = { flushMs: number; keepaliveMs: number };

/**
 * Server-side presence for one document, built for rooms of thousands of idle connections. Instead
 * of re-broadcasting every awareness message to every connection (N² messages as the room grows), it:
 * - gathers changes (a new, changed or removed state) and sends them in one batched message per
 *   document every `flushMs`;
 * - does not re-broadcast a renewal whose state did not change; it only records the newer clock and
 *   forwards gathered renewals in one message every `keepaliveMs`, so remote presence stays alive;
 * - encodes each batch once and sends the same bytes to every connection.
 * With several nodes (docs/scaling.md), `share` announces the entries of this node's own connections
 * in each batch to the other nodes, and `applyRemote` takes theirs: they reach this node's connections
 * in its next batch and are never announced again, so nothing echoes between nodes.
 */
export class PresenceHub {
  private readonly states = new Map<number, { clock: number; json: string }>();
  /** The last clock of every id seen, kept after removal so that a late echo cannot bring a state back. */
  private readonly clocks = new Map<number, number>();
  private readonly changed = new Map<number, PresenceEntry>();
  private readonly renewed = new Set<number>();
  private flushTimer: NodeJS.Timeout | null = null;
  private readonly keepaliveTimer: NodeJS.Timeout;
  /** Client ids introduced by this node's own connections (the ones `share` announces). */
  private readonly localIds = new Set<number>();
  /** When each id another node announced was last heard of (a state, renewal or removal). */
  private readonly remoteAt = new Map<number, number>();

  /**
   * Starts the keepalive; `broadcast` sends one frame payload (an awareness update) to every connection;
   * `share`, when several nodes serve the document, announces this node's own entries of each batch.
   */
  constructor(
    private readonly broadcast: (awarenessUpdate: Uint8Array) => void,
    private readonly timing: PresenceTiming,
    private readonly share?: (entries: PresenceEntry[]) => void,
    private readonly now: () => number = Date.now,
  ) {
    this.keepaliveTimer = setInterval(() => this.keepalive(), timing.keepaliveMs);
    this.keepaliveTimer.unref();
  }

  /** Applies entries one connection may speak for (already filtered); stale clocks are ignored as in y-protocols. */
  apply(entries: readonly PresenceEntry[]): void {
    for (const e of entries) this.localIds.add(e.clientId);
    this.applyEntries(entries);
  }

  /** Applies entries another node announced (its connections' own, filtered there); they are relayed here, never announced again. */
  applyRemote(entries: readonly PresenceEntry[]): void {
    const theirs = entries.filter((e) => !this.localIds.has(e.clientId));
    const t = this.now();
    for (const e of theirs) this.remoteAt.set(e.clientId, t);
    this.applyEntries(theirs);
  }

  /**
   * Whether an id belongs to another node's connection (heard of recently): a local connection may not
   * claim it, as y-websocket clients echo every state they receive, other nodes' included.
   */
  isRemote(clientId: number): boolean {
    const at = this.remoteAt.get(clientId);
    return at !== undefined && this.now() - at < REMOTE_PRESENCE_TTL_MS;
  }

  private applyEntries(entries: readonly PresenceEntry[]): void {
    for (const e of entries) {
      const cur = this.states.get(e.clientId);
      if (e.clock <= (this.clocks.get(e.clientId) ?? -1)) continue;
      this.clocks.set(e.clientId, e.clock);
      if (e.json === 'null') {
        if (!cur) continue;
        this.states.delete(e.clientId);
        this.renewed.delete(e.clientId);
        this.mark(e);
      } else if (!cur || cur.json !== e.json) {
        this.states.set(e.clientId, { clock: e.clock, json: e.json });
        this.renewed.delete(e.clientId);
        this.mark(e);
      } else {
        // Same state, newer clock: a renewal. Keep the clock; forward it with the next keepalive.
        cur.clock = e.clock;
        if (!this.changed.has(e.clientId)) this.renewed.add(e.clientId);
        else this.changed.set(e.clientId, { ...e });
      }
    }
  }

  /** Removes the states of a closed connection, as y-protocols does (clock + 1, state null). */
  remove(clientIds: Iterable<number>): void {
    for (const id of clientIds) {
      const cur = this.states.get(id);
      if (!cur) continue;
      this.states.delete(id);
      this.renewed.delete(id);
      this.clocks.set(id, cur.clock + 1);
      this.mark({ clientId: id, clock: cur.clock + 1, json: 'null' });
    }
  }

  /** Every current state, for a connection that just opened or asked for them. */
  all(): Uint8Array | null {
    if (this.states.size === 0) return null;
    return encode([...this.states].map(([clientId, s]) => ({ clientId, clock: s.clock, json: s.json })));
  }

  /** Announces every state of this node's own connections (another node just opened the document). */
  announceAll(): void {
    this.announce([...this.states].map(([clientId, st]) => ({ clientId, clock: st.clock, json: st.json })));
  }

  /** Number of presence states held. */
  get size(): number {
    return this.states.size;
  }

  /** Sends gathered changes now (the flush timer calls this). */
  flush(): void {
    if (this.flushTimer) {
      clearTimeout(this.flushTimer);
      this.flushTimer = null;
    }
    if (this.changed.size === 0) return;
    const batch = [...this.changed.values()];
    this.changed.clear();
    this.broadcast(encode(batch));
    this.announce(batch);
    // A removed local state has been announced: its id may now come back only from wherever it reconnects.
    for (const e of batch) if (e.json === 'null') this.localIds.delete(e.clientId);
  }

  private announce(batch: readonly PresenceEntry[]): void {
    if (!this.share) return;
    const own = batch.filter((e) => this.localIds.has(e.clientId));
    if (own.length > 0) this.share(own);
  }

  /** Forwards gathered renewals now (the keepalive timer calls this). */
  keepalive(): void {
    this.expireRemote();
    if (this.renewed.size === 0) return;
    const batch: PresenceEntry[] = [];
    for (const id of this.renewed) {
      const s = this.states.get(id);
      if (s) batch.push({ clientId: id, clock: s.clock, json: s.json });
    }
    this.renewed.clear();
    if (batch.length > 0) this.broadcast(encode(batch));
    this.announce(batch);
  }

  /** Stops the timers. */
  destroy(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    clearInterval(this.keepaliveTimer);
  }

  /** Removes other nodes' states not renewed within REMOTE_PRESENCE_TTL_MS (their node may be gone). */
  private expireRemote(): void {
    const t = this.now();
    for (const [id, at] of this.remoteAt) {
      if (t - at < REMOTE_PRESENCE_TTL_MS) continue;
      this.remoteAt.delete(id);
      const cur = this.states.get(id);
      if (!cur) continue;
      this.states.delete(id);
      this.renewed.delete(id);
      this.clocks.set(id, cur.clock + 1);
      this.mark({ clientId: id, clock: cur.clock + 1, json: 'null' });
    }
  }

  private mark(e: PresenceEntry): void {
    this.changed.set(e.clientId, e);
    if (this.flushTimer) return;
    this.flushTimer = setTimeout(() => {
      this.flushTimer = null;
      this.flush();
    }, this.timing.flushMs);
    this.flushTimer.unref();
  }
}

/** Encodes entries as a y-protocols awareness update. */
function encode(entries: readonly PresenceEntry[]): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, entries.length);
  for (const x of entries) {
    encoding.writeVarUint(e, x.clientId);
    encoding.writeVarUint(e, x.clock);
    encoding.writeVarString(e, x.json);
  }
  return encoding.toUint8Array(e);
}
