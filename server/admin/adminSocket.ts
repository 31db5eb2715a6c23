import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { AdminRequestSchema, type AdminReply } from '../../shared/schemas/admin.js';
import type { Logger } from '../http/logger.js';
import { hasForbiddenKey } from '../http/validate.js';

/** The admin socket's name inside DATA_DIR. */
export const ADMIN_SOCKET = 'admin.sock';

/** Largest admin request in bytes: an email and a password fit many times over. */
const MAX_REQUEST_BYTES = 4096;

/** How long one admin connection may stay idle while its request arrives. */
const REQUEST_TIMEOUT_MS = 30_000;

/** How long a parsed command may run before its connection is dropped: a backup of a large store takes a while. */
const COMMAND_TIMEOUT_MS = 15 * 60_000;

/** The path of the admin socket for a data directory. */
export function adminSocketPath(dataDir: string): string {
  return path.join(dataDir, ADMIN_SOCKET);
}

/**
 * A Unix socket in DATA_DIR (mode 0600, in a 0700 directory) through which `npm run admin` asks the
 * running server to run admin commands, so they change the server's own records, end sessions and
 * close sockets at once, and are audited, instead of editing files under a running server. Only the
 * operating-system user who owns DATA_DIR can connect, which is the same trust as editing its files.
 * One JSON request per connection, one JSON reply.
 */
export async function listenAdminSocket(
  dataDir: string,
  log: Logger,
  handle: (req: ReturnType<typeof AdminRequestSchema.parse>) => Promise<AdminReply>,
): Promise<{ close(): Promise<void> }> {
  const file = adminSocketPath(dataDir);
  // A socket file left by a server that died is in the way; the data directory lock proves it is stale.
  await fs.rm(file, { force: true });
  const server = net.createServer((conn) => {
    conn.setTimeout(REQUEST_TIMEOUT_MS, () => conn.destroy());
    let buf = '';
    const reply = (r: AdminReply) => conn.end(`${JSON.stringify(r)}\n`);
    conn.on('data', (chunk: Buffer) => {
      buf += chunk.toString('utf8');
      if (buf.length > MAX_REQUEST_BYTES) {
        conn.destroy();
        return;
      }
      const nl = buf.indexOf('\n');
      if (nl < 0) return;
      conn.pause();
      let parsed: unknown;
      try {
        parsed = JSON.parse(buf.slice(0, nl));
      } catch {
        return reply({ ok: false, message: 'The request is not JSON.' });
      }
      const req = hasForbiddenKey(parsed) ? null : AdminRequestSchema.safeParse(parsed);
      if (!req?.success) return reply({ ok: false, message: 'The request is not a valid admin command.' });
      conn.setTimeout(COMMAND_TIMEOUT_MS);
      handle(req.data).then(reply, () => {
        log.error('admin.command-failed', { command: req.data.command });
        reply({ ok: false, message: 'The command failed on the server. Nothing was changed.' });
      });
    });
    conn.on('error', () => undefined);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(file, () => resolve());
  });
  await fs.chmod(file, 0o600);
  return {
    close: () =>
      new Promise<void>((resolve) =>
        server.close(() => {
          void fs.rm(file, { force: true }).finally(resolve);
        }),
      ),
  };
}

/** Sends one request to a running server's admin socket; null when no server is listening there. */
export function sendAdminRequest(dataDir: string, request: unknown): Promise<AdminReply | null> {
  return new Promise((resolve, reject) => {
    const conn = net.connect(adminSocketPath(dataDir));
    let buf = '';
    conn.on('connect', () => conn.write(`${JSON.stringify(request)}\n`));
    conn.on('data', (c: Buffer) => {
      buf += c.toString('utf8');
    });
    conn.on('end', () => {
      try {
        resolve(JSON.parse(buf) as AdminReply);
      } catch {
        reject(new Error('The server gave no answer.'));
      }
    });
    conn.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT' || err.code === 'ECONNREFUSED') resolve(null);
      else reject(err);
    });
  });
}
