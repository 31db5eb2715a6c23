import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { docName } from '../../shared/docNames.js';
import { blankEntry, readEntry, writeEntry } from '../../shared/chronology/index.js';
import { createReviewWithMembers, TEST_PASSWORD } from '../utils/factories.js';
import { TEST_ADMIN } from '../utils/testServer.js';
import { openDoc, synced, until, type TestClient } from '../utils/yjsClient.js';
import { WAIT, expectAxeClean, startE2e, waitForRegister, type E2e } from './harness.js';

/**
 * Issue 13 (no lost work), e2e: the lead reviewer and the police author edit one chronology row at
 * once. A field the other changed is shown in the open form (never silently written back over), a field
 * both changed is shown with the newer value and who changed it until one is chosen, and every edit
 * survives.
 */

let e2e: E2e;
let fx: Awaited<ReturnType<typeof createReviewWithMembers>>;
let lead: Page;
let police: Page;
let watcher: TestClient;
const ROW = 'rowCOEDITAAAAAAAAAAAAA1';

function tableRow(page: Page, text: string | RegExp) {
  return page.getByTestId('chronology-table').locator('[role="row"][data-row-id]').filter({ hasText: text });
}

/** Opens a row for editing: rows open for reading first, and editing is the reading view's own button. */
async function editRow(page: Page, text: string): Promise<void> {
  await tableRow(page, text)
    .getByRole('button', { name: /Read or edit this row/ })
    .click();
  await page.getByTestId('row-reading').getByRole('button', { name: 'Edit this row' }).click();
}

beforeAll(async () => {
  e2e = await startE2e();
  fx = await createReviewWithMembers(e2e.server.url);
  const agencyId = fx.agencies[0]!.id;
  watcher = openDoc(e2e.server.url, docName({ reviewId: fx.reviewId, kind: 'chronology', agencyId }), fx.lead.cookie);
  await synced(watcher);
  writeEntry(watcher.doc, agencyId, {
    ...blankEntry(ROW, agencyId, { precision: 'day', year: 2019, month: 3, day: 12, uncertainty: 'none' }),
    keyEvent: 'Police attended a report of shouting',
    comment: 'First comment',
    source: 'Police log',
  });
  ({ page: lead } = await e2e.signedIn(fx.lead.email, TEST_ADMIN.password));
  ({ page: police } = await e2e.signedIn(fx.author.email, TEST_PASSWORD));
  for (const page of [lead, police]) {
    await page.goto(`/reviews/${fx.reviewId}/chronology`);
    await waitForRegister(page);
    await editRow(page, 'Police attended');
  }
});
afterAll(async () => {
  watcher?.destroy();
  await e2e?.close();
});

describe('two people editing one row', () => {
  it('keeps both edits: one field each, then the same field', async () => {
    const leadPanel = lead.getByRole('dialog', { name: 'Edit the POL row of 12/03/2019' });
    const policePanel = police.getByRole('dialog', { name: 'Edit the POL row of 12/03/2019' });
    await leadPanel.waitFor();
    await policePanel.waitFor();

    // One field each: the police correct the key event (shared as typed) and a short field, and save; the lead is writing a comment.
    await leadPanel.getByLabel('Comment and analysis (optional)').fill('Lead comment');
    await policePanel.getByLabel('Key event or action undertaken').fill('Police attended a report of shouting – corrected');
    await policePanel.getByLabel('Contact with the child by (role)').fill('Response officer');
    await policePanel.getByRole('button', { name: 'Save changes' }).click();
    await policePanel.waitFor({ state: 'detached' });
    // The lead's open form shows both corrections at once, and says who made the saved one.
    await expect.poll(() => leadPanel.getByLabel('Key event or action undertaken').inputValue(), WAIT).toBe('Police attended a report of shouting – corrected');
    await expect.poll(() => leadPanel.getByLabel('Contact with the child by (role)').inputValue(), WAIT).toBe('Response officer');
    await leadPanel.getByText(`${fx.author.name} changed this row while you were editing`).waitFor(WAIT);
    await leadPanel.getByRole('button', { name: 'Save changes' }).click();
    await leadPanel.waitFor({ state: 'detached' });
    await until(() => readEntry(watcher.doc, fx.agencies[0]!.id, ROW)?.comment === 'Lead comment', 'lead comment stored', 20_000);
    expect(readEntry(watcher.doc, fx.agencies[0]!.id, ROW)).toMatchObject({ keyEvent: 'Police attended a report of shouting – corrected', childContactBy: 'Response officer' });

    // The same field: both change the source; the police save first. The lead sees theirs beside their own and chooses.
    await editRow(lead, 'corrected');
    await editRow(police, 'corrected');
    await leadPanel.waitFor();
    await policePanel.waitFor();
    await leadPanel.getByLabel('Source of information', { exact: true }).fill('Lead source');
    await policePanel.getByLabel('Source of information', { exact: true }).fill('Police source');
    await policePanel.getByRole('button', { name: 'Save changes' }).click();
    await policePanel.waitFor({ state: 'detached' });
    await leadPanel.getByText(/you typed “Lead source”; .* changed it to “Police source”/).waitFor(WAIT);
    await expectAxeClean(lead, 'row changed meanwhile');
    // Saving before choosing is refused, so the police source is never overwritten unseen.
    await leadPanel.getByRole('button', { name: 'Save changes' }).click();
    await leadPanel.getByText('Someone else changed this field while you were editing').first().waitFor();
    await leadPanel.getByRole('button', { name: 'Keep mine for Source of information' }).click();
    await leadPanel.getByRole('button', { name: 'Save changes' }).click();
    await leadPanel.waitFor({ state: 'detached' });
    await until(() => readEntry(watcher.doc, fx.agencies[0]!.id, ROW)?.source === 'Lead source', 'lead source stored', 20_000);
    expect(readEntry(watcher.doc, fx.agencies[0]!.id, ROW)).toMatchObject({ comment: 'Lead comment', keyEvent: 'Police attended a report of shouting – corrected' });
  });
});
