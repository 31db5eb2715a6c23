import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { DurableTracker } from '../../../client/src/lib/durableTracker.js';
import { spawnServer, startTestServer, tempDataDir } from '../../utils/testServer.js';
import { createReviewWithMembers } from '../../utils/factories.js';
import { openDoc, synced, until, type TestClient } from '../../utils/yjsClient.js';

type Tracked = TestClient & { tracker: DurableTracker };

const clients: Tracked[] = [];
afterEach(() => {
  for (const c of clients.splice(0)) {
    c.tracker.destroy();
    c.destroy();
  }
});

/** Opens a client whose doc starts from `kept` (what the browser's y-indexeddb copy would hold), tracked before it connects. */
function openTracked(url: string, name: string, cookie: string, kept?: Uint8Array): Tracked {
  const c = openDoc(url, name, cookie, { connect: false });
  const tracked = Object.assign(c, { tracker: new DurableTracker(c.doc, c.provider) });
  if (kept) Y.applyUpdate(c.doc, kept, 'local copy');
  c.provider.connect();
  clients.push(tracked);
  return tracked;
}

/** Resolves as soon as `check` holds, tested on every update of `doc` (no polling delay); fails after 30 s. */
function whenDoc(doc: Y.Doc, check: () => boolean): Promise<void> {
  if (check()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      doc.off('update', on);
      reject(new Error('timed out waiting for the relay'));
    }, 30_000);
    const on = () => {
      if (check()) {
        clearTimeout(timer);
        doc.off('update', on);
        resolve();
      }
    };
    doc.on('update', on);
  });
}

describe('durable acknowledgement', () => {
  it('acknowledges an update only once it is on disk, and says so to its author', async () => {
    const server = await startTestServer();
    try {
      const fx = await createReviewWithMembers(server.url);
      // The genogram's `positions` root holds plain values (docs/sync.md), so these edits keep its shape.
      const name = `review.${fx.reviewId}.genogram`;
      const a = openTracked(server.url, name, fx.lead.cookie);
      const b = openTracked(server.url, name, fx.team.cookie);
      await Promise.all([synced(a), synced(b)]);
      a.doc.getMap('positions').set('x', 'one');
      a.doc.getMap('positions').set('y', 'two');
      a.doc.getMap('positions').delete('x');
      expect(a.tracker.unsaved).toBe(3);
      await until(() => a.tracker.unsaved === 0, 'acknowledgement');
      // The acknowledgement came after the append: the store already holds all three updates.
      const onDisk = new Y.Doc();
      for (const u of await server.deps.docs.load(name)) Y.applyUpdate(onDisk, u);
      expect(onDisk.getMap('positions').toJSON()).toEqual({ y: 'two' });
      // The peer that only received the edits has nothing of its own to wait for.
      await until(() => b.doc.getMap('positions').get('y') === 'two', 'relay');
      expect(b.tracker.unsaved).toBe(0);
    } finally {
      await server.close();
    }
  });

  it('loses nothing when every client closes and the server is killed right after relaying (10 runs)', async () => {
    const dataDir = tempDataDir();
    let srv = await spawnServer(dataDir);
    const RUNS = 10;
    const EDITS = 20;
    let atRisk = 0;
    try {
      const fx = await createReviewWithMembers(srv.url);
      const r = fx.reviewId;
      // A document both the lead reviewer and the review team write, in a root of plain values
      // (docs/sync.md), each run under its own keys.
      const names = [`review.${r}.genogram`];
      const cookies = [fx.lead.cookie, fx.team.cookie, fx.lead.cookie];
      const runKeys = (m: Y.Map<unknown>, run: number) => [...m.keys()].filter((k) => k.startsWith(`run${run}-`)).length;
      for (let run = 0; run < RUNS; run++) {
        const name = names[run % names.length]!;
        const key = `run${run}-`;
        const holders = cookies.map((cookie) => openTracked(srv.url, name, cookie));
        await Promise.all(holders.map(synced));
        holders.forEach((c, n) => {
          const m = c.doc.getMap('positions');
          m.set(`${key}c${n}-gone`, 'set first, deleted last');
          for (let i = 0; i < EDITS; i++) m.set(`${key}c${n}-${i}`, i);
          m.delete(`${key}c${n}-gone`);
        });
        const expected = holders.length * EDITS;
        await Promise.all(holders.map((c) => whenDoc(c.doc, () => runKeys(c.doc.getMap('positions'), run) === expected)));
        // Relayed everywhere. Now every holder closes (the tab's local copy is what y-indexeddb keeps)
        // and the server dies at once.
        const kept = holders.map((c) => Y.encodeStateAsUpdate(c.doc));
        atRisk += holders.reduce((n, c) => n + c.tracker.unsaved, 0);
        for (const c of holders) {
          c.tracker.destroy();
          c.destroy();
        }
        const port = srv.port;
        await srv.kill9();
        srv = await spawnServer(dataDir, {}, port);
        // The tabs come back from their local copies; each is done once everything it holds is acknowledged.
        const back = holders.map((_, n) => openTracked(srv.url, name, cookies[n]!, kept[n]));
        expect(back.every((c) => c.tracker.unsaved > 0)).toBe(true);
        await Promise.all(back.map((c) => until(() => c.tracker.unsaved === 0, 'every restored change acknowledged', 30_000)));
        for (const c of back) {
          c.tracker.destroy();
          c.destroy();
        }
      }
      // Killed once more after the last acknowledgement: everything acknowledged must be on disk.
      const port = srv.port;
      await srv.kill9();
      srv = await spawnServer(dataDir, {}, port);
      let lost = 0;
      for (let run = 0; run < RUNS; run++) {
        const check = openTracked(srv.url, names[run % names.length]!, fx.lead.cookie);
        await synced(check);
        const m = check.doc.getMap('positions');
        for (let n = 0; n < cookies.length; n++) {
          for (let i = 0; i < EDITS; i++) if (m.get(`run${run}-c${n}-${i}`) !== i) lost += 1;
          if (m.has(`run${run}-c${n}-gone`)) lost += 1; // a lost deletion
        }
      }
      console.log(`durable ack kill -9: ${RUNS} runs, ${RUNS * cookies.length * (EDITS + 2)} updates, ${atRisk} unacknowledged when every client closed, ${lost} lost`);
      expect(lost).toBe(0);
    } finally {
      if (srv.child.exitCode === null && srv.child.signalCode === null) await srv.kill9();
    }
  }, 240_000);
});
