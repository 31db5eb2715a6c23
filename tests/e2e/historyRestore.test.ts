import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { TEST_PASSWORD, createReviewWithMembers } from '../utils/factories.js';
import { openDoc, synced, until, type TestClient } from '../utils/yjsClient.js';
import { WAIT, expectAxeClean, tabTo, startE2e, type E2e } from './harness.js';

/** Issue 13, item 2: a row restored from its history in Chromium, keyboard only, axe-clean history screens. */
let e2e: E2e;
let fx: Awaited<ReturnType<typeof createReviewWithMembers>>;
let client: TestClient;
let page: Page;
beforeAll(async () => {
  e2e = await startE2e();
  fx = await createReviewWithMembers(e2e.server.url);
  client = openDoc(e2e.server.url, `review.${fx.reviewId}.chronology.${fx.agencies[0]!.id}`, fx.author.cookie);
  await synced(client);
  ({ page } = await e2e.signedIn(fx.author.email, TEST_PASSWORD));
  page.on('dialog', (d) => void d.accept());
});
afterAll(async () => {
  client?.destroy();
  await e2e?.close();
});

const keyEvent = () => client.doc.getMap<Y.Map<unknown>>('entries').get('r1')?.get('keyEvent');

describe('restore from history', () => {
  it('shows who changed a row and restores its earlier version with the keyboard, seen live by an editor', async () => {
    const rows = client.doc.getMap<Y.Map<unknown>>('entries');
    rows.set('r1', new Y.Map<unknown>([['keyEvent', 'Police attended the home']]));
    await until(async () => (await e2e.server.deps.sync.history(`review.${fx.reviewId}.chronology.${fx.agencies[0]!.id}`)).entries.length >= 2, 'stored');
    rows.get('r1')!.set('keyEvent', 'Overwritten by mistake');
    await page.goto(`/reviews/${fx.reviewId}/history/chronology.${fx.agencies[0]!.id}?root=entries&key=r1`);
    await page.getByRole('heading', { level: 1, name: 'History of this item' }).waitFor();
    await page.getByText('Overwritten by mistake').waitFor(WAIT);
    await expect.poll(() => page.getByText(`by ${fx.author.name}`).count(), WAIT).toBe(2);
    await expectAxeClean(page, 'item history');
    await tabTo(page, /^BUTTON\|button\|Restore this version/);
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Restored the version' }).waitFor(WAIT);
    await until(() => keyEvent() === 'Police attended the home', 'restore seen by the live editor');
    await expectAxeClean(page, 'item history after restore');
  });

  it("lists the doc's versions and previews one with the keyboard", async () => {
    await page.goto(`/reviews/${fx.reviewId}/history/chronology.${fx.agencies[0]!.id}`);
    await page.getByRole('heading', { level: 1, name: 'Version history' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Versions' }).waitFor();
    await tabTo(page, /^BUTTON\|button\|Preview/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: /Preview of version/ }).waitFor(WAIT);
    await expectAxeClean(page, 'version history with preview');
  });
});
