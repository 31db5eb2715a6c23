import type { Page } from 'playwright-core';
import { docName } from '../../shared/docNames.js';
import { blankEntry, writeEntry, type ChronologyEntry } from '../../shared/chronology/index.js';
import { createReviewWithMembers, TEST_PASSWORD } from '../utils/factories.js';
import { TEST_ADMIN } from '../utils/testServer.js';
import { openDoc, synced, type TestClient } from '../utils/yjsClient.js';
import { startE2e, waitForRegister, type E2e } from './harness.js';

/** Two people editing one shared doc (a chronology row, a person, an organisational change), each in their own browser, and a Yjs client watching the doc. */
export type CoEditing = { e2e: E2e; fx: Awaited<ReturnType<typeof createReviewWithMembers>>; lead: Page; police: Page; watcher: TestClient };

/** Opens a row for editing: rows open for reading first, and editing is the reading view's own button. */
export async function editRow(page: Page, text: string): Promise<void> {
  await page
    .getByTestId('chronology-table')
    .locator('[role="row"][data-row-id]')
    .filter({ hasText: text })
    .getByRole('button', { name: /Read or edit this row/ })
    .click();
  await page.getByTestId('row-reading').getByRole('button', { name: 'Edit this row' }).click();
}

/**
 * A review with the lead reviewer and the police author signed in, each in their own browser, and a Yjs
 * client (as the lead) on `doc` (a doc kind of the review, e.g. `people`, or the police chronology when
 * omitted) for the test to seed and watch.
 */
export async function twoBrowsers(doc?: 'people'): Promise<CoEditing> {
  const e2e = await startE2e();
  const fx = await createReviewWithMembers(e2e.server.url);
  const agencyId = fx.agencies[0]!.id;
  const ref = doc ? { reviewId: fx.reviewId, kind: doc } : { reviewId: fx.reviewId, kind: 'chronology' as const, agencyId };
  const watcher = openDoc(e2e.server.url, docName(ref), fx.lead.cookie);
  await synced(watcher);
  const { page: lead } = await e2e.signedIn(fx.lead.email, TEST_ADMIN.password);
  const { page: police } = await e2e.signedIn(fx.author.email, TEST_PASSWORD);
  return { e2e, fx, lead, police, watcher };
}

/**
 * Writes a police row dated 12/03/2019 whose key event starts "Police attended" (with `fields` on top),
 * then signs in the lead reviewer and the police author in two browsers, each with that row open for editing.
 */
export async function openRowInTwoBrowsers(row: string, fields: Partial<ChronologyEntry>): Promise<CoEditing> {
  const both = await twoBrowsers();
  const { fx, lead, police, watcher } = both;
  const agencyId = fx.agencies[0]!.id;
  writeEntry(watcher.doc, agencyId, { ...blankEntry(row, agencyId, { precision: 'day', year: 2019, month: 3, day: 12, uncertainty: 'none' }), ...fields });
  for (const page of [lead, police]) {
    await page.goto(`/reviews/${fx.reviewId}/chronology`);
    await waitForRegister(page);
    await editRow(page, 'Police attended');
  }
  return both;
}
