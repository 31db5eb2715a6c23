import fs from 'node:fs';
import path from 'node:path';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onPostgres, startTestServer } from '../../utils/testServer.js';
import { createReviewWithMembers } from '../../utils/factories.js';
import { awarenessFrame, openDoc, openRaw, syncFrame, synced, until, updateFrom, type TestClient, upgradeStatusAt } from '../../utils/yjsClient.js';
import { CLOSE_RATE_LIMITED, CLOSE_TOO_LARGE } from '../../../shared/sync/closeCodes.js';
import { MAX_PRESENCE_IDS_PER_CONN, SYNC_REQUEST_BURST } from '../../../server/sync/connLimits.js';
import { MAX_PENDING_UPDATES } from '../../../server/sync/pendingUpdates.js';
import { newId } from '../../../shared/ids.js';

/** Issue 12, findings 2, 3, 4 and 7: what one connection can make the server hold is bounded. */
let server: Awaited<ReturnType<typeof startTestServer>>;
let fx: Awaited<ReturnType<typeof createReviewWithMembers>>;
const clients: TestClient[] = [];
const open = (...args: Parameters<typeof openDoc>) => {
  const c = openDoc(...args);
  clients.push(c);
  return c;
};

beforeAll(async () => {
  server = await startTestServer({ config: { docIdleUnloadMs: 50 } });
  fx = await createReviewWithMembers(server.url);
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  await server.close();
});

/** The raw HTTP status an upgrade to a doc gets (101 when it becomes a socket). */
const upgradeStatus = (name: string, cookie: string) => upgradeStatusAt(server.url, `/yjs/${name}`, { origin: server.url, cookie });

/** An empty state vector: "send me the whole document". */
const EMPTY_SV = new Uint8Array([0]);

describe('bounded resources per connection', () => {
  it('cuts off a read-only connection that asks for the whole document repeatedly without reading', async () => {
    const name = `review.${fx.reviewId}.chronology-team`;
    // A document of about 13 MB, written by the review team.
    const writer = openRaw(server.url, name, fx.team.cookie);
    await writer.opened;
    const long = 'n'.repeat(11_000);
    for (let f = 0; f < 2; f++) {
      writer.ws.send(
        syncFrame(
          2,
          updateFrom((d) => {
            for (let i = 0; i < 600; i++) {
              const m = new Y.Map<unknown>();
              d.getMap('teamFields').set(`f${f}r${i}`, m);
              m.set('note', long);
            }
          }),
        ),
      );
    }
    const check = open(server.url, name, fx.lead.cookie);
    await until(() => check.doc.getMap('teamFields').size === 1_200, 'document written', 30_000);
    const before = server.deps.sync.connectionCount;
    // The observer stops reading, then asks for the whole document within its burst.
    const reader = openRaw(server.url, name, fx.observer.cookie);
    await reader.opened;
    const socket = (reader.ws as unknown as { _socket: { pause(): void; resume(): void } })._socket;
    socket.pause();
    for (let i = 0; i < SYNC_REQUEST_BURST; i++) reader.ws.send(syncFrame(0, EMPTY_SV));
    // Its queue passes the cap before its burst is spent: the server drops it rather than hold the copies.
    await until(() => server.deps.sync.connectionCount === before, 'unread socket cut off', 30_000);
    socket.resume();
    expect(await reader.closed).toBe(1006);
    writer.ws.close();
  });

  it('closes a connection that keeps asking for sync beyond its rate, read-only too', async () => {
    const name = `review.${fx.reviewId}.people`;
    const reader = openRaw(server.url, name, fx.observer.cookie);
    await reader.opened;
    for (let i = 0; i <= SYNC_REQUEST_BURST; i++) reader.ws.send(syncFrame(0, EMPTY_SV));
    expect(await reader.closed).toBe(CLOSE_RATE_LIMITED);
  });

  it('bounds presence states per connection and their size, read-only connections too', async () => {
    const name = `review.${fx.reviewId}.genogram`;
    const watcher = open(server.url, name, fx.lead.cookie);
    await synced(watcher);
    const flood = openRaw(server.url, name, fx.observer.cookie);
    await flood.opened;
    const states = Array.from({ length: 50_000 }, (_, i) => ({ clientId: 1_000_000 + i, clock: 1, state: { editing: `p${i}` } }));
    flood.ws.send(awarenessFrame(states));
    flood.ws.send(awarenessFrame([{ clientId: 1, clock: 1, state: { editing: 'x'.repeat(5_000) } }]));
    // A barrier: the watcher's own later change, which the server relays after handling the flood.
    watcher.provider.awareness.setLocalStateField('editing', 'barrier');
    const isFlood = (id: number) => id === 1 || (id >= 1_000_000 && id < 1_050_000);
    await until(() => [...watcher.provider.awareness.getStates().keys()].some(isFlood), 'some flood states');
    await new Promise((r) => setTimeout(r, 300));
    const flooded = [...watcher.provider.awareness.getStates().keys()].filter(isFlood);
    expect(flooded.length).toBe(MAX_PRESENCE_IDS_PER_CONN);
    expect(watcher.provider.awareness.getStates().has(1)).toBe(false);
    flood.ws.close();
  });

  it('holds updates with missing dependencies only up to a cap, and applies one once its dependency arrives', async () => {
    const name = `review.${fx.reviewId}.genogram`;
    const watcher = open(server.url, name, fx.lead.cookie);
    await synced(watcher);
    const source = new Y.Doc();
    const updates: Uint8Array[] = [];
    source.on('update', (u: Uint8Array) => updates.push(u));
    for (let i = 0; i < MAX_PENDING_UPDATES + 5; i++) source.getMap('positions').set(`k${i}`, { x: i, y: i });
    const raw = openRaw(server.url, name, fx.team.cookie);
    await raw.opened;
    // The second update first: it waits for the first, then both apply.
    raw.ws.send(syncFrame(2, updates[1]!));
    raw.ws.send(syncFrame(2, updates[0]!));
    await until(() => watcher.doc.getMap('positions').has('k1'), 'held update applied once its dependency arrived');
    // Then more updates than may wait, all missing their dependency (update 2).
    for (const u of updates.slice(3)) raw.ws.send(syncFrame(2, u));
    expect(await raw.closed).toBe(CLOSE_TOO_LARGE);
    expect(watcher.doc.getMap('positions').has('k3')).toBe(false);
  });

  it('refuses a chronology for an agency that does not exist, without opening anything', async () => {
    const name = `review.${fx.reviewId}.chronology.${newId()}`;
    expect(await upgradeStatus(name, fx.lead.cookie)).toBe(404);
    expect(fs.existsSync(path.join(server.dataDir, 'docs', name))).toBe(false);
    // Another review's agency is refused too, and a real one of this review is served.
    expect(await upgradeStatus(`review.${fx.otherReviewId}.chronology.${fx.agencies[0]!.id}`, fx.lead.cookie)).toBe(404);
    expect(await upgradeStatus(`review.${fx.reviewId}.chronology.${fx.agencies[0]!.id}`, fx.lead.cookie)).toBe(101);
  });

  it("releases a document's file handle when it unloads", async () => {
    const name = `review.${fx.reviewId}.chronology.${fx.agencies[1]!.id}`;
    const dir = path.join(server.dataDir, 'docs', name);
    const handles = () =>
      fs.readdirSync('/proc/self/fd').filter((fd) => {
        try {
          return fs.readlinkSync(`/proc/self/fd/${fd}`).startsWith(dir);
        } catch {
          return false;
        }
      }).length;
    const c = open(server.url, name, fx.lead.cookie);
    await synced(c);
    // The embedded store holds the doc's log open while it is loaded; PostgreSQL opens no file at all.
    expect(handles()).toBe(onPostgres() ? 0 : 1);
    c.destroy();
    await until(() => handles() === 0, 'doc unloaded and its handle closed');
  });
});
