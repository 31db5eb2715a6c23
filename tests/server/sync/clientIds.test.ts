import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../utils/testServer.js';
import { createReviewWithMembers } from '../../utils/factories.js';
import { awarenessFrame, openDoc, openRaw, syncFrame, synced, until, type TestClient } from '../../utils/yjsClient.js';
import { CLOSE_FOREIGN_CLIENT } from '../../../shared/sync/closeCodes.js';

/** Issue 12, finding 8: Yjs client ids belong to the user who introduced them. */
let server: Awaited<ReturnType<typeof startTestServer>>;
let fx: Awaited<ReturnType<typeof createReviewWithMembers>>;
const clients: TestClient[] = [];
const open = (...args: Parameters<typeof openDoc>) => {
  const c = openDoc(...args);
  clients.push(c);
  return c;
};
const dataDir = (): string => server.dataDir;

beforeAll(async () => {
  server = await startTestServer({ config: { docIdleUnloadMs: 50 } });
  fx = await createReviewWithMembers(server.url);
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  await server.close();
});

/** The update a forger holding `doc` crafts for `change` under `clientId` (at that client's next clock). */
function nextUpdateOf(doc: Y.Doc, clientId: number, change: (d: Y.Doc) => void): Uint8Array {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  // Set after loading: Yjs gives a doc a new client id when an update holds structs of its own.
  copy.clientID = clientId;
  const sv = Y.encodeStateVector(copy);
  copy.transact(() => change(copy));
  return Y.encodeStateAsUpdate(copy, sv);
}

async function sendAndClose(name: string, cookie: string, frame: Uint8Array): Promise<number> {
  const raw = openRaw(server.url, name, cookie);
  await raw.opened;
  raw.ws.send(frame);
  return raw.closed;
}

describe('client ids belong to users', () => {
  it("refuses an edit under the lead's client id while the lead is offline, so the lead's offline edit is kept, after a restart too", async () => {
    const name = `review.${fx.reviewId}.genogram`;
    const lead = open(server.url, name, fx.lead.cookie);
    await synced(lead);
    lead.doc.getMap('positions').set('lead-online', { x: 1, y: 1 });
    const watcher = open(server.url, name, fx.team.cookie);
    await until(() => watcher.doc.getMap('positions').has('lead-online'), 'lead edit relayed');
    lead.provider.disconnect();
    lead.doc.getMap('positions').set('lead-offline', { x: 2, y: 2 });
    // Author A crafts the lead's next struct (same client id and clock) with its own content.
    const forged = nextUpdateOf(watcher.doc, lead.doc.clientID, (d) => d.getMap('positions').set('forged', { x: 9, y: 9 }));
    expect(await sendAndClose(name, fx.author.cookie, syncFrame(2, forged))).toBe(CLOSE_FOREIGN_CLIENT);
    // Sent inside a handshake, the forged structs are dropped instead.
    const raw = openRaw(server.url, name, fx.author.cookie);
    await raw.opened;
    raw.ws.send(syncFrame(1, forged));
    lead.provider.connect();
    await until(() => watcher.doc.getMap('positions').has('lead-offline'), "lead's offline edit arrives");
    expect(watcher.doc.getMap('positions').has('forged')).toBe(false);
    raw.ws.close();

    // The ownership is stored with the document: after a restart the forgery is still refused.
    for (const c of clients.splice(0)) c.destroy();
    await server.close();
    server = await startTestServer({ dataDir: dataDir(), config: { docIdleUnloadMs: 50 } });
    // Sessions are durable records, so the same cookies still sign in.
    const again = open(server.url, name, fx.team.cookie);
    await synced(again);
    const forgedAfter = nextUpdateOf(again.doc, lead.doc.clientID, (d) => d.getMap('positions').set('forged', { x: 9, y: 9 }));
    expect(await sendAndClose(name, fx.author.cookie, syncFrame(2, forgedAfter))).toBe(CLOSE_FOREIGN_CLIENT);
  });

  it("binds a presence slot to its user: another member cannot take over a dropped tab's slot", async () => {
    const name = `review.${fx.reviewId}.people`;
    const watcher = open(server.url, name, fx.team.cookie);
    await synced(watcher);
    const tab = openRaw(server.url, name, fx.lead.cookie);
    await tab.opened;
    tab.ws.send(awarenessFrame([{ clientId: 777_001, clock: 1, state: { editing: 'lead' } }]));
    const stateOf = (id: number) => watcher.provider.awareness.getStates().get(id) as { editing?: string; user?: { name: string } } | undefined;
    await until(() => stateOf(777_001)?.editing === 'lead', 'lead presence');
    tab.ws.terminate();
    await until(() => stateOf(777_001) === undefined, "dropped tab's presence removed");
    const other = openRaw(server.url, name, fx.author.cookie);
    await other.opened;
    other.ws.send(awarenessFrame([{ clientId: 777_001, clock: 5, state: { editing: 'taken over' } }]));
    other.ws.send(awarenessFrame([{ clientId: 777_002, clock: 1, state: { editing: 'barrier' } }]));
    await until(() => stateOf(777_002)?.editing === 'barrier', 'later presence of the other member');
    expect(stateOf(777_001)).toBeUndefined();
    // The lead, reconnecting with the same client id, gets the slot back.
    const back = openRaw(server.url, name, fx.lead.cookie);
    await back.opened;
    back.ws.send(awarenessFrame([{ clientId: 777_001, clock: 6, state: { editing: 'lead again' } }]));
    await until(() => stateOf(777_001)?.editing === 'lead again', 'lead back in its slot');
    expect(stateOf(777_001)?.user?.name).toBe(fx.lead.name);
    other.ws.close();
    back.ws.close();
  });
});
