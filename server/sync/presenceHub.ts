import * as encoding from 'lib0/encoding';

/** How long presence changes are gathered before one batched broadcast per document. */
export const PRESENCE_FLUSH_MS = 50;

/**
 * How often renewals are forwarded. y-protocols clients renew their own state every 15 s and drop a
 * remote state not renewed for 30 s; forwarding gathered renewals every 5 s reaches every client at
 * most about 23 s after the previous renewal, and also keeps y-websocket's 30 s "no message" check quiet.
 */
export const PRESENCE_KEEPALIVE_MS = 5_000;

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
 */
export class PresenceHub {
  private readonly states = new Map<number, { clock: number; json: string }>();
  /** The last clock of every id seen, kept after removal so that a late echo cannot bring a state back. */
  private readonly clocks = new Map<number, number>();
  private readonly changed = new Map<number, PresenceEntry>();
  private readonly renewed = new Set<number>();
  private flushTimer: NodeJS.Timeout | null = null;
  private readonly keepaliveTimer: NodeJS.Timeout;

  /** Starts the keepalive; `broadcast` sends one frame payload (an awareness update) to every connection. */
  constructor(
    private readonly broadcast: (awarenessUpdate: Uint8Array) => void,
    private readonly timing: PresenceTiming,
  ) {
    this.keepaliveTimer = setInterval(() => this.keepalive(), timing.keepaliveMs);
    this.keepaliveTimer.unref();
  }

  /** Applies entries one connection may speak for (already filtered); stale clocks are ignored as in y-protocols. */
  apply(entries: readonly PresenceEntry[]): void {
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
  }

  /** Forwards gathered renewals now (the keepalive timer calls this). */
  keepalive(): void {
    if (this.renewed.size === 0) return;
    const batch: PresenceEntry[] = [];
    for (const id of this.renewed) {
      const s = this.states.get(id);
      if (s) batch.push({ clientId: id, clock: s.clock, json: s.json });
    }
    this.renewed.clear();
    if (batch.length > 0) this.broadcast(encode(batch));
  }

  /** Stops the timers. */
  destroy(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    clearInterval(this.keepaliveTimer);
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
