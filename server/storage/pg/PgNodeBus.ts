import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';
import type { BusChannel, NodeBus } from '../types.js';

/** Every channel a node listens on. */
const BUS_CHANNELS: readonly BusChannel[] = ['doc-updates', 'revocations', 'presence'];

/** Delay before a lost LISTEN connection is opened again; doubled up to the maximum while it keeps failing. */
const RECONNECT_MIN_MS = 250;
const RECONNECT_MAX_MS = 10_000;

/**
 * The prefix of every notification channel of one installation: a hash of its schema, so installations
 * (and test servers) sharing one database do not hear each other.
 */
export function channelPrefix(schema: string | undefined): string {
  return `rr_${createHash('sha256')
    .update(schema ?? 'public')
    .digest('hex')
    .slice(0, 16)}_`;
}

/**
 * PostgreSQL LISTEN/NOTIFY between the app nodes sharing one database (docs/scaling.md): one
 * dedicated connection per node listens, and `pg_notify` publishes through the pool, delivered when
 * the publishing statement commits. Channel names carry a hash of the schema, so installations (and
 * test servers) sharing one database do not hear each other. Each message starts with the sending
 * node's random id, so a node ignores its own. A lost listening connection is reopened, and
 * subscribers are told so that they can catch up on what they missed.
 */
export class PgNodeBus implements NodeBus {
  /** This node's id on the bus. */
  readonly nodeId = randomBytes(8).toString('hex');
  private client: pg.Client | null = null;
  private readonly handlers = new Map<BusChannel, Set<(payload: string) => void>>();
  private readonly reconnectHandlers = new Set<() => void>();
  private closed = false;
  private delay = RECONNECT_MIN_MS;
  private readonly prefix: string;

  private constructor(
    private readonly url: string,
    private readonly pool: pg.Pool,
    schema: string | undefined,
  ) {
    this.prefix = channelPrefix(schema);
  }

  /** Opens the listening connection. */
  static async open(url: string, pool: pg.Pool, schema: string | undefined): Promise<PgNodeBus> {
    const bus = new PgNodeBus(url, pool, schema);
    await bus.connect();
    return bus;
  }

  private channel(c: BusChannel): string {
    return `${this.prefix}${c.replace('-', '_')}`;
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url });
    client.on('notification', (n) => {
      const channel = BUS_CHANNELS.find((c) => this.channel(c) === n.channel);
      const payload = n.payload ?? '';
      const sp = payload.indexOf(' ');
      if (!channel || sp < 0 || payload.slice(0, sp) === this.nodeId) return;
      for (const h of this.handlers.get(channel) ?? []) {
        try {
          h(payload.slice(sp + 1));
        } catch {
          /* one handler's failure must not stop the others */
        }
      }
    });
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    await client.connect();
    for (const c of BUS_CHANNELS) await client.query(`LISTEN ${this.channel(c)}`);
    this.client = client;
  }

  private lost(client: pg.Client): void {
    if (this.client !== client || this.closed) return;
    this.client = null;
    void client.end().catch(() => undefined);
    const retry = () => {
      if (this.closed) return;
      this.connect().then(
        () => {
          this.delay = RECONNECT_MIN_MS;
          for (const h of this.reconnectHandlers) h();
        },
        () => {
          this.delay = Math.min(this.delay * 2, RECONNECT_MAX_MS);
          setTimeout(retry, this.delay).unref();
        },
      );
    };
    setTimeout(retry, this.delay).unref();
  }

  /** Sends `payload` to every other node. */
  async publish(channel: BusChannel, payload: string): Promise<void> {
    await this.pool.query('SELECT pg_notify($1, $2)', [this.channel(channel), `${this.nodeId} ${payload}`]);
  }

  /** Calls `handler` for every message another node publishes on `channel`. */
  subscribe(channel: BusChannel, handler: (payload: string) => void): () => void {
    let set = this.handlers.get(channel);
    if (!set) {
      set = new Set();
      this.handlers.set(channel, set);
    }
    set.add(handler);
    return () => {
      set.delete(handler);
    };
  }

  /** Calls `handler` after a reconnection. */
  onReconnect(handler: () => void): () => void {
    this.reconnectHandlers.add(handler);
    return () => {
      this.reconnectHandlers.delete(handler);
    };
  }

  /** Stops listening. */
  async close(): Promise<void> {
    this.closed = true;
    const c = this.client;
    this.client = null;
    await c?.end().catch(() => undefined);
  }
}
