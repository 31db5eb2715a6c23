import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readEntry } from '../../shared/chronology/index.js';
import type { createReviewWithMembers } from '../utils/factories.js';
import { until, type TestClient } from '../utils/yjsClient.js';
import { WAIT, expectAxeClean, type E2e } from './harness.js';
import { editRow, openRowInTwoBrowsers } from './coEditingFixture.js';

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

beforeAll(async () => {
  ({ e2e, fx, lead, police, watcher } = await openRowInTwoBrowsers(ROW, {
    keyEvent: 'Police attended a report of shouting',
    comment: 'First comment',
    source: 'Police log',
  }));
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
