import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../utils/testServer.js';
import { api } from '../../utils/api.js';
import { createReviewWithMembers } from '../../utils/factories.js';
import { openDoc, openRaw, syncFrame, synced, until, updateFrom, type TestClient } from '../../utils/yjsClient.js';
import { MAX_CHRONOLOGY_ENTRIES } from '../../../shared/chronology/limits.js';
import { CLOSE_BAD_DATA, CLOSE_BAD_SHAPE, CLOSE_TOO_LARGE } from '../../../shared/sync/closeCodes.js';
import { newId } from '../../../shared/ids.js';

/**
 * Issue 12, findings 1, 5 and 6: well-formed but hostile updates from a member with write access. Each is
 * refused as a whole before it touches the document, and documents stored before updates were checked
 * still load and read.
 */
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

const chronology = (i: number) => `review.${fx.reviewId}.chronology.${fx.agencies[i]!.id}`;

/** A row holding `depth` Y.Maps nested inside each other. */
function nestedRow(d: Y.Doc, root: string, id: string, depth: number): void {
  let m = new Y.Map<unknown>();
  d.getMap(root).set(id, m);
  for (let i = 0; i < depth; i++) {
    const n = new Y.Map<unknown>();
    m.set('n', n);
    m = n;
  }
}

/** A valid key event row. */
function row(d: Y.Doc, id: string, keyEvent: string): void {
  const m = new Y.Map<unknown>();
  d.getMap('entries').set(id, m);
  m.set('date', { precision: 'day', year: 2025, month: 3, day: 4, uncertainty: 'none' });
  m.set('keyEvent', keyEvent);
}

/** Every key of a root map in the doc as stored on disk. */
async function storedKeys(name: string, root: string): Promise<string[]> {
  const d = new Y.Doc();
  for (const u of await server.deps.docs.load(name)) Y.applyUpdate(d, u);
  return [...d.getMap(root).keys()];
}

/** Sends one frame from a raw socket of `cookie` and resolves with the close code. */
async function sendAndClose(name: string, cookie: string, frame: Uint8Array): Promise<number> {
  const raw = openRaw(server.url, name, cookie);
  await raw.opened;
  raw.ws.send(frame);
  return raw.closed;
}

describe('hostile updates', () => {
  it('skips a malformed row stored before updates were checked, instead of failing the whole chronology', async () => {
    const name = chronology(1);
    // Written straight to storage, as a server without these checks would have stored it. This runs
    // first, while no room holds the doc: a loaded room would not see updates written behind its back.
    await server.deps.docs.append(
      name,
      updateFrom((d) => nestedRow(d, 'entries', newId(), 5_000)),
    );
    await server.deps.docs.append(
      name,
      updateFrom((d) => row(d, newId(), 'Seen at school')),
    );
    const res = await api(server.url, 'GET', `/api/reviews/${fx.reviewId}/chronology`, { cookie: fx.observer.cookie });
    expect(res.status).toBe(200);
    expect(res.body.rows.map((r: { keyEvent: string }) => r.keyEvent).sort()).toEqual(['Seen at school']);
    expect(res.body.skipped).toBe(1);
    const csv = await fetch(`${server.url}/api/reviews/${fx.reviewId}/chronology/export.csv?pseudonymise=false`, { headers: { cookie: fx.lead.cookie } });
    expect(csv.status).toBe(200);
  });

  it('refuses a row holding 5,000 nested Y.Maps: nothing relayed or stored, the chronology still reads', async () => {
    const name = chronology(0);
    const watcher = open(server.url, name, fx.lead.cookie);
    await synced(watcher);
    const bad = updateFrom((d) => nestedRow(d, 'entries', newId(), 5_000));
    expect(await sendAndClose(name, fx.author.cookie, syncFrame(2, bad))).toBe(CLOSE_BAD_SHAPE);
    // The same author's valid row, sent afterwards, is relayed: the doc and the room carry on.
    const good = open(server.url, name, fx.author.cookie);
    await synced(good);
    const id = newId();
    good.doc.transact(() => row(good.doc, id, 'A home visit'));
    await until(() => watcher.doc.getMap('entries').has(id), 'valid row relayed');
    expect(watcher.doc.getMap('entries').size).toBe(1);
    await until(async () => (await storedKeys(name, 'entries')).length === 1, 'valid row stored');
    const res = await api(server.url, 'GET', `/api/reviews/${fx.reviewId}/chronology`, { cookie: fx.observer.cookie });
    expect(res.status).toBe(200);
    // This agency's rows: the valid one only (another agency's row comes from the test before).
    expect(res.body.rows.filter((r: { agencyId: string }) => r.agencyId === fx.agencies[0]!.id).map((r: { keyEvent: string }) => r.keyEvent)).toEqual(['A home visit']);
  });

  it('refuses valid structs followed by a corrupt delete set as a whole (1007): nothing relayed or stored', async () => {
    const name = `review.${fx.reviewId}.genogram`;
    const watcher = open(server.url, name, fx.lead.cookie);
    await synced(watcher);
    const good = updateFrom((d) => d.getMap('positions').set('smuggled', { x: 1, y: 2 }));
    // An update ends with its delete set; an empty one is a single 0. Replace it with a truncated one.
    const corrupt = new Uint8Array([...good.subarray(0, good.length - 1), 1, 7]);
    expect(await sendAndClose(name, fx.team.cookie, syncFrame(2, corrupt))).toBe(CLOSE_BAD_DATA);
    watcher.doc.getMap('positions').set('after', { x: 0, y: 0 });
    await until(async () => (await storedKeys(name, 'positions')).includes('after'), 'later edit stored');
    expect(await storedKeys(name, 'positions')).not.toContain('smuggled');
    expect(watcher.doc.getMap('positions').has('smuggled')).toBe(false);
  });

  it(`refuses one update holding more rows than MAX_CHRONOLOGY_ENTRIES (${MAX_CHRONOLOGY_ENTRIES})`, async () => {
    const name = chronology(0);
    const tooMany = updateFrom((d) => {
      for (let i = 0; i < MAX_CHRONOLOGY_ENTRIES + 2_000; i++) row(d, `row${i}`, 'x');
    });
    expect(await sendAndClose(name, fx.author.cookie, syncFrame(2, tooMany))).toBe(CLOSE_TOO_LARGE);
    expect(await storedKeys(name, 'entries')).toHaveLength(1);
  });

  it('refuses updates that would take a document past its byte cap', async () => {
    const name = `review.${fx.reviewId}.chronology-team`;
    const raw = openRaw(server.url, name, fx.team.cookie);
    await raw.opened;
    let code = 0;
    void raw.closed.then((c) => {
      code = c;
    });
    // Rows of 11,000 characters each (within the field cap), about 6.6 MB per frame.
    const long = 'y'.repeat(11_000);
    for (let f = 0; f < 6 && code === 0; f++) {
      const frame = syncFrame(
        2,
        updateFrom((d) => {
          for (let i = 0; i < 600; i++) {
            const m = new Y.Map<unknown>();
            d.getMap('teamFields').set(`f${f}r${i}`, m);
            m.set('note', long);
          }
        }),
      );
      raw.ws.send(frame);
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(await raw.closed).toBe(CLOSE_TOO_LARGE);
    const stored = (await storedKeys(name, 'teamFields')).length;
    expect(stored).toBeGreaterThan(0);
    expect(stored * 11_000).toBeLessThan(24 * 1024 * 1024);
  });

  it('serves a people register stored with a 20,000-deep nest: deleting or overwriting the nest is refused (4400), nobody is disconnected', async () => {
    const name = `review.${fx.reviewId}.people`;
    // A 20,000-deep nest stored before updates were checked, beside a valid person. Deleting the nest's
    // root would make Yjs recurse 20,000 levels and throw part-way; the room would be rebuilt, and the
    // sender's reconnect would re-send the delete, disconnecting everyone again and again.
    const nestDoc = new Y.Doc();
    nestDoc.transact(() => {
      nestedRow(nestDoc, 'people', 'deep', 20_000);
      const ok = new Y.Map<unknown>();
      nestDoc.getMap('people').set('valid', ok);
      ok.set('name', 'Stored before');
    });
    await server.deps.docs.append(name, Y.encodeStateAsUpdate(nestDoc));
    const a = open(server.url, name, fx.lead.cookie);
    const b = open(server.url, name, fx.team.cookie);
    await Promise.all([synced(a), synced(b)]);
    expect(b.doc.getMap('people').has('valid')).toBe(true);
    let bClosed = false;
    void b.closed.then(() => {
      bClosed = true;
    });
    // The nest's root deleted through the delete set…
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 0); // no structs
    encoding.writeVarUint(e, 1); // one client in the delete set
    encoding.writeVarUint(e, nestDoc.clientID);
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, 0); // clock 0, the root of the nest
    encoding.writeVarUint(e, 1);
    expect(await sendAndClose(name, fx.author.cookie, syncFrame(2, encoding.toUint8Array(e)))).toBe(CLOSE_BAD_SHAPE);
    // …and overwritten by a new person under its key, which deletes it too: both refused, nothing applied.
    const overwrite = updateFrom((d) => {
      const p = new Y.Map<unknown>();
      d.getMap('people').set('deep', p);
      p.set('name', 'Replaced');
    });
    expect(await sendAndClose(name, fx.author.cookie, syncFrame(2, overwrite))).toBe(CLOSE_BAD_SHAPE);
    // The room was never rebuilt: the same sockets carry on, and edits are relayed and stored.
    const p = new Y.Map<unknown>();
    a.doc.transact(() => {
      a.doc.getMap('people').set('alive', p);
      p.set('name', 'After the refusals');
    });
    await until(() => b.doc.getMap('people').has('alive'), 'edit relayed');
    await until(async () => (await storedKeys(name, 'people')).includes('alive'), 'edit stored');
    expect(bClosed).toBe(false);
    expect(a.provider.wsconnected && b.provider.wsconnected).toBe(true);
    // Readers skip the nest: the chronology (which reads the register) answers.
    const res = await api(server.url, 'GET', `/api/reviews/${fx.reviewId}/chronology`, { cookie: fx.observer.cookie });
    expect(res.status).toBe(200);
  });
});
