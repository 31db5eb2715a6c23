import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readEntry } from '../../shared/chronology/index.js';
import type { createReviewWithMembers } from '../utils/factories.js';
import { until, type TestClient } from '../utils/yjsClient.js';
import { WAIT, expectAxeClean, type E2e } from './harness.js';
import { openRowInTwoBrowsers } from './coEditingFixture.js';

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

beforeAll(async () => {
  ({ e2e, fx, lead, police, watcher } = await openRowInTwoBrowsers(ROW, { keyEvent: 'Police attended a report of shouting.', source: 'Police log' }));
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
