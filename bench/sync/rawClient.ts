import * as Y from 'yjs';
import WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';

/**
 * A minimal Yjs sync client for the CPU benchmarks (bench/syncCpu.ts, bench/presenceIdle.ts). It speaks
 * the same y-protocols sync and awareness messages as y-websocket's WebsocketProvider, with either
 * framing: 'y-websocket' (ours and the bare relay: [type][payload]) or 'hocuspocus' ([doc name][type]
 * [payload], after an auth message). Using one client for every server keeps the client side equal and
 * cheap: it applies incoming updates to its Y.Doc but never decodes presence, so the client processes
 * stay well ahead of the servers being measured.
 */
export type Framing = 'y-websocket' | 'hocuspocus';

/** What a benchmark client exposes. */
export type RawClient = {
  doc: Y.Doc;
  /** Resolves once the first sync step 2 from the server has been applied. */
  synced: Promise<void>;
  /** Sends this client's presence (a new clock each call, as y-protocols does when renewing). */
  sendPresence(state: Record<string, unknown> | null): void;
  /** Number of times the socket closed (a drop by the server's heartbeat shows here). */
  closes: number;
  /** Close codes seen (1006: cut off without a close frame, e.g. by a heartbeat's terminate). */
  closeCodes: number[];
  close(): void;
};

const SYNC = 0;
const AWARENESS = 1;
const AUTH = 2;

/** Opens one client on `url` (ws://…/yjs/<doc> or ws://…/ for Hocuspocus) and starts the sync handshake. */
export function openRawClient(opts: { url: string; docName: string; framing: Framing; headers?: Record<string, string>; applyUpdates?: boolean }): RawClient {
  const doc = new Y.Doc();
  const ws = new WebSocket(opts.url, { headers: opts.headers ?? {}, perMessageDeflate: false });
  ws.binaryType = 'nodebuffer';
  let presenceClock = 0;
  let skipUpdates = false;
  let resolveSynced!: () => void;
  let rejectSynced!: (e: Error) => void;
  const synced = new Promise<void>((res, rej) => {
    resolveSynced = res;
    rejectSynced = rej;
  });
  synced.catch(() => undefined);
  const client: RawClient = {
    doc,
    synced,
    closes: 0,
    closeCodes: [],
    sendPresence(state) {
      presenceClock += 1;
      send(AWARENESS, (e) => {
        const inner = encoding.createEncoder();
        encoding.writeVarUint(inner, 1);
        encoding.writeVarUint(inner, doc.clientID);
        encoding.writeVarUint(inner, presenceClock);
        encoding.writeVarString(inner, JSON.stringify(state));
        encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
      });
    },
    close() {
      ws.terminate();
      doc.destroy();
    },
  };
  const send = (type: number, write: (e: encoding.Encoder) => void) => {
    if (ws.readyState !== WebSocket.OPEN) return;
    const e = encoding.createEncoder();
    if (opts.framing === 'hocuspocus') encoding.writeVarString(e, opts.docName);
    encoding.writeVarUint(e, type);
    write(e);
    ws.send(encoding.toUint8Array(e));
  };
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'remote') send(SYNC, (e) => syncProtocol.writeUpdate(e, update));
  });
  ws.on('open', () => {
    if (opts.framing === 'hocuspocus')
      send(AUTH, (e) => {
        encoding.writeVarUint(e, 0);
        encoding.writeVarString(e, 'bench');
      });
    send(SYNC, (e) => syncProtocol.writeSyncStep1(e, doc));
  });
  ws.on('message', (data: Buffer) => {
    const d = decoding.createDecoder(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    if (opts.framing === 'hocuspocus') decoding.readVarString(d);
    const type = decoding.readVarUint(d);
    // Hocuspocus's SyncReply (4) carries a sync message too.
    if (type !== SYNC && !(opts.framing === 'hocuspocus' && type === 4)) return;
    // A client that does not apply updates (applyUpdates false) still answers the handshake, then only
    // reads its frames: a cheap stand-in for a browser tab, so that the client processes keep up.
    if (skipUpdates && decoding.peekVarUint(d) === syncProtocol.messageYjsUpdate) return;
    const e = encoding.createEncoder();
    const syncType = syncProtocol.readSyncMessage(d, e, doc, 'remote');
    if (encoding.length(e) > 0) send(SYNC, (out) => encoding.writeUint8Array(out, encoding.toUint8Array(e)));
    if (syncType === syncProtocol.messageYjsSyncStep2) {
      resolveSynced();
      skipUpdates = opts.applyUpdates === false;
    }
  });
  ws.on('error', (err) => rejectSynced(err));
  ws.on('close', (code: number) => {
    client.closes += 1;
    client.closeCodes.push(code);
    rejectSynced(new Error('closed before sync'));
  });
  return client;
}
