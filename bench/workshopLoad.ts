import { startTestServer } from '../tests/utils/testServer.js';
import { api } from '../tests/utils/api.js';
import { createReviewWithMembers } from '../tests/utils/factories.js';
import { invitedParticipants } from '../tests/utils/participant.js';
import { percentile, writeResult } from './benchUtils.js';

/**
 * Workshop load: 300 connected participants each submit 3 responses within 2 seconds. Every
 * acknowledgement means the response is durable. Target: 0 lost, acknowledgement p99 < 250 ms, and
 * the facilitator receives every response. Also reports the server's RSS (server and clients share
 * this process, so it is an upper bound).
 */
const PARTICIPANTS = 300;
const EACH = 3;
const WINDOW_MS = 2_000;

async function main(): Promise<void> {
  const server = await startTestServer({ env: { LOG_LEVEL: 'silent' } });
  const fx = await createReviewWithMembers(server.url);
  const created = await api(server.url, 'POST', `/api/reviews/${fx.reviewId}/workshops`, { cookie: fx.lead.cookie, body: { date: '2026-12-01' } });
  const id = created.body.id as string;
  await api(server.url, 'POST', `/api/reviews/${fx.reviewId}/workshops/${id}/control`, { cookie: fx.lead.cookie, body: { action: 'publish' } });
  // Each participant redeems a personal invitation for a blind-signed token and joins with it.
  const people = await invitedParticipants(server.url, fx.lead.cookie, fx.reviewId, id, PARTICIPANTS);

  const latencies: number[] = [];
  let lost = 0;
  const started = performance.now();
  await Promise.all(people.flatMap((p, i) => Array.from({ length: EACH }, async (_, k) => {
    // Spread the 900 submissions evenly over the window.
    await new Promise((r) => setTimeout(r, ((i * EACH + k) / (PARTICIPANTS * EACH)) * WINDOW_MS));
    const t = performance.now();
    const ack = await p.emit('respond', { promptId: `w1-${k + 1}`, text: `Answer ${k} from participant ${i}` }).catch(() => ({ ok: false }));
    if (ack.ok) latencies.push(performance.now() - t);
    else lost++;
  })));
  const elapsed = performance.now() - started;
  // Starting the meeting ends worksheet 1 and releases its answers to the facilitator.
  await api(server.url, 'POST', `/api/reviews/${fx.reviewId}/workshops/${id}/control`, { cookie: fx.lead.cookie, body: { action: 'start' } });
  const results = (await api(server.url, 'GET', `/api/reviews/${fx.reviewId}/workshops/${id}/responses`, { cookie: fx.lead.cookie })).body;
  const received = results.prompts.filter((p: { id: string }) => p.id.startsWith('w1-')).reduce((n: number, p: { responses: unknown[] }) => n + p.responses.length, 0);
  writeResult('workshopLoad', {
    participants: PARTICIPANTS, responsesEach: EACH, windowMs: WINDOW_MS, elapsedMs: Math.round(elapsed),
    acknowledged: latencies.length, lost, facilitatorReceived: received,
    ackP50ms: +percentile(latencies, 50).toFixed(1), ackP99ms: +percentile(latencies, 99).toFixed(1),
    rssMiB: Math.round(process.memoryUsage().rss / 2 ** 20),
    target: '0 lost, ack p99 < 250 ms, facilitator receives all', met: lost === 0 && percentile(latencies, 99) < 250 && received === PARTICIPANTS * EACH,
  });
  for (const p of people) p.close();
  await server.close();
}

await main();
process.exit(0);
