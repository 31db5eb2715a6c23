import { startTestServer } from '../tests/utils/testServer.js';
import { createReviewWithMembers } from '../tests/utils/factories.js';
import { openDoc, synced } from '../tests/utils/yjsClient.js';
import { randomFamily } from '../tests/shared/genogram/familyFixture.js';
import { buildFamily, layoutGenogram, setPosition, POSITIONS_MAP } from '../shared/genogram/index.js';
import { percentile, writeResult } from './benchUtils.js';

/**
 * Genogram on a 60-person family: automatic layout time (target < 200 ms), and p99 time for a node
 * move (a manual position written to the genogram doc) to reach 10 other clients through the real
 * server (target < 50 ms). Frame time while dragging is measured in Chromium by bench/genogramDrag.ts.
 */
async function main(): Promise<void> {
  process.setMaxListeners(50);
  const family = randomFamily(60, 60);
  const built = buildFamily(family.people, family.data);
  const layoutMs: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t = performance.now();
    layoutGenogram(built);
    layoutMs.push(performance.now() - t);
  }

  const server = await startTestServer({ env: { LOG_LEVEL: 'silent' } });
  const fx = await createReviewWithMembers(server.url);
  const name = `review.${fx.reviewId}.genogram`;
  const cookies = [fx.lead.cookie, fx.team.cookie, fx.author.cookie, fx.author2.cookie];
  const mover = openDoc(server.url, name, fx.lead.cookie);
  const watchers = Array.from({ length: 10 }, (_, i) => openDoc(server.url, name, cookies[i % cookies.length]!));
  await Promise.all([mover, ...watchers].map(synced));
  const ids = family.people.map((p) => p.id);
  const syncMs: number[] = [];
  for (let move = 0; move < 200; move++) {
    const id = ids[move % ids.length]!;
    const point = { x: 10 + move, y: 20 + move };
    const t = performance.now();
    const arrived = watchers.map(
      (w) =>
        new Promise<void>((resolve) => {
          const map = w.doc.getMap<{ x: number; y: number }>(POSITIONS_MAP);
          const check = () => {
            if (map.get(id)?.x === point.x) {
              syncMs.push(performance.now() - t);
              map.unobserve(check);
              resolve();
            }
          };
          map.observe(check);
        }),
    );
    setPosition(mover.doc, id, point);
    await Promise.all(arrived);
  }
  writeResult('genogram', {
    people: family.people.length,
    layoutMs: { p50: +percentile(layoutMs, 50).toFixed(1), max: +Math.max(...layoutMs).toFixed(1) },
    moveSyncTo10Clients: { observations: syncMs.length, p50ms: +percentile(syncMs, 50).toFixed(2), p99ms: +percentile(syncMs, 99).toFixed(2) },
    targets: { layoutMs: 200, moveSyncP99Ms: 50 },
    met: { layout: Math.max(...layoutMs) < 200, moveSync: percentile(syncMs, 99) < 50 },
  });
  for (const c of [mover, ...watchers]) c.destroy();
  await server.close();
}

await main();
process.exit(0);
