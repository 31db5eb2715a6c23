import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { blankEntry, exactDate, readEntries, removeEntry, writeEntry } from '../../shared/chronology/index.js';
import { docName } from '../../shared/docNames.js';
import { newId } from '../../shared/ids.js';
import { createReviewWithMembers } from '../utils/factories.js';
import { TEST_ADMIN } from '../utils/testServer.js';
import { openDoc, synced, until, type TestClient } from '../utils/yjsClient.js';
import { WAIT, expectAxeClean, startE2e, type E2e } from './harness.js';

/**
 * Issue 17: rows another client adds or edits appear on an open timeline at once, without a reload.
 * The other client is a real y-websocket client signed in as the police agency author, writing to the
 * police chronology document as the app does; the lead reviewer watches the timeline in Chromium.
 */

const SHOTS = path.resolve('test-results/screenshots');
let e2e: E2e;
let fx: Awaited<ReturnType<typeof createReviewWithMembers>>;
let lead: Page;
let author: TestClient;
let agencyId: string;

/** Writes a police row through the author's own Yjs client and waits until it is in their copy. */
function writeRow(id: string, iso: `${number}-${number}-${number}`, keyEvent: string): void {
  writeEntry(author.doc, agencyId, { ...blankEntry(id, agencyId, exactDate(iso)), keyEvent, source: 'Police log' });
}

const items = () => lead.locator('.tl-item__button');
const itemFor = (id: string) => lead.locator(`.tl-item__button[data-row-id="${id}"]`);

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  e2e = await startE2e();
  fx = await createReviewWithMembers(e2e.server.url);
  agencyId = fx.agencies[0]!.id;
  author = openDoc(e2e.server.url, docName({ reviewId: fx.reviewId, kind: 'chronology', agencyId }), fx.author.cookie);
  await synced(author);
  writeRow(newId(), '2019-03-12', 'Police attended a report of shouting');
  writeRow(newId(), '2019-09-20', 'Police referral to children’s social care');
  ({ page: lead } = await e2e.signedIn(fx.lead.email, TEST_ADMIN.password));
  await lead.setViewportSize({ width: 1400, height: 900 });
  await lead.goto(`/reviews/${fx.reviewId}/chronology`);
  await lead.getByRole('button', { name: 'Timeline' }).click();
  await lead.locator('[data-timeline-ready="true"]').waitFor();
  await until(async () => (await items().count()) === 2, 'the two first rows on the timeline', WAIT.timeout);
});
afterAll(async () => {
  author?.destroy();
  await e2e?.close();
});

describe('a timeline open while another client edits', () => {
  it('shows a row added inside the dates already shown, without a reload', async () => {
    const id = newId();
    writeRow(id, '2019-06-05', 'Police welfare check at the family home');
    await itemFor(id).waitFor(WAIT);
    expect(await itemFor(id).innerText()).toMatch(/^POL 05\/06\/2019/);
    expect(await itemFor(id).innerText()).toContain('Police welfare check');
    expect(await items().count()).toBe(3);
  });

  it('shows a row added after the last one, and the view grows to hold it', async () => {
    const id = newId();
    writeRow(id, '2020-02-14', 'Police arrested the father');
    await itemFor(id).waitFor(WAIT);
    await expect.poll(() => items().count(), WAIT).toBe(4);
    // Still whole on screen: the view follows the rows until someone moves it.
    const box = await itemFor(id).boundingBox();
    const lanes = await lead.locator('.vis-panel.vis-center').boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(lanes!.x + lanes!.width + 1);
  });

  it("follows an edit to a row's event and date, and a row removed", async () => {
    const [first] = readEntries(author.doc, agencyId).filter((e) => e.keyEvent.startsWith('Police welfare check'));
    writeEntry(author.doc, agencyId, { ...first!, keyEvent: 'Police welfare check: nobody answered', date: exactDate('2019-06-07') });
    await expect.poll(() => itemFor(first!.id).innerText(), WAIT).toMatch(/^POL 07\/06\/2019/);
    await expect.poll(() => itemFor(first!.id).innerText(), WAIT).toContain('nobody answered');

    const gone = readEntries(author.doc, agencyId).find((e) => e.keyEvent.startsWith('Police arrested'))!;
    removeEntry(author.doc, gone.id);
    await expect.poll(() => itemFor(gone.id).count(), WAIT).toBe(0);
    expect(await items().count()).toBe(3);
    await expectAxeClean(lead, 'timeline after live changes');
    await lead.locator('.tl').screenshot({ path: path.join(SHOTS, 'timeline-live.png') });
  });
});
