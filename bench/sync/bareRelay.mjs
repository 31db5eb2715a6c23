import http from 'node:http';
import * as Y from 'yjs';
import { WebSocketServer } from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';

/**
 * The bare relay of bench/syncCpu.ts, run in its own process as `node bench/sync/bareRelay.mjs`: one
 * Y.Doc per path, y-protocols sync only, every update broadcast to the doc's other sockets. No
 * authentication, no access checks, no presence, no persistence: the floor any Yjs server pays per edit.
 * Prints "listening <port>".
 */
const server = http.createServer();
const wss = new WebSocketServer({ server, perMessageDeflate: false });
const rooms = new Map();

function room(name) {
  let r = rooms.get(name);
  if (r) return r;
  const doc = new Y.Doc();
  const conns = new Set();
  doc.on('update', (update, origin) => {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 0);
    syncProtocol.writeUpdate(e, update);
    const msg = encoding.toUint8Array(e);
    for (const c of conns) if (c !== origin && c.readyState === c.OPEN) c.send(msg);
  });
  r = { doc, conns };
  rooms.set(name, r);
  return r;
}

wss.on('connection', (ws, req) => {
  const { doc, conns } = room(req.url ?? '/');
  conns.add(ws);
  ws.on('close', () => conns.delete(ws));
  ws.on('message', (data) => {
    const d = decoding.createDecoder(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
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
server.listen(0, '127.0.0.1', () => process.stdout.write(`listening ${server.address().port}\n`));
