import { startTestServer } from '../tests/utils/testServer.js';
import { createReviewWithMembers } from '../tests/utils/factories.js';
import { openDoc, synced, type TestClient } from '../tests/utils/yjsClient.js';
import { percentile, writeResult } from './benchUtils.js';
import { startBareRelay } from './bareRelay.js';

/**
 * Sync fan-out: one doc, 50 clients; each client in turn makes an edit and we time how long until
 * every other client has observed it. The same load runs against our server (auth, access checks,
 * server-set presence, fsync'd persistence) and, in the same run, a bare y-protocols relay with no
 * authentication and no persistence. Target: our p99 <= 1.25 x the bare relay's.
 */
const CLIENTS = 50;
const ROUNDS = 8; // every client edits this many times: 400 edits, 19,600 observations

/** Runs the fan-out load over already-synced clients and returns propagation latencies in ms. */
async function measure(clients: TestClient[]): Promise<number[]> {
  const latencies: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (let i = 0; i < clients.length; i++) {
      const key = `r${round}c${i}`;
      const start = performance.now();
      const waits = clients
        .filter((_, j) => j !== i)
        .map(
          (c) =>
            new Promise<void>((resolve) => {
              const map = c.doc.getMap('positions');
              const check = () => {
                if (map.has(key)) {
                  latencies.push(performance.now() - start);
                  map.unobserve(check);
                  resolve();
                }
              };
              map.observe(check);
            }),
        );
      clients[i]!.doc.getMap('positions').set(key, round);
      await Promise.all(waits);
    }
  }
  return latencies;
}

async function main(): Promise<void> {
  // y-websocket adds a process exit listener per provider in Node; 100 providers are expected here.
  process.setMaxListeners(200);
  // Ours: the real server, real sign-in, one review member per client.
  const ours = await startTestServer({ env: { LOG_LEVEL: 'silent' } });
  const fx = await createReviewWithMembers(ours.url);
  const name = `review.${fx.reviewId}.genogram`;
  const cookies = [fx.lead.cookie, fx.team.cookie, fx.author.cookie, fx.author2.cookie];
  const ourClients = Array.from({ length: CLIENTS }, (_, i) => openDoc(ours.url, name, cookies[i % cookies.length]!));
  await Promise.all(ourClients.map(synced));

  const bare = await startBareRelay();
  const bareClients = Array.from({ length: CLIENTS }, () => openDoc(bare.url, 'bench', null));
  await Promise.all(bareClients.map(synced));

  // Warm up both, then alternate the two measurements so that machine noise hits both alike.
  await measure(ourClients.slice(0, 5));
  await measure(bareClients.slice(0, 5));
  const oursLat: number[] = [];
  const bareLat: number[] = [];
  for (let rep = 0; rep < 3; rep++) {
    bareLat.push(...(await measure(bareClients)));
    oursLat.push(...(await measure(ourClients)));
  }
  const fig = (l: number[]) => ({ observations: l.length, p50ms: +percentile(l, 50).toFixed(2), p99ms: +percentile(l, 99).toFixed(2) });
  const o = fig(oursLat);
  const b = fig(bareLat);
  writeResult('syncFanout', {
    clients: CLIENTS,
    editsPerClient: ROUNDS * 3,
    ours: o,
    bareRelay: b,
    p99Ratio: +(o.p99ms / b.p99ms).toFixed(3),
    target: 'ours p99 <= 1.25 x bare relay p99',
    met: o.p99ms <= 1.25 * b.p99ms,
  });
  for (const c of [...ourClients, ...bareClients]) c.destroy();
  await bare.close();
  await ours.close();
}

await main();
process.exit(0);
