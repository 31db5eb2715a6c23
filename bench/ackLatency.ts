import { DurableTracker } from '../client/src/lib/durableTracker.js';
import { startTestServer } from '../tests/utils/testServer.js';
import { createReviewWithMembers } from '../tests/utils/factories.js';
import { openDoc, synced, type TestClient } from '../tests/utils/yjsClient.js';
import { percentile, writeResult } from './benchUtils.js';

/**
 * Durable acknowledgement latency (docs/sync.md): one doc, 50 editors; each in turn makes an edit, and
 * we time (a) how long until every other editor has it (the relay) and (b) how long until its author's
 * DurableTracker says it is on disk (the acknowledgement, after the fsync). Relay does not wait for the
 * acknowledgement, so (a) should match bench/syncFanout.ts and (b) adds the disk's fsync time.
 */
const CLIENTS = 50;
const ROUNDS = 4; // 200 edits

async function main(): Promise<void> {
  const server = await startTestServer();
  try {
    const fx = await createReviewWithMembers(server.url);
    const name = `review.${fx.reviewId}.people`;
    const clients: (TestClient & { tracker: DurableTracker })[] = [];
    for (let i = 0; i < CLIENTS; i++) {
      const c = openDoc(server.url, name, i % 2 ? fx.team.cookie : fx.lead.cookie);
      clients.push(Object.assign(c, { tracker: new DurableTracker(c.doc, c.provider) }));
    }
    await Promise.all(clients.map(synced));
    const relay: number[] = [];
    const ack: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      for (const [i, author] of clients.entries()) {
        const key = `r${round}c${i}`;
        const t0 = performance.now();
        const relayed = Promise.all(
          clients
            .filter((c) => c !== author)
            .map(
              (c) =>
                new Promise<void>((resolve) => {
                  const on = () => {
                    if (c.doc.getMap('bench').has(key)) {
                      c.doc.off('update', on);
                      resolve();
                    }
                  };
                  c.doc.on('update', on);
                }),
            ),
        ).then(() => relay.push(performance.now() - t0));
        const acked = new Promise<void>((resolve) => {
          const stop = author.tracker.onChange(() => {
            if (author.tracker.unsaved === 0) {
              stop();
              resolve();
            }
          });
        }).then(() => ack.push(performance.now() - t0));
        author.doc.getMap('bench').set(key, i);
        await Promise.all([relayed, acked]);
      }
    }
    const r = (xs: number[], p: number) => Math.round(percentile(xs, p) * 10) / 10;
    writeResult('ackLatency', {
      clients: CLIENTS,
      edits: relay.length,
      relayMs: { p50: r(relay, 50), p99: r(relay, 99) },
      ackMs: { p50: r(ack, 50), p99: r(ack, 99) },
    });
    for (const c of clients) {
      c.tracker.destroy();
      c.destroy();
    }
  } finally {
    await server.close();
  }
}

void main();
