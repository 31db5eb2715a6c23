import * as decoding from 'lib0/decoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../utils/testServer.js';
import { createReviewWithMembers } from '../../utils/factories.js';
import { awarenessFrame, openRaw, until, type RawSocket } from '../../utils/yjsClient.js';

/** Issue 18, item 2: presence batched per document, and renewals that change nothing not re-broadcast. */
type Seen = { clientId: number; clock: number; json: string };

/** The awareness entries of every awareness message a raw socket received, one list per message. */
function awarenessMessages(raw: RawSocket): Seen[][] {
  const out: Seen[][] = [];
  for (const m of raw.received) {
    const d = decoding.createDecoder(m);
    if (decoding.readVarUint(d) !== 1) continue;
    const inner = decoding.createDecoder(decoding.readVarUint8Array(d));
    const n = decoding.readVarUint(inner);
    const list: Seen[] = [];
    for (let i = 0; i < n; i++) list.push({ clientId: decoding.readVarUint(inner), clock: decoding.readVarUint(inner), json: decoding.readVarString(inner) });
    out.push(list);
  }
  return out;
}
const seen = (raw: RawSocket, id: number) =>
  awarenessMessages(raw)
    .flat()
    .filter((e) => e.clientId === id);

async function opened(raw: RawSocket): Promise<RawSocket> {
  await raw.opened;
  return raw;
}

describe('presence that scales', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let fx: Awaited<ReturnType<typeof createReviewWithMembers>>;
  beforeAll(async () => {
    // Renewals are forwarded only by the keepalive, which this server never reaches during the test.
    server = await startTestServer({ config: { syncPresence: { flushMs: 300, keepaliveMs: 3_600_000 } } });
    fx = await createReviewWithMembers(server.url);
  });
  afterAll(async () => {
    await server.close();
  });

  it('does not re-broadcast a renewal whose state has not changed', async () => {
    const name = `review.${fx.reviewId}.genogram`;
    const watcher = await opened(openRaw(server.url, name, fx.observer.cookie));
    const a = await opened(openRaw(server.url, name, fx.team.cookie));
    const b = await opened(openRaw(server.url, name, fx.lead.cookie));
    a.ws.send(awarenessFrame([{ clientId: 501, clock: 1, state: { editing: 'p1' } }]));
    await until(() => seen(watcher, 501).length === 1, 'first state of a');
    a.ws.send(awarenessFrame([{ clientId: 501, clock: 2, state: { editing: 'p1' } }])); // a renewal
    a.ws.send(awarenessFrame([{ clientId: 501, clock: 3, state: { editing: 'p1' } }])); // and another
    // A change by b, sent after a's renewals, is relayed: by then the renewals were handled and not relayed.
    b.ws.send(awarenessFrame([{ clientId: 502, clock: 1, state: { editing: 'barrier' } }]));
    await until(() => seen(watcher, 502).length === 1, "b's change");
    expect(seen(watcher, 501).map((e) => e.clock)).toEqual([1]);
    // A real change is relayed, with its newest clock.
    a.ws.send(awarenessFrame([{ clientId: 501, clock: 4, state: { editing: 'p2' } }]));
    await until(() => seen(watcher, 501).length === 2, "a's change");
    expect(seen(watcher, 501)[1]!.clock).toBe(4);
    for (const s of [watcher, a, b]) s.ws.close();
  });

  it('sends changes of several connections gathered into one message per document', async () => {
    const name = `review.${fx.reviewId}.people`;
    const watcher = await opened(openRaw(server.url, name, fx.observer.cookie));
    const senders = await Promise.all([fx.team, fx.lead, fx.author].map((who) => opened(openRaw(server.url, name, who.cookie))));
    senders.forEach((s, i) => {
      s.ws.send(awarenessFrame([{ clientId: 601 + i, clock: 1, state: { editing: `row${i}` } }]));
    });
    await until(() => [601, 602, 603].every((id) => seen(watcher, id).length === 1), 'all three states');
    const carrying = awarenessMessages(watcher).filter((m) => m.some((e) => e.clientId >= 601 && e.clientId <= 603));
    expect(carrying).toHaveLength(1);
    expect(carrying[0]!.map((e) => e.clientId).sort()).toEqual([601, 602, 603]);
    for (const s of [watcher, ...senders]) s.ws.close();
  });
});

describe('presence keepalive', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let fx: Awaited<ReturnType<typeof createReviewWithMembers>>;
  beforeAll(async () => {
    server = await startTestServer({ config: { syncPresence: { flushMs: 20, keepaliveMs: 200 } } });
    fx = await createReviewWithMembers(server.url);
  });
  afterAll(async () => {
    await server.close();
  });

  it('forwards renewals in a batched keepalive, so remote presence stays alive', async () => {
    const name = `review.${fx.reviewId}.genogram`;
    const watcher = await opened(openRaw(server.url, name, fx.observer.cookie));
    const a = await opened(openRaw(server.url, name, fx.team.cookie));
    a.ws.send(awarenessFrame([{ clientId: 701, clock: 1, state: { editing: 'p1' } }]));
    await until(() => seen(watcher, 701).length === 1, 'first state');
    a.ws.send(awarenessFrame([{ clientId: 701, clock: 2, state: { editing: 'p1' } }]));
    await until(() => seen(watcher, 701).some((e) => e.clock === 2), 'renewal forwarded by the keepalive');
    // Renewals are forwarded once, not again at every keepalive.
    const sent = seen(watcher, 701).length;
    a.ws.send(awarenessFrame([{ clientId: 701, clock: 3, state: { editing: 'p1' } }]));
    await until(() => seen(watcher, 701).some((e) => e.clock === 3), 'next renewal');
    expect(seen(watcher, 701)).toHaveLength(sent + 1);
    for (const s of [watcher, a]) s.ws.close();
  });
});
