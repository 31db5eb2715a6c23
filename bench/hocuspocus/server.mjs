import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Server } from '@hocuspocus/server';
import { SQLite } from '@hocuspocus/extension-sqlite';

/**
 * Hocuspocus for bench/syncCpu.ts, in its own process: `node bench/hocuspocus/server.mjs`, with
 * its SQLite extension on a file in a fresh temporary directory (its defaults: the whole document is
 * stored on a 2 s debounce, at most every 10 s, not every edit), no authentication hook, quiet. Prints
 * "listening <port>".
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rr-hocuspocus-'));
const server = new Server({
  port: 0,
  address: '127.0.0.1',
  quiet: true,
  extensions: [new SQLite({ database: path.join(dir, 'db.sqlite') })],
});
await server.listen();
process.stdout.write(`listening ${server.address.port}\n`);
