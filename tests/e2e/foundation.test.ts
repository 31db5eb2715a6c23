import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { TEST_ADMIN } from '../utils/testServer.js';
import { api } from '../utils/api.js';
import { signInAdmin } from '../utils/factories.js';
import { WAIT, personRow, startE2e, waitForRegister, type E2e } from './harness.js';

/**
 * Issue 2, item 12 (e2e a): sign in, create a review, add an agency and people to the register, all
 * through the UI of the built client against the real server, and check what the server kept.
 */

let e2e: E2e;
beforeAll(async () => {
  e2e = await startE2e();
});
afterAll(async () => {
  await e2e?.close();
});

/** The review id in the current URL (/reviews/<id>/<tab>). */
function reviewIdOf(page: Page): string {
  const m = /\/reviews\/([^/]+)/.exec(new URL(page.url()).pathname);
  if (!m) throw new Error(`not on a review page: ${page.url()}`);
  return decodeURIComponent(m[1]!);
}

/** The text of a summary-list entry (dt → dd) on the page. */
async function summaryValue(page: Page, term: string): Promise<string> {
  return (
    await page
      .locator('.summary-list > div')
      .filter({ has: page.locator('dt', { hasText: term }) })
      .locator('dd')
      .innerText()
  ).trim();
}

describe('sign in, create a review, add an agency and people', () => {
  let page: Page;
  let reviewId: string;

  it('signs in and creates a review with its kind, reference, pseudonym and DD/MM/YYYY dates', async () => {
    ({ page } = await e2e.signedIn(TEST_ADMIN.email, TEST_ADMIN.password));
    await page.getByRole('link', { name: 'Create a review' }).click();
    await page.getByRole('heading', { level: 1, name: 'Create a review' }).waitFor();

    // An empty submit lists every problem and moves focus to the list.
    await page.getByRole('button', { name: 'Create review' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.className), WAIT).toContain('error-summary');
    expect(await summary.getByRole('link').allInnerTexts()).toEqual([
      'Select the kind of review',
      'Enter a title or reference for the review',
      "Enter the child's pseudonym, for example Child A",
    ]);
    // A date that does not exist is refused with a message that says how to write it.
    await page.getByLabel('Referral or notification date (optional)').fill('31/02/2026');
    await page.getByRole('button', { name: 'Create review' }).click();
    await summary.getByRole('link', { name: /Referral or notification date must be a real date, written as DD\/MM\/YYYY/ }).waitFor();

    await page.getByRole('radio', { name: 'Rapid Review' }).check();
    await page.getByLabel('Title or reference').fill('RR-E2E-001');
    await page.getByLabel("Child's pseudonym").fill('Child E');
    await page.getByLabel('Referral or notification date (optional)').fill('09/11/2026');
    await page.getByLabel('From').fill('1/1/2024');
    await page.getByLabel('To', { exact: true }).fill('31/10/2026');
    await page.getByRole('button', { name: 'Create review' }).click();
    await page.getByRole('heading', { level: 1, name: 'RR-E2E-001' }).waitFor();
    reviewId = reviewIdOf(page);

    expect(await summaryValue(page, 'Kind of review')).toBe('Rapid Review');
    expect(await summaryValue(page, "Child's pseudonym")).toBe('Child E');
    expect(await summaryValue(page, 'Referral or notification date')).toBe('09/11/2026');
    expect(await summaryValue(page, 'Time period under review')).toBe('01/01/2024 to 31/10/2026');
    expect(await summaryValue(page, 'Your role')).toBe('Lead reviewer');

    // The server kept ISO dates, and the creator is the lead reviewer.
    const admin = await signInAdmin(e2e.server.url);
    const got = await api(e2e.server.url, 'GET', `/api/reviews/${reviewId}`, { cookie: admin.cookie });
    expect(got.status).toBe(200);
    expect(got.body.review).toMatchObject({
      title: 'RR-E2E-001',
      kind: 'rapid-review',
      childPseudonym: 'Child E',
      referralDate: '2026-11-09',
      periodStart: '2024-01-01',
      periodEnd: '2026-10-31',
      fictional: false,
    });
    expect(got.body.membership.role).toBe('lead-reviewer');
  });

  it('adds an agency whose short code is always shown on its colour', async () => {
    await page.getByRole('navigation', { name: 'Review sections' }).getByRole('link', { name: 'Agencies' }).click();
    await page.getByRole('heading', { level: 2, name: 'Agencies' }).waitFor();
    await page.getByLabel('Agency name').fill('Eastshire Police');
    await page.getByLabel('Short code').fill('EPOL');
    await page.getByLabel('Partner type').selectOption('police');
    await page.getByRole('radio', { name: /^Green/ }).check();
    await page.getByRole('button', { name: 'Add agency' }).click();
    await page.getByText('Eastshire Police was added').waitFor();

    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Eastshire Police' }) });
    await row.waitFor();
    const cells = await row.locator('td').allInnerTexts();
    expect(cells.join(' | ')).toMatch(/EPOL\s*Green \| Police/);
    // The code sits on the colour itself, so the colour never appears without it.
    const tag = row.locator('.agency-tag');
    expect((await tag.innerText()).trim()).toBe('EPOL');
    expect(await tag.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(209, 240, 214)');

    // A second agency with the same short code is refused, and the problem points at the short code.
    await page.getByLabel('Agency name').fill('Eastshire Police Again');
    await page.getByLabel('Short code').fill('epol');
    await page.getByLabel('Partner type').selectOption('police');
    await page.getByRole('button', { name: 'Add agency' }).click();
    const problem = page.getByRole('alert').filter({ hasText: 'There is a problem' }).getByRole('link');
    await problem.waitFor();
    expect(await problem.getAttribute('href')).toBe('#agency-code');
    expect(await problem.innerText()).toMatch(/short code/i);
    const agencies = await api(e2e.server.url, 'GET', `/api/reviews/${reviewId}/agencies`, { cookie: (await signInAdmin(e2e.server.url)).cookie });
    expect(agencies.body.agencies.map((a: { shortCode: string }) => a.shortCode)).toEqual(['EPOL']);
  });

  it('adds people with every register field, suggests report labels, and flags the subject child', async () => {
    await page.getByRole('navigation', { name: 'Review sections' }).getByRole('link', { name: 'People register' }).click();
    await waitForRegister(page);
    await page.getByText('No one has been added to the register yet.').waitFor();

    await page.getByRole('button', { name: 'Add a person' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a person' });
    await dialog.waitFor();
    // Focus starts in the first field of the panel.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id), WAIT).toBe('person-name');
    await dialog.getByLabel('Name', { exact: true }).fill('Jordan Example');
    await dialog.getByLabel('Also known as (optional)').fill('Jo Example\nJ. Ex');
    await dialog.getByLabel('Relationship to the child').fill('Mother');
    await dialog.getByLabel('Date of birth (optional)').fill('02/07/1996');
    await dialog.getByRole('radio', { name: 'Female' }).check();
    await dialog.getByLabel('Ethnicity (optional)').fill('White British');
    await dialog.getByLabel('Addresses (optional)').fill('1 Test Street, Eastshire\n4 Old Road, Westshire');
    await dialog.getByLabel('NHS number (optional)').fill('485 777 3456');
    await dialog.getByLabel('Notes (optional)').fill('Known to children’s social care.');
    await dialog.getByRole('button', { name: 'Add to register' }).click();
    await dialog.waitFor({ state: 'detached' });

    const mother = personRow(page, /Jordan Example/);
    await mother.waitFor();
    expect(await mother.locator('td').first().innerText()).toBe('Mother'); // label suggested from the relationship
    expect(await mother.getByRole('rowheader').innerText()).toContain('Also known as Jo Example, J. Ex');
    expect(await mother.locator('td').nth(2).innerText()).toBe('02/07/1996');

    // The subject child: the flag, and a label suggested from the review's pseudonym.
    await page.getByRole('button', { name: 'Add a person' }).click();
    await dialog.waitFor();
    await dialog.getByLabel('Name', { exact: true }).fill('Casey Example');
    await dialog.getByLabel('Relationship to the child').fill('Subject child');
    await dialog.getByLabel('This is the subject child').check();
    await dialog.getByLabel('Date of birth (optional)').fill('14/03/2019');
    await dialog.getByLabel('Date of death (optional)').fill('01/11/2026');
    await dialog.getByRole('button', { name: 'Suggest a label' }).click();
    expect(await dialog.getByLabel('Report label').inputValue()).toBe('Child E');
    await dialog.getByRole('button', { name: 'Add to register' }).click();
    await dialog.waitFor({ state: 'detached' });
    const child = personRow(page, /Casey Example/);
    await child.waitFor();
    expect(await child.getByRole('rowheader').innerText()).toMatch(/Subject child[\s\S]*Died 01\/11\/2026/);
    // The subject child is listed first.
    expect(await page.getByTestId('people-table').getByRole('rowheader').first().innerText()).toContain('Casey Example');

    // A sibling is numbered; the suggested label can then be edited by hand.
    await page.getByRole('button', { name: 'Add a person' }).click();
    await dialog.waitFor();
    await dialog.getByLabel('Name', { exact: true }).fill('Robin Example');
    await dialog.getByLabel('Relationship to the child').fill('Sibling');
    await dialog.getByRole('button', { name: 'Suggest a label' }).click();
    expect(await dialog.getByLabel('Report label').inputValue()).toBe('Sibling 1');
    await dialog.getByLabel('Report label').fill('Older sibling');
    await dialog.getByRole('button', { name: 'Add to register' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(
      await personRow(page, /Robin Example/)
        .locator('td')
        .first()
        .innerText(),
    ).toBe('Older sibling');

    // An invalid NHS number and date are refused in the panel and nothing is written.
    await personRow(page, /Jordan Example/)
      .getByRole('button', { name: /^Edit/ })
      .click();
    const edit = page.getByRole('dialog', { name: 'Edit Jordan Example' });
    await edit.waitFor();
    expect(await edit.getByLabel('Also known as (optional)').inputValue()).toBe('Jo Example\nJ. Ex');
    expect(await edit.getByLabel('Addresses (optional)').inputValue()).toBe('1 Test Street, Eastshire\n4 Old Road, Westshire');
    expect(await edit.getByLabel('NHS number (optional)').inputValue()).toBe('485 777 3456');
    expect(await edit.getByLabel('Ethnicity (optional)').inputValue()).toBe('White British');
    expect(await edit.getByRole('radio', { name: 'Female' }).isChecked()).toBe(true);
    await edit.getByLabel('NHS number (optional)').fill('12345');
    await edit.getByLabel('Date of birth (optional)').fill('1996-13-45');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    const problems = edit.getByRole('alert').filter({ hasText: 'There is a problem' });
    await problems.waitFor();
    expect(await problems.getByRole('link').allInnerTexts()).toEqual([
      'Date of birth must be a real date, written as DD/MM/YYYY',
      'NHS number must be 10 digits, for example 485 777 3456',
    ]);
    // Escape closes the panel without saving, and focus returns to the button that opened it.
    await page.keyboard.press('Escape');
    await edit.waitFor({ state: 'detached' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent), WAIT).toBe('Edit Jordan Example');
    expect(
      await personRow(page, /Jordan Example/)
        .locator('td')
        .nth(2)
        .innerText(),
    ).toBe('02/07/1996');

    // The server kept all of it: a reload reads the register back from the sync server's storage.
    await page.reload();
    await waitForRegister(page);
    expect(await page.getByTestId('people-table').getByRole('rowheader').allInnerTexts()).toEqual([
      expect.stringContaining('Casey Example'),
      expect.stringContaining('Jordan Example'),
      expect.stringContaining('Robin Example'),
    ]);
  });

  it('signs out to the sign-in page, and review pages then ask to sign in again', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await page.getByText('You have signed out.').waitFor();
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe('/sign-in');
    await page.goto(`/reviews/${reviewId}/people`);
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect(new URL(page.url()).searchParams.get('next')).toBe(`/reviews/${reviewId}/people`);
    // Signing in returns to the page asked for.
    await page.getByLabel('Email address').fill(TEST_ADMIN.email);
    await page.getByLabel('Password').fill(TEST_ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 2, name: 'People register' }).waitFor();
  });
});
