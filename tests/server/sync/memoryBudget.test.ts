import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { DurableTracker } from '../../../client/src/lib/durableTracker.js';
import { DOC_MEMORY_OVERHEAD_BYTES, docsToUnload } from '../../../server/sync/memoryBudget.js';
import { startTestServer } from '../../utils/testServer.js';
import { createReviewWithMembers } from '../../utils/factories.js';
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

describe('docsToUnload', () => {
  const doc = (name: string, bytes: number, lastUsed: number, unloadable = true) => ({ name, bytes, lastUsed, unloadable });

  it('unloads nothing within the budget', () => {
    expect(docsToUnload([doc('a', 10, 1), doc('b', 10, 2)], 20)).toEqual([]);
  });

  it('unloads the coldest unloadable docs first, and only as many as needed', () => {
    expect(docsToUnload([doc('warm', 10, 5), doc('cold', 10, 1), doc('mid', 10, 3)], 20)).toEqual(['cold']);
    expect(docsToUnload([doc('warm', 10, 5), doc('cold', 10, 1), doc('mid', 10, 3)], 10)).toEqual(['cold', 'mid']);
  });

  it('never picks a doc with connections, even when it is the coldest', () => {
    expect(docsToUnload([doc('open', 10, 1, false), doc('idle', 10, 2)], 15)).toEqual(['idle']);
    expect(docsToUnload([doc('open', 30, 1, false)], 15)).toEqual([]);
  });
});

describe('memory budget for loaded docs', () => {
  it('unloads the coldest doc without connections, keeps docs with a connection, and loses no acknowledged edit', async () => {
    // Room for two small docs (a few hundred bytes each) but not three.
    const server = await startTestServer({ config: { docIdleUnloadMs: 600_000, docMemoryBudgetBytes: 3 * DOC_MEMORY_OVERHEAD_BYTES - 1 } });
    try {
      const fx = await createReviewWithMembers(server.url);
      const names = ['genogram', 'people', 'chronology-team'].map((k) => `review.${fx.reviewId}.${k}`);
      const [genogram, people, team] = names as [string, string, string];

      // The genogram gets acknowledged edits, then its client leaves: the doc stays loaded (the idle timer is long).
      const a = open(server.url, genogram, fx.lead.cookie);
      await synced(a);
      const tracker = new DurableTracker(a.doc, a.provider);
      for (let i = 0; i < 10; i++) a.doc.getMap('positions').set(`n${i}`, { x: i, y: i });
      await until(() => tracker.unsaved === 0, 'edits acknowledged');
      tracker.destroy();
      a.destroy();
      // The people register stays open throughout.
      const p = open(server.url, people, fx.lead.cookie);
      await synced(p);
      expect(server.deps.sync.loadedDocs).toBe(2);
      expect(server.deps.sync.budgetUnloads).toBe(0);

      // Loading a third doc goes past the budget: the genogram (coldest, no connection) is unloaded, the register is not.
      const t = open(server.url, team, fx.lead.cookie);
      await synced(t);
      await until(() => server.deps.sync.budgetUnloads >= 1, 'unload by budget');
      await server.deps.sync.unloaded();
      expect(server.deps.sync.loadedDocs).toBe(2);
      expect(p.provider.wsconnected).toBe(true);

      // Reloaded from storage, every acknowledged edit is there.
      const again = open(server.url, genogram, fx.team.cookie);
      await synced(again);
      const positions = again.doc.getMap('positions');
      expect(positions.size).toBe(10);
      expect(positions.get('n9')).toEqual({ x: 9, y: 9 });
      // The register kept its connection: the coldest doc went, not the open one.
      expect(p.provider.wsconnected).toBe(true);
      expect(server.deps.sync.budgetUnloads).toBe(1);
    } finally {
      await server.close();
    }
  });

  it('unloads a doc read by an export only once the read is done, and its content survives', async () => {
    const server = await startTestServer({ config: { docIdleUnloadMs: 600_000, docMemoryBudgetBytes: 1 } });
    try {
      const fx = await createReviewWithMembers(server.url);
      const name = `review.${fx.reviewId}.genogram`;
      const a = open(server.url, name, fx.lead.cookie);
      await synced(a);
      const tracker = new DurableTracker(a.doc, a.provider);
      a.doc.getMap('positions').set('p', 'acknowledged');
      await until(() => tracker.unsaved === 0, 'edit acknowledged');
      tracker.destroy();
      a.destroy();
      // With its last connection gone the doc is over a budget of one byte and is unloaded at once.
      await until(() => server.deps.sync.loadedDocs === 0, 'unload by budget');
      // A server-side read loads it, and it stays loaded while the read runs.
      const seen = await server.deps.sync.read(name, (doc) => {
        expect(server.deps.sync.loadedDocs).toBe(1);
        return (doc.getMap('positions') as Y.Map<string>).get('p');
      });
      expect(seen).toBe('acknowledged');
      await until(() => server.deps.sync.loadedDocs === 0, 'unloaded after the read');
    } finally {
      await server.close();
    }
  });
});
