import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestStorage } from '../../utils/storage.js';
import { spawnServer, startTestServer, tempDataDir } from '../../utils/testServer.js';
import { login } from '../../utils/api.js';
import { TEST_PASSWORD, createReviewWithMembers } from '../../utils/factories.js';
import { openDoc, synced, until, type TestClient } from '../../utils/yjsClient.js';

const clients: TestClient[] = [];
afterEach(() => {
  for (const c of clients.splice(0)) c.destroy();
});
const open = (...args: Parameters<typeof openDoc>) => {
  const c = openDoc(...args);
  clients.push(c);
  return c;
};

describe('durability', () => {
  it('keeps every edit across a restart', async () => {
    const dataDir = tempDataDir();
    let server = await startTestServer({ dataDir });
    const fx = await createReviewWithMembers(server.url);
    const name = `review.${fx.reviewId}.genogram`;
    const a = open(server.url, name, fx.lead.cookie);
    await synced(a);
    for (let i = 0; i < 700; i++) a.doc.getMap('positions').set(`p${i}`, i); // past the compaction threshold
    const b = open(server.url, name, fx.team.cookie);
    await until(() => b.doc.getMap('positions').size === 700, 'all edits relayed');
    // An observer edits too; the edit must not survive anywhere.
    const o = open(server.url, name, fx.observer.cookie);
    await synced(o);
    o.doc.getMap('positions').set('sneaky', 'observer edit');
    a.doc.getMap('positions').set('last', 'lead edit after the observer');
    await until(() => o.doc.getMap('positions').get('last') === 'lead edit after the observer', 'observer reads on');
    a.destroy();
    b.destroy();
    o.destroy();
    await server.close();

    server = await startTestServer({ dataDir, env: { SEED_DEMO: 'false' } });
    try {
      const cookie = await login(server.url, fx.team.email, TEST_PASSWORD);
      const fresh = open(server.url, name, cookie);
      await synced(fresh);
      expect(fresh.doc.getMap('positions').size).toBe(701);
      expect(fresh.doc.getMap('positions').get('p699')).toBe(699);
      expect(fresh.doc.getMap('positions').get('last')).toBe('lead edit after the observer');
      expect(fresh.doc.getMap('positions').has('sneaky')).toBe(false);
      // The observer comes back still holding its edit: its sync handshake re-sends it, and it is dropped again.
      const obsCookie = await login(server.url, fx.observer.email, TEST_PASSWORD);
      const again = open(server.url, name, obsCookie, { connect: false });
      again.doc.getMap('positions').set('sneaky', 'observer edit');
      again.provider.connect();
      await synced(again);
      // The server handles one socket's frames in order, so once the team member sees presence the observer
      // sent after syncing, the server has already handled (and dropped) the re-sent edit.
      again.provider.awareness.setLocalStateField('editing', 'after-resync');
      await until(() => (fresh.provider.awareness.getStates().get(again.doc.clientID) as { editing?: string } | undefined)?.editing === 'after-resync', 'observer presence');
      expect(fresh.doc.getMap('positions').has('sneaky')).toBe(false);
      await server.close();
      const storage = await openTestStorage(dataDir);
      const onDisk = new Y.Doc();
      for (const u of await storage.docs.load(name)) Y.applyUpdate(onDisk, u);
      await storage.close();
      expect(onDisk.getMap('positions').has('sneaky')).toBe(false);
      expect(onDisk.getMap('positions').size).toBe(701);
    } finally {
      await server.close();
    }
  });

  it('unloads an idle doc after its last connection and reloads it intact', async () => {
    const server = await startTestServer({ config: { docIdleUnloadMs: 50 } });
    try {
      const fx = await createReviewWithMembers(server.url);
      const name = `review.${fx.reviewId}.genogram`;
      const a = open(server.url, name, fx.lead.cookie);
      await synced(a);
      a.doc.getMap('positions').set('kept', 'after unload');
      const b = open(server.url, name, fx.team.cookie);
      await until(() => b.doc.getMap('positions').get('kept') === 'after unload', 'relay');
      expect(server.deps.sync.loadedDocs).toBe(1);
      for (let i = 0; i < 200; i++) a.doc.getMap('positions').set(`n${i}`, 'x'.repeat(100));
      await until(() => b.doc.getMap('positions').size === 201, 'relay of the rest');
      const whole = Y.encodeStateAsUpdate(b.doc);
      a.destroy();
      b.destroy();
      await until(() => server.deps.sync.loadedDocs === 0, 'idle unload');
      await server.deps.sync.unloaded();
      const stored = await server.deps.docs.size(name);
      // A client that already holds the whole doc reconnects to the unloaded doc. The server loads it before
      // answering, so the client's sync step 2 carries nothing new and nothing is appended.
      const c = open(server.url, name, fx.team.cookie, { connect: false });
      Y.applyUpdate(c.doc, whole);
      c.provider.connect();
      await synced(c);
      const d = open(server.url, name, fx.lead.cookie);
      await synced(d);
      c.provider.awareness.setLocalStateField('editing', 'barrier'); // handled after c's sync step 2
      await until(() => (d.provider.awareness.getStates().get(c.doc.clientID) as { editing?: string } | undefined)?.editing === 'barrier', 'presence');
      expect(d.doc.getMap('positions').get('kept')).toBe('after unload');
      expect(d.doc.getMap('positions').size).toBe(201);
      expect(await server.deps.docs.size(name)).toBe(stored);
    } finally {
      await server.close();
    }
  });

  it('loses nothing when the server is killed with kill -9 in the middle of a stream of edits', async () => {
    const dataDir = tempDataDir();
    let srv = await spawnServer(dataDir);
    try {
      const fx = await createReviewWithMembers(srv.url);
      const name = `review.${fx.reviewId}.genogram`;
      const a = open(srv.url, name, fx.lead.cookie);
      const b = open(srv.url, name, fx.team.cookie);
      await Promise.all([synced(a), synced(b)]);
      const N = 400;
      let killed = false;
      let restarted: Promise<void> | null = null;
      // Both clients keep editing; the server is killed part-way and restarted on the same port.
      for (let i = 0; i < N; i++) {
        a.doc.getMap('positions').set(`k${i}`, i);
        b.doc.getMap('birthStatus').set(`k${i}`, i);
        if (i === N / 2 && !killed) {
          killed = true;
          const port = srv.port;
          await srv.kill9();
          restarted = spawnServer(dataDir, {}, port).then((s) => {
            srv = s;
          });
        }
        if (i % 20 === 0) await new Promise((r) => setTimeout(r, 5));
      }
      await restarted;
      // The sessions survived the crash (they are durable records), so the clients reconnect by themselves.
      await until(() => a.provider.synced && b.provider.synced && a.provider.wsconnected && b.provider.wsconnected, 'reconnect', 30_000);
      const fresh = open(srv.url, name, fx.lead.cookie);
      await synced(fresh);
      await until(() => fresh.doc.getMap('positions').size === N && fresh.doc.getMap('birthStatus').size === N, 'every edit on the server', 30_000);
      await srv.kill9();
      // Killed again at once: appends still in flight were never acknowledged, and the clients that hold
      // them re-send them when they reconnect, so a new server ends up with all of it.
      srv = await spawnServer(dataDir, {}, srv.port);
      const check = open(srv.url, name, fx.lead.cookie);
      await synced(check);
      await until(() => check.doc.getMap('positions').size === N && check.doc.getMap('birthStatus').size === N, 'every edit after the second crash', 30_000);
      expect(check.doc.getMap('positions').size).toBe(N);
      expect(check.doc.getMap('birthStatus').size).toBe(N);
    } finally {
      await srv.kill9();
    }
  }, 120_000);
});
