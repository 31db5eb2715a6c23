import http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as Y from 'yjs';
import { WebSocketServer, type WebSocket } from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';

/** A bare relay: applies sync messages to one Y.Doc and broadcasts updates. No auth, no storage. */
export async function startBareRelay(listenPort = 0): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer();
  const wss = new WebSocketServer({ server });
  const doc = new Y.Doc();
  const conns = new Set<WebSocket>();
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 0);
    syncProtocol.writeUpdate(e, update);
    const msg = encoding.toUint8Array(e);
    for (const c of conns) if (c !== origin && c.readyState === c.OPEN) c.send(msg);
  });
  wss.on('connection', (ws) => {
    conns.add(ws);
    ws.on('close', () => conns.delete(ws));
    ws.on('message', (data: Buffer) => {
      const d = decoding.createDecoder(new Uint8Array(data));
      if (decoding.readVarUint(d) !== 0) return;
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, 0);
      syncProtocol.readSyncMessage(d, e, doc, ws);
      if (encoding.length(e) > 1) ws.send(encoding.toUint8Array(e));
    });
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 0);
    syncProtocol.writeSyncStep1(e, doc);
    ws.send(encoding.toUint8Array(e));
  });
  await new Promise<void>((r) => server.listen(listenPort, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((r) => {
        for (const c of conns) c.terminate();
        wss.close();
        server.close(() => r());
      }),
  };
}

// Run on its own (`node --import tsx bench/bareRelay.ts`, PORT from the environment), the relay is a
// process of its own, as the servers it is compared with are in bench/nodesScaling.ts.
if (process.argv[1]?.endsWith('bareRelay.ts')) {
  const relay = await startBareRelay(Number(process.env.PORT ?? 0));
  process.stdout.write(`bare relay running at ${relay.url}\n`);
}
