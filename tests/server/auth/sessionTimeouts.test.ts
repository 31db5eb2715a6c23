import * as Y from 'yjs';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../utils/testServer.js';
import { api, login } from '../../utils/api.js';
import { openDoc, synced } from '../../utils/yjsClient.js';

const IDLE_MS = 60_000;
const MAX_MS = 3_600_000;

// The server's sessions run on this clock, so the test moves time instead of waiting for it.
let now = Date.now();
let server: Awaited<ReturnType<typeof startTestServer>>;
let reviewId: string;

beforeAll(async () => {
  server = await startTestServer({ config: { sessionIdleMs: IDLE_MS, sessionMaxMs: MAX_MS, sessionSweepMs: 50, clock: () => now } });
  const cookie = await login(server.url);
  const r = await api(server.url, 'POST', '/api/reviews', {
    cookie,
    body: { title: 'Session review', kind: 'rapid-review', childPseudonym: 'Child S', referralDate: '02/11/2026' },
  });
  reviewId = r.body.id;
});
afterAll(async () => {
  await server.close();
});

/** A signed-in Socket.IO staff socket; resolves once connected. */
function staffSocket(cookie: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(server.url, { transports: ['websocket'], extraHeaders: { origin: server.url, cookie }, reconnection: false });
    socket.on('connect', () => resolve(socket));
    socket.on('connect_error', reject);
  });
}

describe('session timeouts', () => {
  it('slides the idle timeout with activity: requests every 15 s keep a session alive well past the idle period', async () => {
    const cookie = await login(server.url);
    for (let i = 0; i < 20; i++) {
      now += 15_000; // 5 minutes in all, five times the idle timeout
      expect((await api(server.url, 'GET', '/api/me', { cookie })).status).toBe(200);
    }
    now += IDLE_MS + 1;
    expect((await api(server.url, 'GET', '/api/me', { cookie })).status).toBe(401);
  });

  it('counts document edits as activity, so someone editing only the chronology stays signed in', async () => {
    const cookie = await login(server.url);
    const client = openDoc(server.url, `review.${reviewId}.people`, cookie);
    await synced(client);
    for (let i = 0; i < 8; i++) {
      now += 20_000;
      const sent = new Promise<void>((r) => setTimeout(r, 30));
      client.doc.getMap('people').set(`p${i}`, new Y.Map());
      await sent;
    }
    expect(client.provider.wsconnected).toBe(true);
    expect((await api(server.url, 'GET', '/api/me', { cookie })).status).toBe(200);
    client.destroy();
  });

  it('closes open Yjs and Socket.IO sockets when the idle timeout passes, without the cookie being presented', async () => {
    const cookie = await login(server.url);
    const client = openDoc(server.url, `review.${reviewId}.people`, cookie);
    await synced(client);
    const socket = await staffSocket(cookie);
    const ioGone = new Promise<string>((r) => socket.on('disconnect', (reason) => r(reason)));
    now += IDLE_MS + 1;
    expect((await client.closed).code).toBe(4001);
    expect(await ioGone).toBe('io server disconnect');
    client.destroy();
    expect(server.deps.registry.size).toBe(0);
  });

  it('closes open sockets at the absolute timeout however active the user is', async () => {
    const cookie = await login(server.url);
    const client = openDoc(server.url, `review.${reviewId}.people`, cookie);
    await synced(client);
    const socket = await staffSocket(cookie);
    const ioGone = new Promise<string>((r) => socket.on('disconnect', (reason) => r(reason)));
    let stillOpen = 0;
    for (let t = 0; t < MAX_MS - 30_000; t += 30_000) {
      now += 30_000;
      if ((await api(server.url, 'GET', '/api/me', { cookie })).status === 200) stillOpen++;
    }
    expect(stillOpen).toBe(MAX_MS / 30_000 - 1);
    expect(client.provider.wsconnected).toBe(true);
    now += 60_000;
    expect((await client.closed).code).toBe(4001);
    expect(await ioGone).toBe('io server disconnect');
    client.destroy();
  });
});
