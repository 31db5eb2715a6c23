import * as Y from 'yjs';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as encoding from 'lib0/encoding';
import { MESSAGE_DURABLE } from '../../shared/sync/durable.js';

/** A real y-websocket client in Node, signed in with a session cookie. */
export type TestClient = { doc: Y.Doc; provider: WebsocketProvider; closed: Promise<{ code: number }>; destroy(): void };

/**
 * Opens a WebsocketProvider to /yjs/<docName> on the test server, sending the cookie and (by default)
 * the server's own Origin as a browser would. Reconnection is on, as in the app.
 */
export function openDoc(
  baseUrl: string,
  docName: string,
  cookie: string | null,
  opts: { origin?: string; connect?: boolean; shouldReconnect?: (event: CloseEvent) => boolean } = {},
): TestClient {
  const headers: Record<string, string> = { origin: opts.origin ?? baseUrl };
  if (cookie) headers.cookie = cookie;
  let resolveClosed!: (v: { code: number }) => void;
  const closed = new Promise<{ code: number }>((r) => {
    resolveClosed = r;
  });
  class CookieWebSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers });
      this.on('close', (code) => resolveClosed({ code }));
      this.on('unexpected-response', (_req, res) => resolveClosed({ code: res.statusCode ?? 0 }));
      // Errors surface as close events through the provider; keep them from crashing the test run.
      this.on('error', () => undefined);
    }
  }
  // In Node, every WebsocketProvider adds a process 'exit' listener; tests and benches open many at once.
  if (process.getMaxListeners() < 256) process.setMaxListeners(256);
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`${baseUrl.replace(/^http/, 'ws')}/yjs`, docName, doc, {
    WebSocketPolyfill: CookieWebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    connect: opts.connect ?? true,
    ...(opts.shouldReconnect ? { shouldReconnect: opts.shouldReconnect } : {}),
  });
  // Durable acknowledgements are read by DurableTracker when a test attaches one; otherwise ignored quietly.
  provider.messageHandlers[MESSAGE_DURABLE] = () => undefined;
  return {
    doc,
    provider,
    closed,
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Resolves once the provider has completed its first sync with the server. */
export function synced(c: TestClient): Promise<void> {
  if (c.provider.synced) return Promise.resolve();
  return new Promise((resolve) => {
    const on = (s: boolean) => {
      if (s) {
        c.provider.off('sync', on);
        resolve();
      }
    };
    c.provider.on('sync', on);
  });
}

/** Polls until `check` is true, or fails with `what` after `ms`. */
export async function until(check: () => boolean | Promise<boolean>, what: string, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A bare ws client on /yjs/<docName> (for hostile frames), with the close code it gets. */
export type RawSocket = { ws: WebSocket; opened: Promise<void>; closed: Promise<number>; received: Uint8Array[] };

/** Opens a raw socket to a doc with the cookie and the server's own Origin; it never answers sync itself. */
export function openRaw(baseUrl: string, docName: string, cookie: string, opts: { autoPong?: boolean } = {}): RawSocket {
  const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/yjs/${docName}`, { headers: { origin: baseUrl, cookie }, autoPong: opts.autoPong ?? true });
  const received: Uint8Array[] = [];
  ws.on('message', (d: Buffer) => received.push(new Uint8Array(d)));
  ws.on('error', () => undefined);
  const opened = new Promise<void>((resolve) => ws.once('open', () => resolve()));
  const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
  return { ws, opened, closed, received };
}

/** A sync frame: 0 = step 1 (payload a state vector), 1 = step 2, 2 = update. */
export function syncFrame(syncType: 0 | 1 | 2, payload: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, syncType);
  encoding.writeVarUint8Array(e, payload);
  return encoding.toUint8Array(e);
}

/** An awareness frame holding the given states (null removes one). */
export function awarenessFrame(states: { clientId: number; clock: number; state: unknown }[]): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, states.length);
  for (const s of states) {
    encoding.writeVarUint(inner, s.clientId);
    encoding.writeVarUint(inner, s.clock);
    encoding.writeVarString(inner, JSON.stringify(s.state));
  }
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
  return encoding.toUint8Array(e);
}

/** The update a change makes to a document holding nothing, under a chosen client id. */
export function updateFrom(change: (d: Y.Doc) => void, clientId?: number): Uint8Array {
  const d = new Y.Doc();
  if (clientId !== undefined) d.clientID = clientId;
  d.transact(() => change(d));
  return Y.encodeStateAsUpdate(d);
}

/** The raw HTTP status a WebSocket upgrade to `path` gets (101 when it becomes a socket, -1 on a network error). */
export function upgradeStatusAt(baseUrl: string, path: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${baseUrl.replace('http', 'ws')}${path}`, { headers });
    ws.on('open', () => {
      ws.close();
      resolve(101);
    });
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.on('error', () => resolve(-1));
  });
}
