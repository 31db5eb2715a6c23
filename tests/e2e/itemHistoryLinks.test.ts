import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { blankEntry, exactDate, writeEntry, writeOrgChange } from '../../shared/chronology/index.js';
import { docName } from '../../shared/docNames.js';
import { blankPerson } from '../../shared/people.js';
import { readPeople, writePerson } from '../../shared/peopleDoc.js';
import { TEST_PASSWORD, createReviewWithMembers } from '../utils/factories.js';
import { TEST_ADMIN } from '../utils/testServer.js';
import { openDoc, synced, until, type TestClient } from '../utils/yjsClient.js';
import { WAIT, expectAxeClean, personRow, startE2e, tabTo, waitForRegister, type E2e } from './harness.js';

/**
 * Issue 13, item 2 in Chromium beyond the chronology row: a person is restored to an earlier version
 * from the people register's panel, keyboard only; an observer follows the history links of a person,
 * an organisational change and a chronology row and reads who changed what, with no restore button.
 */
let e2e: E2e;
let fx: Awaited<ReturnType<typeof createReviewWithMembers>>;
let people: TestClient;
const PERSON = 'personRESTOREAAAAAAA1';
const CHANGE = 'orgRESTOREAAAAAAAAAA1';
const ROW = 'rowRESTOREAAAAAAAAAA1';

beforeAll(async () => {
  e2e = await startE2e();
  fx = await createReviewWithMembers(e2e.server.url);
  // The team member writes the person, then the police author overwrites the name by mistake.
  people = openDoc(e2e.server.url, docName({ reviewId: fx.reviewId, kind: 'people' }), fx.team.cookie);
  await synced(people);
  writePerson(people.doc, { ...blankPerson(PERSON), name: 'Ann Example', relationship: 'Mother', notes: 'Lives with the child.' });
  const history = () => e2e.server.deps.sync.history(`review.${fx.reviewId}.people`);
  await until(async () => (await history()).entries.some((e) => e.userId === fx.team.userId), 'first version stored');
  const author = openDoc(e2e.server.url, docName({ reviewId: fx.reviewId, kind: 'people' }), fx.author.cookie);
  await synced(author);
  writePerson(author.doc, { ...readPeople(author.doc).find((p) => p.id === PERSON)!, name: 'Wrong Name' });
  await until(async () => (await history()).entries.some((e) => e.userId === fx.author.userId), 'mistake stored');
  await until(() => readPeople(people.doc).find((p) => p.id === PERSON)?.name === 'Wrong Name', 'mistake relayed');
  author.destroy();
  const agencyId = fx.agencies[0]!.id;
  const chronology = openDoc(e2e.server.url, docName({ reviewId: fx.reviewId, kind: 'chronology', agencyId }), fx.author.cookie);
  await synced(chronology);
  writeOrgChange(chronology.doc, agencyId, { id: CHANGE, agencyId, date: exactDate('2019-04-01'), change: 'Two teams merged.', impact: '' });
  writeEntry(chronology.doc, agencyId, { ...blankEntry(ROW, agencyId, exactDate('2019-03-12')), keyEvent: 'Police attended a report of shouting.', source: 'Police log' });
  await until(async () => (await e2e.server.deps.sync.history(`review.${fx.reviewId}.chronology.${agencyId}`)).entries.length > 0, 'change stored');
  chronology.destroy();
});
afterAll(async () => {
  people?.destroy();
  await e2e?.close();
});

describe('restoring a person from the people register', () => {
  it('goes from the person’s panel to their history and restores the earlier version with the keyboard', async () => {
    const { page } = await e2e.signedIn(fx.lead.email, TEST_ADMIN.password);
    page.on('dialog', (d) => void d.accept());
    await page.goto(`/reviews/${fx.reviewId}/people`);
    await waitForRegister(page);
    await personRow(page, /Wrong Name/)
      .getByRole('button', { name: /^Edit/ })
      .focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Edit Wrong Name' });
    await dialog.waitFor();
    await expectAxeClean(page, 'person panel with its history link');
    await tabTo(page, /^A\|.*History of this person/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'History of this item' }).waitFor(WAIT);
    await page.getByText(`by ${fx.author.name}`).waitFor(WAIT);
    await page.getByText(`by ${fx.team.name}`).waitFor(WAIT);
    await expectAxeClean(page, 'person history');
    await tabTo(page, /^BUTTON\|button\|Restore this version/);
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Restored the version' }).waitFor(WAIT);
    await until(() => readPeople(people.doc).find((p) => p.id === PERSON)?.name === 'Ann Example', 'restore seen by a live client');
    await expect.poll(() => page.getByText(`by ${fx.lead.name}`).count(), WAIT).toBe(1);
    await expectAxeClean(page, 'person history after restore');
  });
});

describe('an observer', () => {
  let page: Page;
  beforeAll(async () => {
    ({ page } = await e2e.signedIn(fx.observer.email, TEST_PASSWORD));
  });

  it('follows a person’s history link and reads who changed what, with no restore button', async () => {
    await page.goto(`/reviews/${fx.reviewId}/people`);
    await waitForRegister(page);
    await personRow(page, /Ann Example/)
      .getByRole('button', { name: /^View/ })
      .click();
    const link = page.getByRole('dialog').getByRole('link', { name: 'History of this person' });
    await link.waitFor();
    await expectAxeClean(page, 'observer’s person view with its history link');
    await link.click();
    await page.getByRole('heading', { level: 1, name: 'History of this item' }).waitFor(WAIT);
    await page.getByText(`by ${fx.author.name}`).waitFor(WAIT);
    await page.getByText('You can read this history but not restore it').waitFor();
    expect(await page.getByRole('button', { name: /Restore/ }).count()).toBe(0);
    await expectAxeClean(page, 'observer’s person history');
  });

  it('follows an organisational change’s history link from the chronology, read only', async () => {
    await page.goto(`/reviews/${fx.reviewId}/chronology`);
    await page.getByTestId('org-changes-POL').getByRole('link', { name: 'History of the POL change of 01/04/2019' }).click();
    await page.getByRole('heading', { level: 1, name: 'History of this item' }).waitFor(WAIT);
    await page.getByText(`by ${fx.author.name}`).waitFor(WAIT);
    await page.getByText('Two teams merged.').waitFor();
    expect(await page.getByRole('button', { name: /Restore/ }).count()).toBe(0);
    await expectAxeClean(page, 'observer’s organisational change history');
  });

  it('follows a chronology row’s history link from its reading view, read only', async () => {
    await page.goto(`/reviews/${fx.reviewId}/chronology`);
    await page
      .getByTestId('chronology-table')
      .locator('[role="row"][data-row-id]')
      .filter({ hasText: 'Police attended' })
      .getByRole('button', { name: /Read this row/ })
      .click();
    const link = page.getByTestId('row-reading').getByRole('link', { name: 'History of this row' });
    await link.waitFor();
    await expectAxeClean(page, 'observer reading a row, with its history link');
    await link.click();
    await page.getByRole('heading', { level: 1, name: 'History of this item' }).waitFor(WAIT);
    await page.getByText('Police attended a report of shouting.').waitFor(WAIT);
    expect(await page.getByRole('button', { name: /Restore/ }).count()).toBe(0);
  });
});
