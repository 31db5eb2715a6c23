import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../utils/testServer.js';
import { createReviewWithMembers } from '../../utils/factories.js';
import { openDoc, syncFrame, synced, until, type TestClient } from '../../utils/yjsClient.js';
import { docName } from '../../../shared/docNames.js';
import { MAX_PEOPLE } from '../../../shared/sync/docShapes.js';
import { CLOSE_BAD_SHAPE, CLOSE_RATE_LIMITED, CLOSE_TOO_LARGE } from '../../../shared/sync/closeCodes.js';
import { shouldReconnectAfter } from '../../../client/src/lib/refusedEdit.js';

/**
 * A change the server refuses for good, seen from a real WebsocketProvider with the app's reconnect
 * policy (client/src/lib/refusedEdit.ts, used by useSharedDoc): the provider stops and says why,
 * instead of reconnecting and re-sending the same change forever; a fresh copy from the server carries
 * on without it; and a close that a reconnect clears (4429) still reconnects.
 */
let server: Awaited<ReturnType<typeof startTestServer>>;
let fx: Awaited<ReturnType<typeof createReviewWithMembers>>;
const clients: TestClient[] = [];
const open = (name: string, cookie: string, app = true) => {
  const c = openDoc(server.url, name, cookie, app ? { shouldReconnect: shouldReconnectAfter } : {});
  clients.push(c);
  return c;
};

beforeAll(async () => {
  server = await startTestServer();
  fx = await createReviewWithMembers(server.url);
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  await server.close();
});

const people = () => docName({ reviewId: fx.reviewId, kind: 'people' });

/** Adds a person with a name, as the register page does. */
function addPerson(d: Y.Doc, id: string, name: string): Y.Map<unknown> {
  const m = new Y.Map<unknown>();
  d.getMap('people').set(id, m);
  m.set('name', name);
  return m;
}

/** Resolves with the provider's `closed` event: the server closed it and it will not reconnect. */
function closedFor(c: TestClient): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => c.provider.once('closed', (e: { code: number; reason: string }) => resolve(e)));
}

/** Every person id the server stores for the register. */
async function storedIds(): Promise<string[]> {
  const d = new Y.Doc();
  for (const u of await server.deps.docs.load(people())) Y.applyUpdate(d, u);
  return [...d.getMap('people').keys()];
}

describe('a change the server refuses', () => {
  it('stops the provider for good (no reconnect, no re-send), while everyone else keeps syncing', async () => {
    const watcher = open(people(), fx.lead.cookie);
    const author = open(people(), fx.team.cookie);
    await Promise.all([synced(watcher), synced(author)]);
    const closed = closedFor(author);
    // A field holding a nested map: not a shape the register accepts (4400).
    author.doc.transact(() => addPerson(author.doc, 'refused', 'Nested').set('extra', new Y.Map()));
    expect(await closed).toMatchObject({ code: CLOSE_BAD_SHAPE });
    // The provider will not open another socket: the handshake would only re-send the refused change.
    expect(author.provider.shouldConnect).toBe(false);
    expect(author.provider.wsconnected || author.provider.wsconnecting).toBe(false);

    // The others carry on: an edit is relayed and stored, and the refused one is nowhere.
    const other = open(people(), fx.author.cookie);
    await synced(other);
    watcher.doc.transact(() => addPerson(watcher.doc, 'after', 'After the refusal'));
    await until(() => other.doc.getMap('people').has('after'), 'edit relayed');
    await until(async () => (await storedIds()).includes('after'), 'edit stored');
    expect(other.doc.getMap('people').has('refused')).toBe(false);
    expect(await storedIds()).not.toContain('refused');

    // "Reload the latest saved copy": a fresh document from the server syncs and saves again.
    const reloaded = open(people(), fx.team.cookie);
    await synced(reloaded);
    expect(reloaded.doc.getMap('people').has('refused')).toBe(false);
    reloaded.doc.transact(() => addPerson(reloaded.doc, 'again', 'Saved after reloading'));
    await until(() => watcher.doc.getMap('people').has('again'), 'edit after reloading relayed');
  });

  it(`stops on a change past a cap (4413: the ${MAX_PEOPLE.toLocaleString('en-GB')}-person register is full)`, async () => {
    const fill = open(people(), fx.lead.cookie);
    await synced(fill);
    const held = fill.doc.getMap('people').size;
    fill.doc.transact(() => {
      for (let i = held; i < MAX_PEOPLE; i++) addPerson(fill.doc, `p${i}`, `Person ${i}`);
    });
    await until(async () => (await storedIds()).length === MAX_PEOPLE, 'register filled');
    const author = open(people(), fx.team.cookie);
    await synced(author);
    const closed = closedFor(author);
    author.doc.transact(() => addPerson(author.doc, 'one-too-many', 'One too many'));
    expect(await closed).toMatchObject({ code: CLOSE_TOO_LARGE });
    expect(author.provider.shouldConnect).toBe(false);
    expect(await storedIds()).not.toContain('one-too-many');
  });

  it('still reconnects after a close that a reconnect clears (4429), which y-websocket alone would treat as final', async () => {
    const name = docName({ reviewId: fx.reviewId, kind: 'genogram' });
    const app = open(name, fx.team.cookie);
    const plain = open(name, fx.team.cookie, false);
    await Promise.all([synced(app), synced(plain)]);
    const plainClosed = closedFor(plain);
    const appClosed = new Promise<number>((resolve) => app.provider.once('connection-close', (e: CloseEvent | null) => resolve(e?.code ?? 0)));
    // More sync requests than the burst allows: the server closes the socket with 4429.
    for (const c of [app, plain]) for (let i = 0; i < 8; i++) c.provider.ws!.send(syncFrame(0, Y.encodeStateVector(c.doc)));
    expect(await appClosed).toBe(CLOSE_RATE_LIMITED);
    expect((await plainClosed).code).toBe(CLOSE_RATE_LIMITED);
    expect(plain.provider.shouldConnect).toBe(false);
    // The app's provider reconnects and syncs again.
    await until(() => app.provider.wsconnected && app.provider.synced, 'reconnected after 4429');
    app.doc.getMap('positions').set('still-saving', { x: 1, y: 1 });
    const watcher = open(name, fx.lead.cookie);
    await synced(watcher);
    await until(() => watcher.doc.getMap('positions').has('still-saving'), 'edit after reconnecting relayed');
  });
});
