import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { docName } from '../../shared/docNames.js';
import { readOrgChanges } from '../../shared/chronology/index.js';
import { api } from '../utils/api.js';
import { createReviewWithMembers, TEST_PASSWORD } from '../utils/factories.js';
import { TEST_ADMIN } from '../utils/testServer.js';
import { openDoc, synced, until, type TestClient } from '../utils/yjsClient.js';
import { WAIT, describeFocus, expectAxeClean, focusVisible, startE2e, rgb, tabTo, waitForRegister, type E2e } from './harness.js';

/**
 * Issue 3, the organisational changes chronology, end to end: an agency author adds, edits and
 * removes their agency's changes with the keyboard alone; another agency's author sees each change
 * arrive under the right agency (code beside colour) and cannot edit it; an observer reads only; the
 * lead reviewer records a change on an agency's behalf; axe finds nothing, with and without the panel.
 */

let e2e: E2e;
let fx: Awaited<ReturnType<typeof createReviewWithMembers>>;
let colours: Record<string, string>;
let pol: Page;
let icb: Page;
const clients: TestClient[] = [];

/** One agency's group in the organisational changes section. */
const group = (page: Page, code: string) => page.getByTestId(`org-changes-${code}`);

/** The row of an agency's organisational changes table that mentions `text`. */
const changeRow = (page: Page, code: string, text: string | RegExp) => group(page, code).getByRole('row').filter({ hasText: text });

/** Opens the chronology tab and waits until every document is connected and the section is drawn. */
async function openChronology(page: Page): Promise<void> {
  await page.goto(`/reviews/${fx.reviewId}/chronology`);
  await page.getByRole('heading', { level: 2, name: 'Chronology' }).waitFor();
  await waitForRegister(page);
  await page.getByRole('heading', { level: 3, name: 'Organisational changes' }).waitFor();
}

beforeAll(async () => {
  e2e = await startE2e();
  fx = await createReviewWithMembers(e2e.server.url);
  const detail = await api(e2e.server.url, 'GET', `/api/reviews/${fx.reviewId}`, { cookie: fx.lead.cookie });
  colours = Object.fromEntries((detail.body.agencies as { id: string; colour: string }[]).map((a) => [a.id, a.colour]));
  ({ page: pol } = await e2e.signedIn(fx.author.email, TEST_PASSWORD));
  ({ page: icb } = await e2e.signedIn(fx.author2.email, TEST_PASSWORD));
  await Promise.all([openChronology(pol), openChronology(icb)]);
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  await e2e?.close();
});

describe('an agency author, with the keyboard alone', () => {
  it('adds a change, is told what to fix, and another agency’s author sees it under the right agency', async () => {
    await pol.getByRole('heading', { level: 2, name: 'Chronology' }).focus();
    await tabTo(pol, /^BUTTON\|button\|Add an organisational change for POL$/, 120);
    expect(await focusVisible(pol)).toBe(true);
    // An agency author is offered only their own agency's list.
    expect(await pol.getByRole('button', { name: 'Add an organisational change for ICB' }).count()).toBe(0);
    await pol.keyboard.press('Enter');
    const dialog = pol.getByRole('dialog', { name: 'Add an organisational change for POL' });
    await dialog.waitFor();
    expect(await describeFocus(pol)).toBe('INPUT|text|Date');

    // An impossible date and no description: both are explained, and the summary leads to the field.
    await pol.keyboard.type('31/02/2019');
    await tabTo(pol, /^BUTTON\|submit\|Add change$/);
    await pol.keyboard.press('Enter');
    const summary = dialog.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.waitFor();
    expect(await summary.innerText()).toContain('Describe the organisational change');
    await expect.poll(() => pol.evaluate(() => document.activeElement?.className), WAIT).toContain('error-summary');
    await expectAxeClean(pol, 'organisational change panel with errors');
    await pol.keyboard.press('Tab');
    expect(await describeFocus(pol)).toMatch(/^A\|\|.*not a real date/);
    await pol.keyboard.press('Enter');
    expect(await describeFocus(pol)).toBe('INPUT|text|Date');
    await pol.keyboard.press('Control+A');
    await pol.keyboard.type('04/2019');
    await dialog.getByTestId('org-change-reads-as').getByText('Reads as 04/2019 (month only).').waitFor();
    await tabTo(pol, /^TEXTAREA\|textarea\|Organisational change$/);
    await pol.keyboard.type('Public protection unit moved to a new triage model');
    await tabTo(pol, /^TEXTAREA\|textarea\|Impact on frontline practice \(optional\)$/);
    await pol.keyboard.type('Domestic abuse notifications reached schools a week later');
    await tabTo(pol, /^BUTTON\|submit\|Add change$/);
    await pol.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    // Focus goes back to the button that opened the panel.
    expect(await describeFocus(pol)).toBe('BUTTON|button|Add an organisational change for POL');
    await changeRow(pol, 'POL', 'Public protection unit moved').waitFor();

    // The other agency's author sees it arrive, under POL, with the code beside the agency's colour.
    const seen = changeRow(icb, 'POL', 'Public protection unit moved');
    await seen.waitFor();
    expect(await seen.getByRole('rowheader').innerText()).toMatch(/^04\/2019\s+Month only$/);
    expect(await seen.getByRole('cell').nth(1).innerText()).toBe('Domestic abuse notifications reached schools a week later');
    const tag = group(icb, 'POL').getByRole('heading', { level: 4 }).locator('.agency-tag');
    expect(await tag.innerText()).toBe('POL');
    expect(await tag.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(rgb(colours[fx.agencies[0]!.id]!));
    expect(await group(icb, 'POL').getByRole('button').count()).toBe(0);
    expect(await icb.getByRole('button', { name: 'Add an organisational change for ICB' }).count()).toBe(1);

    // It is in the agency's own document on the server.
    const doc = openDoc(e2e.server.url, docName({ reviewId: fx.reviewId, kind: 'chronology', agencyId: fx.agencies[0]!.id }), fx.observer.cookie);
    clients.push(doc);
    await synced(doc);
    await until(() => readOrgChanges(doc.doc, fx.agencies[0]!.id).some((c) => c.change.startsWith('Public protection unit')), 'change stored', 20_000);
    await expectAxeClean(pol, 'chronology tab with organisational changes');
  });

  it('edits the change, and the other author sees the edit', async () => {
    await pol.getByRole('heading', { level: 2, name: 'Chronology' }).focus();
    await tabTo(pol, /^BUTTON\|button\|Edit the POL change of 04\/2019$/, 120);
    await pol.keyboard.press('Enter');
    const dialog = pol.getByRole('dialog', { name: 'Edit the POL organisational change of 04/2019' });
    await dialog.waitFor();
    expect(await dialog.getByLabel('Organisational change', { exact: true }).inputValue()).toBe('Public protection unit moved to a new triage model');
    await tabTo(pol, /^TEXTAREA\|textarea\|Impact on frontline practice \(optional\)$/);
    await pol.keyboard.press('Control+A');
    await pol.keyboard.type('Notifications to schools were delayed by up to a week');
    await tabTo(pol, /^BUTTON\|submit\|Save changes$/);
    await pol.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await changeRow(icb, 'POL', 'Notifications to schools were delayed').waitFor();
  });
});

describe('other roles', () => {
  it('shows an observer every agency’s changes read only, axe-clean', async () => {
    const { page } = await e2e.signedIn(fx.observer.email, TEST_PASSWORD);
    await openChronology(page);
    await changeRow(page, 'POL', 'Public protection unit moved').waitFor();
    await group(page, 'ICB').getByText('No organisational changes recorded yet.').waitFor();
    expect(await page.getByTestId('org-changes').getByRole('button').count()).toBe(0);
    await expectAxeClean(page, 'organisational changes, read only');
  });

  it('lets the lead reviewer record a change on an agency’s behalf, which that agency’s author can then edit', async () => {
    const { page: lead } = await e2e.signedIn(fx.lead.email, TEST_ADMIN.password);
    await openChronology(lead);
    expect(await lead.getByRole('button', { name: 'Add an organisational change for POL' }).count()).toBe(1);
    await lead.getByRole('button', { name: 'Add an organisational change for ICB' }).click();
    const dialog = lead.getByRole('dialog', { name: 'Add an organisational change for ICB' });
    await dialog.getByText('(as lead reviewer, on the agency’s behalf)').waitFor();
    await dialog.getByLabel('Date', { exact: true }).fill('c. 2018');
    await dialog.getByLabel('Organisational change', { exact: true }).fill('Health visiting caseloads rose after two vacancies');
    await expectAxeClean(lead, 'organisational change panel');
    await dialog.getByRole('button', { name: 'Add change' }).click();
    await dialog.waitFor({ state: 'detached' });
    const row = changeRow(icb, 'ICB', 'Health visiting caseloads rose');
    await row.waitFor();
    expect(await row.getByRole('rowheader').innerText()).toMatch(/^c\. 2018\s+Approximate, year only$/);
    expect(await row.getByRole('cell').nth(1).innerText()).toBe('Not recorded yet');
    await row.getByRole('button', { name: 'Edit the ICB change of c. 2018' }).waitFor();
  });
});

describe('removing', () => {
  it('asks first, with focus on keeping the change, then removes it for everyone', async () => {
    await pol.getByRole('heading', { level: 2, name: 'Chronology' }).focus();
    await tabTo(pol, /^BUTTON\|button\|Edit the POL change of 04\/2019$/, 120);
    await pol.keyboard.press('Enter');
    const dialog = pol.getByRole('dialog', { name: 'Edit the POL organisational change of 04/2019' });
    await dialog.waitFor();
    await tabTo(pol, /^BUTTON\|button\|Remove this change$/);
    await pol.keyboard.press('Enter');
    await dialog.getByText('Remove this change from the POL organisational changes?').waitFor();
    expect(await describeFocus(pol)).toBe('BUTTON|button|Keep the change');
    await pol.keyboard.press('Shift+Tab');
    expect(await describeFocus(pol)).toBe('BUTTON|button|Yes, remove');
    await pol.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await group(icb, 'POL').getByText('No organisational changes recorded yet.').waitFor();
    await expect.poll(() => changeRow(icb, 'POL', 'Public protection unit moved').count(), WAIT).toBe(0);
  });
});
