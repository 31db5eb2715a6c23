import { createAdapter } from '@socket.io/postgres-adapter';
import type { Server as SocketIOServer } from 'socket.io';
import { channelPrefix } from '../storage/pg/PgNodeBus.js';
import { openPgPool } from '../storage/pg/pool.js';

/**
 * Connections the Socket.IO adapter holds: one stays checked out for LISTEN, one publishes. Kept apart
 * from the store's pool so that a burst of broadcasts never waits behind record queries, or the other way.
 */
const ADAPTER_POOL_MAX = 3;

/** How long closing waits for the adapter's pool to end; its listening connection may still be opening. */
const ADAPTER_CLOSE_MS = 2_000;

/**
 * Makes Socket.IO rooms span every node on one PostgreSQL database (docs/scaling.md): a broadcast to
 * a room (`p:<workshop>`, `f:<workshop>`) reaches the sockets in it on every node, through
 * `@socket.io/postgres-adapter` over LISTEN/NOTIFY. Its channels carry the same per-schema prefix as
 * the node bus, so installations and test servers sharing a database stay apart; payloads over 8,000
 * bytes travel as rows of `socket_io_attachments` (migration 5). Returns a function that ends its pool
 * (after `io.close()`, which closes the adapter).
 */
export async function attachClusterAdapter(io: SocketIOServer, url: string, schema: string | undefined): Promise<() => Promise<void>> {
  const pool = await openPgPool(url, schema, ADAPTER_POOL_MAX);
  io.adapter(
    createAdapter(pool, {
      channelPrefix: `${channelPrefix(schema)}sio`,
      tableName: 'socket_io_attachments',
      // Lost broadcasts are not retried: a screen reloads its state on reconnecting. Errors are not logged
      // with their payload (it may be a participant view).
      errorHandler: () => undefined,
    }),
  );
  return async () => {
    await Promise.race([pool.end(), new Promise((r) => setTimeout(r, ADAPTER_CLOSE_MS).unref())]);
  };
}
