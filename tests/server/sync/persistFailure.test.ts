import http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { SyncServer } from '../../../server/sync/SyncServer.js';
import { FileDocStore } from '../../../server/storage/FileDocStore.js';
import { ConnectionRegistry } from '../../../server/realtime/ConnectionRegistry.js';
import type { DocStore } from '../../../server/storage/types.js';
import type { LogFields, Logger } from '../../../server/http/logger.js';
import { tempDataDir } from '../../utils/testServer.js';
import { openDoc, synced, until, type TestClient } from '../../utils/yjsClient.js';

/** The real file store, with a switch that makes the next append fail as a full disk would. */
class FailingOnceStore implements DocStore {
  failNext = false;
  constructor(readonly inner: FileDocStore) {}
  load(n: string) {
    return this.inner.load(n);
  }
  append(n: string, u: Uint8Array) {
    if (this.failNext) {
      this.failNext = false;
      return Promise.reject(new Error('ENOSPC'));
    }
    return this.inner.append(n, u);
  }
  compact(n: string, s: Uint8Array) {
    return this.inner.compact(n, s);
  }
  size(n: string) {
    return this.inner.size(n);
  }
  history(n: string) {
    return this.inner.history(n);
  }
  close() {
    return this.inner.close();
  }
}

const NAME = 'review.AAAAAAAAAAAAAAAAAAAAAA.genogram';
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/**
 * The SyncServer on its own HTTP server (port 0) with a store that can fail. Authentication and
 * access are fixed here because this test is about storage failure, not about sign-in.
 */
async function start(store: DocStore, logged: { event: string; fields?: LogFields }[]) {
  const log: Logger = { info: (event, fields) => logged.push({ event, fields }), error: (event, fields) => logged.push({ event, fields }) };
  const sync = new SyncServer({
    docs: store,
    log,
    registry: new ConnectionRegistry(),
    publicOrigins: [],
    idleUnloadMs: 60_000,
    authenticate: async () => ({ userId: 'u1', sessionHash: 'h1', name: 'Tester', email: 't@test.invalid', isAdmin: false }),
    access: async () => 'write',
  });
  const server = http.createServer((_req, res) => {
    res.statusCode = 404;
    res.end();
  });
  server.on('upgrade', (req, socket, head) => void sync.handleUpgrade(req, socket, head));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  cleanups.push(async () => {
    await sync.close();
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
    await store.close();
  });
  return url;
}

describe('when storage refuses a write', () => {
  it("closes the doc's sockets, reloads from disk, and the clients re-send what was not stored", async () => {
    const store = new FailingOnceStore(new FileDocStore(tempDataDir()));
    const logged: { event: string; fields?: LogFields }[] = [];
    const url = await start(store, logged);
    const a: TestClient = openDoc(url, NAME, 'rr_session=x');
    const b: TestClient = openDoc(url, NAME, 'rr_session=y');
    cleanups.push(() => {
      a.destroy();
      b.destroy();
    });
    await Promise.all([synced(a), synced(b)]);
    a.doc.getMap('positions').set('one', 'stored');
    await until(() => b.doc.getMap('positions').get('one') === 'stored', 'first edit relayed');

    store.failNext = true;
    a.doc.getMap('positions').set('two', 'refused by the disk at first');
    expect((await a.closed).code).toBe(1011);
    // The providers reconnect by themselves; the sync handshake re-sends 'two' to a room loaded from disk.
    await until(() => a.provider.synced && b.provider.synced && a.provider.wsconnected, 'reconnected', 15_000);
    await until(() => b.doc.getMap('positions').get('two') === 'refused by the disk at first', 'b has the edit');
    const onDisk = new Y.Doc();
    // Appends include the server's own client id records, so wait for the edit itself to be on disk.
    await until(async () => {
      for (const u of await store.load(NAME)) Y.applyUpdate(onDisk, u);
      return onDisk.getMap('positions').has('two');
    }, 'the re-sent edit stored');
    expect(onDisk.getMap('positions').toJSON()).toEqual({ one: 'stored', two: 'refused by the disk at first' });

    // The failure is logged with a kind and a count only: no doc name, no content.
    const failure = logged.find((l) => l.event === 'sync.persist-failed');
    expect(failure?.fields).toEqual({ kind: 'genogram', conns: 2 });
    expect(JSON.stringify(logged)).not.toMatch(/stored|refused by|AAAAAAAA|Tester/);
  });
});
