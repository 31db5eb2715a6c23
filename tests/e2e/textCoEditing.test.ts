import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readEntry, readTeamFields } from '../../shared/chronology/index.js';
import { docName } from '../../shared/docNames.js';
import { TEST_PASSWORD, type createReviewWithMembers } from '../utils/factories.js';
import { openDoc, synced, until, type TestClient } from '../utils/yjsClient.js';
import { WAIT, expectAxeClean, waitForRegister, type E2e } from './harness.js';
import { editRow, openRowInTwoBrowsers } from './coEditingFixture.js';

/**
 * Issue 13, item 1 in Chromium: two browsers type in the same long field of one chronology row at the
 * same time. Both keep their words, character by character, with no Save in between; each sees the
 * other's caret named in the field. The same holds for the review team's note on a row, which lives in
 * the team document: the lead reviewer and a review-team member type in it at once.
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

describe('two members of the review team typing in one row’s team note', () => {
  it('merges their typing in the team document, and saving writes no stale note back', async () => {
    const teamWatcher = openDoc(e2e.server.url, docName({ reviewId: fx.reviewId, kind: 'chronology-team' }), fx.lead.cookie);
    try {
      await synced(teamWatcher);
      // The test never gave the row team fields: the lead opening it for editing (above) made a blank record,
      // so both type into one Y.Text rather than each into a new one.
      await until(() => readTeamFields(teamWatcher.doc).get(ROW)?.note === '', 'blank team record made on opening', 20_000);
      const { page: team } = await e2e.signedIn(fx.team.email, TEST_PASSWORD);
      await team.goto(`/reviews/${fx.reviewId}/chronology`);
      await waitForRegister(team);
      await editRow(lead, 'Police attended');
      await editRow(team, 'Police attended');
      const leadNote = lead.getByRole('dialog', { name: 'Edit the POL row of 12/03/2019' }).getByLabel('Review team note (optional)');
      const teamNote = team.getByRole('dialog', { name: 'Edit the POL row of 12/03/2019' }).getByLabel('Review team note (optional)');
      for (const note of [leadNote, teamNote]) await expect.poll(() => note.getAttribute('readonly'), WAIT).toBeNull();

      await leadNote.focus();
      await lead.keyboard.type('Escalation missed.');
      await expect.poll(() => teamNote.inputValue(), WAIT).toBe('Escalation missed.');
      // The team member types at the end and the lead at the start, interleaved keystroke by keystroke.
      await teamNote.focus();
      await team.keyboard.press('Control+End');
      await leadNote.focus();
      await lead.keyboard.press('Control+Home');
      const end = ' Raise at the workshop.';
      const start = 'Lead: ';
      for (let i = 0; i < Math.max(end.length, start.length); i++) {
        if (i < end.length) await team.keyboard.type(end[i]!);
        if (i < start.length) await lead.keyboard.type(start[i]!);
      }
      const want = 'Lead: Escalation missed. Raise at the workshop.';
      await expect.poll(() => leadNote.inputValue(), WAIT).toBe(want);
      await expect.poll(() => teamNote.inputValue(), WAIT).toBe(want);
      await until(() => readTeamFields(teamWatcher.doc).get(ROW)?.note === want, 'both edits in the team document', 20_000);
      await team.getByTestId('team-note-others').getByText(fx.lead.name).waitFor(WAIT);
      await expectAxeClean(team, 'a colleague typing in the team note');

      // Saving both forms writes nothing back over the shared note; the team's short field is kept.
      await team.getByRole('dialog', { name: 'Edit the POL row of 12/03/2019' }).getByLabel('Key practice learning event').check();
      await team.getByRole('dialog', { name: 'Edit the POL row of 12/03/2019' }).getByRole('button', { name: 'Save changes' }).click();
      await lead.getByRole('dialog', { name: 'Edit the POL row of 12/03/2019' }).getByRole('button', { name: 'Save changes' }).click();
      await until(() => readTeamFields(teamWatcher.doc).get(ROW)?.keyLearning === true, 'key learning saved', 20_000);
      expect(readTeamFields(teamWatcher.doc).get(ROW)?.note).toBe(want);
    } finally {
      teamWatcher.destroy();
    }
  });
});
