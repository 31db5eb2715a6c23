import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { docName } from '../../shared/docNames.js';
import { blankEntry, readEntry, writeEntry } from '../../shared/chronology/index.js';
import { createReviewWithMembers, TEST_PASSWORD } from '../utils/factories.js';
import { TEST_ADMIN } from '../utils/testServer.js';
import { openDoc, synced, until, type TestClient } from '../utils/yjsClient.js';
import { WAIT, expectAxeClean, startE2e, waitForRegister, type E2e } from './harness.js';

/**
 * Issue 13, item 1 in Chromium: two browsers type in the same long field of one chronology row at the
 * same time. Both keep their words, character by character, with no Save in between; each sees the
 * other's caret named in the field.
 */
let e2e: E2e;
let fx: Awaited<ReturnType<typeof createReviewWithMembers>>;
let lead: Page;
let police: Page;
let watcher: TestClient;
const ROW = 'rowTYPINGAAAAAAAAAAAAA1';

/** Opens a row for editing: rows open for reading first, and editing is the reading view's own button. */
async function editRow(page: Page, text: string): Promise<void> {
  await page
    .getByTestId('chronology-table')
    .locator('[role="row"][data-row-id]')
    .filter({ hasText: text })
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
    keyEvent: 'Police attended a report of shouting.',
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

describe('two people typing in one field', () => {
  it('merges their typing character by character, and shows each other’s named caret', async () => {
    const agencyId = fx.agencies[0]!.id;
    const leadField = lead.getByRole('dialog', { name: 'Edit the POL row of 12/03/2019' }).getByLabel('Key event or action undertaken');
    const policeField = police.getByRole('dialog', { name: 'Edit the POL row of 12/03/2019' }).getByLabel('Key event or action undertaken');
    await leadField.waitFor();
    await policeField.waitFor();

    // The police type at the end, the lead at the start, interleaved keystroke by keystroke.
    await policeField.focus();
    await police.keyboard.press('Control+End');
    await leadField.focus();
    await lead.keyboard.press('Control+Home');
    const end = ' Mother seen alone.';
    const start = 'Night shift: ';
    for (let i = 0; i < Math.max(end.length, start.length); i++) {
      if (i < end.length) await police.keyboard.type(end[i]!);
      if (i < start.length) await lead.keyboard.type(start[i]!);
    }
    const want = 'Night shift: Police attended a report of shouting. Mother seen alone.';
    await expect.poll(() => leadField.inputValue(), WAIT).toBe(want);
    await expect.poll(() => policeField.inputValue(), WAIT).toBe(want);
    await until(() => readEntry(watcher.doc, agencyId, ROW)?.keyEvent === want, 'both edits in the document', 20_000);

    // Each sees the other's caret, named in words (colour is never the only cue).
    await lead.getByTestId('entry-keyEvent-others').getByText(fx.author.name).waitFor(WAIT);
    await expect.poll(() => lead.getByTestId('entry-keyEvent-others').textContent(), WAIT).toContain('Mother seen alone.”');
    await police.getByTestId('entry-keyEvent-others').getByText(fx.lead.name).waitFor(WAIT);
    await expectAxeClean(lead, 'a colleague typing in the same field');

    // Saving the rest of the form writes nothing back over the shared text.
    await police.getByRole('dialog', { name: 'Edit the POL row of 12/03/2019' }).getByRole('button', { name: 'Save changes' }).click();
    await lead.getByRole('dialog', { name: 'Edit the POL row of 12/03/2019' }).getByRole('button', { name: 'Save changes' }).click();
    await until(() => readEntry(watcher.doc, agencyId, ROW)?.keyEvent === want, 'text unchanged by saving', 20_000);
  });
});
