import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../utils/testServer.js';
import { createReviewWithMembers } from '../../utils/factories.js';
import { openDoc, synced, until } from '../../utils/yjsClient.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
let fx: Awaited<ReturnType<typeof createReviewWithMembers>>;
beforeAll(async () => {
  server = await startTestServer({ config: { syncHeartbeatMs: 100, docIdleUnloadMs: 50 } });
  fx = await createReviewWithMembers(server.url);
});
afterAll(async () => {
  await server.close();
});

describe('dead connections', () => {
  it('terminates a socket that stops answering pings, so its presence goes and the doc can unload', async () => {
    const name = `review.${fx.reviewId}.genogram`;
    const watcher = openDoc(server.url, name, fx.lead.cookie);
    await synced(watcher);
    // A client whose network has gone: it never answers pings.
    const dead = new WebSocket(`${server.url.replace('http', 'ws')}/yjs/${name}`, { headers: { origin: server.url, cookie: fx.team.cookie }, autoPong: false });
    const closed = new Promise<number>((r) => dead.on('close', (code) => r(code)));
    dead.on('error', () => undefined);
    await new Promise((r) => dead.once('open', r));
    expect(await closed).toBe(1006);
    watcher.destroy();
    await until(() => server.deps.sync.loadedDocs === 0, 'doc unloads once the dead socket is gone');
  });

  it('does not drop a healthy socket when the event loop is blocked between a ping and its pong', async () => {
    const name = `review.${fx.reviewId}.people`;
    const ws = new WebSocket(`${server.url.replace('http', 'ws')}/yjs/${name}`, { headers: { origin: server.url, cookie: fx.lead.cookie } });
    let code = 0;
    ws.on('close', (c) => {
      code = c;
    });
    ws.on('error', () => undefined);
    await new Promise((r) => ws.once('open', r));
    let pings = 0;
    ws.on('ping', () => {
      pings += 1;
      // ws has already queued the pong; now block the whole process (server included) for several
      // heartbeats, so the server's next beats run before it has read that pong.
      if (pings === 1) {
        const until = Date.now() + 500;
        while (Date.now() < until) {
          /* busy */
        }
      }
    });
    // Three more heartbeats after the busy spell: the socket must still be open.
    await until(() => pings >= 4 || code !== 0, 'heartbeats after the busy spell');
    expect(code).toBe(0);
    ws.close();
  });

  it('keeps a socket that answers pings', async () => {
    const name = `review.${fx.reviewId}.people`;
    const live = openDoc(server.url, name, fx.lead.cookie);
    await synced(live);
    await new Promise((r) => setTimeout(r, 500));
    expect(live.provider.wsconnected).toBe(true);
    live.destroy();
  });
});
