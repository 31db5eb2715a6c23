import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page, WebSocketRoute } from 'playwright-core';
import { docName } from '../../shared/docNames.js';
import { readPeople } from '../../shared/peopleDoc.js';
import { createReviewWithMembers } from '../utils/factories.js';
import { TEST_ADMIN } from '../utils/testServer.js';
import { openDoc, synced } from '../utils/yjsClient.js';
import { WAIT, personRow, startE2e, waitForRegister, type E2e } from './harness.js';

/**
 * Issue 13 (no lost work), e2e: an edit made while the connection is down stays in the browser
 * (y-indexeddb) when the tab is closed, and reaches the server when the register is opened again; the
 * page says "All changes saved" only once the server has acknowledged it as durable.
 */

let e2e: E2e;
let fx: Awaited<ReturnType<typeof createReviewWithMembers>>;
let ctx: BrowserContext;
/** While true, every /yjs WebSocket the page opens is closed at once: the network is down. */
let offline = false;
const routed = new Set<WebSocketRoute>();

beforeAll(async () => {
  e2e = await startE2e();
  fx = await createReviewWithMembers(e2e.server.url);
  ({ ctx } = await e2e.signedIn(fx.lead.email, TEST_ADMIN.password));
  await ctx.routeWebSocket(/\/yjs\//, (ws) => {
    if (offline) {
      void ws.close();
      return;
    }
    routed.add(ws);
    ws.connectToServer();
  });
});
afterAll(async () => {
  await e2e?.close();
});

/** The people register as the server holds it, read by a real Yjs client. */
async function serverNames(): Promise<string[]> {
  const c = openDoc(e2e.server.url, docName({ reviewId: fx.reviewId, kind: 'people' }), fx.lead.cookie);
  try {
    await synced(c);
    return readPeople(c.doc).map((p) => p.name);
  } finally {
    c.destroy();
  }
}

/** How many records the page's local copy of the register holds (y-indexeddb's "updates" store). */
function localRecords(page: Page, userId: string, reviewId: string): Promise<number> {
  return page.evaluate(
    async ({ name }) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const count = db.transaction('updates').objectStore('updates').count();
          count.onsuccess = () => {
            db.close();
            resolve(count.result);
          };
          count.onerror = () => reject(count.error);
        };
      }),
    { name: `review-room.${userId}.review.${reviewId}.people` },
  );
}

describe('an offline edit', () => {
  it('survives a closed tab and reaches the server on reconnect', async () => {
    const me = await ctx.request.get('/api/me');
    const userId = ((await me.json()) as { user: { id: string } }).user.id;
    const first = await ctx.newPage();
    await first.goto(`/reviews/${fx.reviewId}/people`);
    await waitForRegister(first);
    await first.getByTestId('sync-status').getByText('Connected. All changes saved.').waitFor();
    const before = await localRecords(first, userId, fx.reviewId);

    // The network goes down: open sockets close, and every reconnection attempt fails.
    offline = true;
    for (const ws of routed) await ws.close();
    routed.clear();
    await first
      .getByTestId('sync-status')
      .getByText(/^Connection lost/)
      .waitFor();

    await first.getByRole('button', { name: 'Add a person' }).click();
    const dialog = first.getByRole('dialog', { name: 'Add a person' });
    await dialog.getByLabel('Name', { exact: true }).fill('Robin Offline-Edit');
    await dialog.getByLabel('Relationship to the child').fill('Aunt');
    await dialog.getByRole('button', { name: 'Add to register' }).click();
    await dialog.waitFor({ state: 'detached' });
    await first
      .getByTestId('sync-status')
      .getByText(/1 change is waiting to be saved/)
      .waitFor();
    // The browser's copy has the edit before the tab goes.
    await expect.poll(() => localRecords(first, userId, fx.reviewId), WAIT).toBeGreaterThan(before);
    await first.close();
    expect(await serverNames()).not.toContain('Robin Offline-Edit');

    // Back online, the register is opened again in a new tab: the edit is restored and sent.
    offline = false;
    const second = await ctx.newPage();
    await second.goto(`/reviews/${fx.reviewId}/people`);
    await personRow(second, /Robin Offline-Edit/).waitFor();
    await second.getByTestId('sync-status').getByText('Connected. All changes saved.').waitFor(WAIT);
    expect(await serverNames()).toContain('Robin Offline-Edit');

    // Signing out leaves no copy of the case in this browser for the next person.
    await second.getByRole('button', { name: 'Sign out' }).click();
    await second.getByText('You have signed out.').waitFor();
    const copies = () => second.evaluate(async (prefix) => (await indexedDB.databases()).filter((d) => d.name?.startsWith(prefix)).length, `review-room.${userId}.`);
    await expect.poll(copies, WAIT).toBe(0);
  });
});
