import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { exactDate, readOrgChanges, writeOrgChange } from '../../shared/chronology/index.js';
import { docName } from '../../shared/docNames.js';
import { blankPerson } from '../../shared/people.js';
import { readPeople, writePerson } from '../../shared/peopleDoc.js';
import type { createReviewWithMembers } from '../utils/factories.js';
import { openDoc, synced, until, type TestClient } from '../utils/yjsClient.js';
import { WAIT, expectAxeClean, personRow, waitForRegister, type E2e } from './harness.js';
import { twoBrowsers } from './coEditingFixture.js';

/**
 * Issue 13, item 1 in Chromium, beyond the chronology row: the lead reviewer and the police author type
 * at once into the same person's notes (people register) and the same organisational change's text.
 * Both keep their words, character by character, in both browsers and on the server, with each
 * other's caret named; a short field changed meanwhile shows the newer value and who changed it.
 */
let e2e: E2e;
let fx: Awaited<ReturnType<typeof createReviewWithMembers>>;
let lead: Page;
let police: Page;
let people: TestClient;
let chronology: TestClient;
const PERSON = 'personTYPINGAAAAAAAA1';
const CHANGE = 'orgTYPINGAAAAAAAAAAA1';

beforeAll(async () => {
  ({ e2e, fx, lead, police, watcher: people } = await twoBrowsers('people'));
  writePerson(people.doc, { ...blankPerson(PERSON), name: 'Ann Example', relationship: 'Mother', notes: 'Lives with the child.' });
  const agencyId = fx.agencies[0]!.id;
  chronology = openDoc(e2e.server.url, docName({ reviewId: fx.reviewId, kind: 'chronology', agencyId }), fx.lead.cookie);
  await synced(chronology);
  writeOrgChange(chronology.doc, agencyId, { id: CHANGE, agencyId, date: exactDate('2019-04-01'), change: 'Two teams merged.', impact: '' });
});
afterAll(async () => {
  people?.destroy();
  chronology?.destroy();
  await e2e?.close();
});

/** The police type at the end of the field, the lead at its start, interleaved keystroke by keystroke. */
async function typeAtOnce(leadField: Locator, policeField: Locator, start: string, end: string): Promise<void> {
  await policeField.focus();
  await police.keyboard.press('Control+End');
  await leadField.focus();
  await lead.keyboard.press('Control+Home');
  for (let i = 0; i < Math.max(end.length, start.length); i++) {
    if (i < end.length) await police.keyboard.type(end[i]!);
    if (i < start.length) await lead.keyboard.type(start[i]!);
  }
}

/** The doc as the server holds it now (its live state, not a client's copy). */
async function onServer<T>(doc: string, read: (d: import('yjs').Doc) => T): Promise<T> {
  const d = await e2e.server.deps.sync.snapshot(`review.${fx.reviewId}.${doc}`);
  try {
    return read(d);
  } finally {
    d.destroy();
  }
}

describe('two people typing in one person’s notes', () => {
  it('merges both, shows each other’s caret, and a short field changed meanwhile with who changed it', async () => {
    for (const page of [lead, police]) {
      await page.goto(`/reviews/${fx.reviewId}/people`);
      await waitForRegister(page);
      await personRow(page, /Ann Example/)
        .getByRole('button', { name: /^Edit/ })
        .click();
    }
    const leadDialog = lead.getByRole('dialog', { name: 'Edit Ann Example' });
    const policeDialog = police.getByRole('dialog', { name: 'Edit Ann Example' });
    const leadField = leadDialog.getByLabel('Notes (optional)');
    const policeField = policeDialog.getByLabel('Notes (optional)');
    await typeAtOnce(leadField, policeField, 'Since 2018: ', ' Moved out in 2019.');
    const want = 'Since 2018: Lives with the child. Moved out in 2019.';
    await expect.poll(() => leadField.inputValue(), WAIT).toBe(want);
    await expect.poll(() => policeField.inputValue(), WAIT).toBe(want);
    await until(() => readPeople(people.doc).find((p) => p.id === PERSON)?.notes === want, 'both edits relayed', 20_000);
    await until(async () => (await onServer('people', readPeople)).find((p) => p.id === PERSON)?.notes === want, 'both edits on the server', 20_000);
    await lead.getByTestId('person-notes-others').getByText(fx.author.name).waitFor(WAIT);
    await police.getByTestId('person-notes-others').getByText(fx.lead.name).waitFor(WAIT);
    await expectAxeClean(lead, 'a colleague typing in the same person’s notes');

    // A short field the lead has not touched takes the police author's newer value at once, and says who changed it.
    await policeDialog.getByLabel('Relationship to the child').fill('Mother (birth)');
    await policeDialog.getByRole('button', { name: 'Save changes' }).click();
    await policeDialog.waitFor({ state: 'detached' });
    await expect.poll(() => leadDialog.getByLabel('Relationship to the child').inputValue(), WAIT).toBe('Mother (birth)');
    await leadDialog
      .getByRole('status')
      .filter({ hasText: `${fx.author.name} changed this person while you were editing` })
      .waitFor(WAIT);
    await expectAxeClean(lead, 'a person changed while the form was open');
    // Saving the lead's form writes nothing back over either change.
    await leadDialog.getByRole('button', { name: 'Save changes' }).click();
    await leadDialog.waitFor({ state: 'detached' });
    const saved = (await onServer('people', readPeople)).find((p) => p.id === PERSON);
    expect(saved).toMatchObject({ notes: want, relationship: 'Mother (birth)' });
  });
});

describe('two people typing in one organisational change', () => {
  it('merges both in the change’s text, in both browsers and on the server', async () => {
    const agencyId = fx.agencies[0]!.id;
    for (const page of [lead, police]) {
      await page.goto(`/reviews/${fx.reviewId}/chronology`);
      await page.getByTestId('org-changes-POL').getByRole('button', { name: 'Edit the POL change of 01/04/2019' }).click();
    }
    const title = 'Edit the POL organisational change of 01/04/2019';
    const leadField = lead.getByRole('dialog', { name: title }).getByLabel('Organisational change');
    const policeField = police.getByRole('dialog', { name: title }).getByLabel('Organisational change');
    await leadField.waitFor();
    await policeField.waitFor();
    await typeAtOnce(leadField, policeField, 'April: ', ' Caseloads doubled.');
    const want = 'April: Two teams merged. Caseloads doubled.';
    await expect.poll(() => leadField.inputValue(), WAIT).toBe(want);
    await expect.poll(() => policeField.inputValue(), WAIT).toBe(want);
    const read = (d: import('yjs').Doc) => readOrgChanges(d, agencyId).find((c) => c.id === CHANGE)?.change;
    await until(async () => (await onServer(`chronology.${agencyId}`, read)) === want, 'both edits on the server', 20_000);
    expect(read(chronology.doc)).toBe(want);
    await lead.getByTestId('org-change-change-others').getByText(fx.author.name).waitFor(WAIT);
    await police.getByTestId('org-change-change-others').getByText(fx.lead.name).waitFor(WAIT);
    await expectAxeClean(police, 'a colleague typing in the same organisational change');
    // The table behind the panel shows the merged text too.
    await lead.getByTestId('org-changes-POL').getByRole('cell', { name: want }).waitFor(WAIT);
  });
});
