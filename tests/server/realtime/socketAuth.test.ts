import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../utils/testServer.js';
import { api, login } from '../../utils/api.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

/** Connects a real socket.io-client with the given headers; resolves with the socket or the refusal. */
function attempt(headers: Record<string, string>): Promise<{ socket: Socket; error: string | null }> {
  return new Promise((resolve) => {
    const socket = connect(server.url, { transports: ['websocket'], extraHeaders: headers, reconnection: false });
    socket.on('connect', () => resolve({ socket, error: null }));
    socket.on('connect_error', (err) => {
      socket.close();
      resolve({ socket, error: err.message });
    });
  });
}

describe('Socket.IO staff namespace', () => {
  it('refuses a socket without a session, and one from a foreign Origin', async () => {
    expect((await attempt({ origin: server.url })).error).toBe('unauthenticated');
    const cookie = await login(server.url);
    expect((await attempt({ origin: 'https://evil.example', cookie })).error).toBe('forbidden-origin');
  });

  it('accepts a signed-in socket and disconnects it when the user logs out', async () => {
    const cookie = await login(server.url);
    const { socket, error } = await attempt({ origin: server.url, cookie });
    expect(error).toBeNull();
    const gone = new Promise<string>((r) => socket.on('disconnect', (reason) => r(reason)));
    await api(server.url, 'POST', '/api/auth/logout', { cookie, body: {} });
    expect(await gone).toBe('io server disconnect');
  });
});
