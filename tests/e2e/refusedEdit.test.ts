import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { docName } from '../../shared/docNames.js';
import { readPeople } from '../../shared/peopleDoc.js';
import { MAX_PEOPLE } from '../../shared/sync/docShapes.js';
import { createReviewWithMembers } from '../utils/factories.js';
import { TEST_ADMIN } from '../utils/testServer.js';
import { openDoc, synced, until, updateFrom } from '../utils/yjsClient.js';
import { WAIT, expectAxeClean, personRow, startE2e, type E2e } from './harness.js';

/**
 * Issue 12, e2e: a change the server refuses for good is shown as an alert saying what happened and what
 * to do; the page stops re-sending it, and neither its "Reload the latest saved copy" button nor a
 * browser reload brings the refused change back (the local copy that held it is deleted), so there is
 * no refusal loop. Two ways in: a change the browser's local copy already holds (a 4400, as an older
 * version of the app could have kept), and a person added through the page to a full register (4413).
 */

let e2e: E2e;
let fx: Awaited<ReturnType<typeof createReviewWithMembers>>;
let full: Awaited<ReturnType<typeof createReviewWithMembers>>;
let ctx: BrowserContext;
let userId: string;

beforeAll(async () => {
  e2e = await startE2e();
  fx = await createReviewWithMembers(e2e.server.url);
  full = await createReviewWithMembers(e2e.server.url);
  ({ ctx } = await e2e.signedIn(fx.lead.email, TEST_ADMIN.password));
  userId = ((await (await ctx.request.get('/api/me')).json()) as { user: { id: string } }).user.id;
  // One review's register holds as many people as it may: the next one added is refused with 4413.
  const filler = openDoc(e2e.server.url, people(full.reviewId), full.team.cookie);
  try {
    await synced(filler);
    filler.doc.transact(() => {
      for (let i = 0; i < MAX_PEOPLE; i++) {
        const m = new Y.Map<unknown>();
        filler.doc.getMap('people').set(`person${String(i).padStart(4, '0')}`, m);
        m.set('name', `Person ${i}`);
      }
    });
    await until(async () => (await serverNames(full.reviewId)).length === MAX_PEOPLE, 'register filled', 20_000);
  } finally {
    filler.destroy();
  }
});
afterAll(async () => {
  await e2e?.close();
});

function people(reviewId: string): string {
  return docName({ reviewId, kind: 'people' });
}

/** A review's people register as the server holds it, read by a real Yjs client. */
async function serverNames(reviewId: string): Promise<string[]> {
  const c = openDoc(e2e.server.url, people(reviewId), fx.lead.cookie);
  try {
    await synced(c);
    return readPeople(c.doc).map((p) => p.name);
  } finally {
    c.destroy();
  }
}

/** The browser database holding this user's local copy of a review's register (y-indexeddb). */
const localCopy = (reviewId: string) => `review-room.${userId}.${people(reviewId)}`;

/** Whether this user's local copy of a review's register exists in the browser. */
function hasLocalCopy(page: Page, reviewId: string): Promise<boolean> {
  return page.evaluate(async (name) => (await indexedDB.databases()).some((d) => d.name === name), localCopy(reviewId));
}

/**
 * Writes a local copy holding `update` as y-indexeddb keeps it (an "updates" store of Yjs updates), as
 * if an earlier visit had kept a change the server now refuses.
 */
async function plantLocalCopy(page: Page, reviewId: string, update: Uint8Array): Promise<void> {
  await page.evaluate(
    async ({ name, bytes }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onupgradeneeded = () => {
          open.result.createObjectStore('updates', { autoIncrement: true });
          open.result.createObjectStore('custom');
        };
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('updates', 'readwrite');
          tx.objectStore('updates').add(new Uint8Array(bytes));
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { name: localCopy(reviewId), bytes: [...update] },
  );
}

/** Adds a person through the register's dialog. */
async function addPerson(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Add a person' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a person' });
  await dialog.getByLabel('Name', { exact: true }).fill(name);
  await dialog.getByLabel('Relationship to the child').fill('Neighbour');
  await dialog.getByRole('button', { name: 'Add to register' }).click();
  await dialog.waitFor({ state: 'detached' });
}

const alertOn = (page: Page) => page.getByRole('alert').filter({ hasText: 'This change could not be saved.' });
const saved = (page: Page) => page.getByTestId('sync-status').getByText('Connected. All changes saved.');

describe('a change the server refuses', () => {
  it('held in the local copy: an accessible alert, and reloading the saved copy (button, then browser) discards it for good', async () => {
    const page = await ctx.newPage();
    await page.goto('/');
    // A person whose field holds a nested map: not a shape the register accepts (4400).
    await plantLocalCopy(
      page,
      fx.reviewId,
      updateFrom((d) => {
        const m = new Y.Map<unknown>();
        d.getMap('people').set('kept-locally', m);
        m.set('name', 'Kept Locally');
        m.set('extra', new Y.Map());
      }),
    );
    await page.goto(`/reviews/${fx.reviewId}/people`);
    const alert = alertOn(page);
    await alert.waitFor(WAIT);
    await expect.poll(() => alert.textContent()).toMatch(/not in a form this document accepts/);
    await page
      .getByTestId('sync-status')
      .getByText(/A change could not be saved/)
      .waitFor();
    // The local copy that held the refused change is deleted at once, so a reload cannot re-send it.
    await expect.poll(() => hasLocalCopy(page, fx.reviewId), WAIT).toBe(false);
    await expectAxeClean(page, 'people register with a refused change');

    // The alert's button, from the keyboard: the register is opened afresh from the server's copy.
    await alert.getByRole('button', { name: 'Reload the latest saved copy' }).focus();
    await page.keyboard.press('Enter');
    // "All changes saved" needs every change this page holds acknowledged: the refused one never would be.
    await saved(page).waitFor(WAIT);
    expect(await alertOn(page).count()).toBe(0);
    expect(await personRow(page, 'Kept Locally').count()).toBe(0);
    // Working again: an edit made now is saved.
    await addPerson(page, 'Saved After Reloading');
    await saved(page).waitFor(WAIT);
    await page.reload();
    await saved(page).waitFor(WAIT);
    expect(await alertOn(page).count()).toBe(0);
    expect(await serverNames(fx.reviewId)).toEqual(['Saved After Reloading']);
  });

  it('added through the page to a full register (4413): a browser reload does not bring it back', async () => {
    const page = await ctx.newPage();
    await page.goto(`/reviews/${full.reviewId}/people`);
    await saved(page).waitFor(WAIT);
    await addPerson(page, 'Robin Refused');
    const alert = alertOn(page);
    await alert.waitFor(WAIT);
    await expect.poll(() => alert.textContent()).toMatch(/size limit/);
    await expect.poll(() => hasLocalCopy(page, full.reviewId), WAIT).toBe(false);
    // Reloaded without the button: the register comes from the server, without the refused change.
    await page.reload();
    await saved(page).waitFor(WAIT);
    expect(await alertOn(page).count()).toBe(0);
    expect(await personRow(page, 'Robin Refused').count()).toBe(0);
    expect(await serverNames(full.reviewId)).toHaveLength(MAX_PEOPLE);
  }, 240_000);
});
