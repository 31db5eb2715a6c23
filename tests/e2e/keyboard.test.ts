import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { api } from '../utils/api.js';
import { signInAdmin } from '../utils/factories.js';
import { TEST_ADMIN } from '../utils/testServer.js';
import { WAIT, describeFocus, focusVisible, personRow, startE2e, tabTo, waitForRegister, type E2e } from './harness.js';

/**
 * Issue 2 (e2e d): the app is fully keyboard operable. From the sign-in page to a new review with a
 * person in its register, this file never clicks and never fills a field directly: it presses Tab,
 * Shift+Tab, arrows, Space, Enter and Escape, and types where focus is. Every stop shows its focus.
 */

let e2e: E2e;
let page: Page;
beforeAll(async () => {
  e2e = await startE2e();
  ({ page } = await e2e.open());
});
afterAll(async () => {
  await e2e?.close();
});

/** Tabs to the element matching `want`, checks it shows focus, and returns its description. */
async function tabToVisible(want: RegExp, max = 40, key: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<string> {
  const found = await tabTo(page, want, max, key);
  expect(await focusVisible(page), `no visible focus on ${found}`).toBe(true);
  return found;
}

/** The id of the focused element. */
function focusedId(): Promise<string | undefined> {
  return page.evaluate(() => document.activeElement?.id);
}

describe('keyboard only', () => {
  it('signs in', async () => {
    await page.goto('/sign-in');
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await tabToVisible(/^INPUT\|email\|Email address/);
    await page.keyboard.type(TEST_ADMIN.email);
    await tabToVisible(/^INPUT\|password\|Password/);
    await page.keyboard.type(TEST_ADMIN.password);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Your reviews' }).waitFor();
  });

  it('creates a review, recovering from errors through the error summary', async () => {
    await tabToVisible(/^A\|\|Create a review$/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Create a review' }).waitFor();
    // After the page changes, focus starts at its heading, as after a page load.
    await expect.poll(() => describeFocus(page), WAIT).toBe('H1||Create a review');

    // Submitting the empty form moves focus to the error summary; its links lead to each field.
    await tabToVisible(/^BUTTON\|submit\|Create review$/);
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'There is a problem' }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.className), WAIT).toContain('error-summary');
    await tabToVisible(/^A\|\|Enter a title or reference/, 3);
    await page.keyboard.press('Enter');
    expect(await focusedId()).toBe('review-title');
    await page.keyboard.type('KB-LCSPR-7');

    // The kind: one tab stop for the group, arrows to choose, as radio buttons work everywhere.
    // Shift+Tab enters an unchosen group at its last radio (Chromium), Tab at its first: either way,
    // Space chooses the focused one and an arrow moves the choice.
    await tabToVisible(/^INPUT\|radio\|/, 5, 'Shift+Tab');
    await page.keyboard.press('Space');
    if ((await describeFocus(page)) !== 'INPUT|radio|LCSPR') await page.keyboard.press('ArrowDown');
    expect(await describeFocus(page)).toBe('INPUT|radio|LCSPR');
    expect(await page.getByRole('radio', { name: 'LCSPR' }).isChecked()).toBe(true);

    await tabToVisible(/^INPUT\|text\|Title or reference$/, 3);
    await tabToVisible(/^INPUT\|text\|Child's pseudonym$/, 3);
    await page.keyboard.type('Child K');
    await tabToVisible(/^INPUT\|text\|Referral or notification date/, 3);
    await page.keyboard.type('03/03/2025');
    await tabToVisible(/^INPUT\|text\|From$/, 3);
    await page.keyboard.type('01/09/2023');
    await tabToVisible(/^INPUT\|text\|To$/, 3);
    await page.keyboard.type('28/02/2025');
    await tabToVisible(/^BUTTON\|submit\|Create review$/, 3);
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { level: 1, name: 'KB-LCSPR-7' }).waitFor();
    const reviewId = /\/reviews\/([^/]+)\//.exec(page.url())![1]!;
    const admin = await signInAdmin(e2e.server.url);
    const got = await api(e2e.server.url, 'GET', `/api/reviews/${reviewId}`, { cookie: admin.cookie });
    expect(got.body.review).toMatchObject({
      kind: 'lcspr',
      title: 'KB-LCSPR-7',
      childPseudonym: 'Child K',
      referralDate: '2025-03-03',
      periodStart: '2023-09-01',
      periodEnd: '2025-02-28',
    });
  });

  it('moves between workspace sections and adds a person to the register', async () => {
    await tabToVisible(/^A\|\|People register$/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: 'People register' }).waitFor();
    await expect.poll(() => describeFocus(page), WAIT).toBe('H2||People register');
    await waitForRegister(page);

    await tabToVisible(/^BUTTON\|button\|Add a person$/);
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: 'Add a person' }).waitFor();
    expect(await focusedId()).toBe('person-name');
    await page.keyboard.type('Kai Keyboard');
    await tabToVisible(/^TEXTAREA\|textarea\|Also known as/, 3);
    await tabToVisible(/^INPUT\|text\|Relationship to the child$/, 3);
    await page.keyboard.type('Father');
    await tabToVisible(/^INPUT\|checkbox\|This is the subject child$/, 3);
    await tabToVisible(/^INPUT\|text\|Date of birth/, 3);
    await page.keyboard.type('20/11/1993');
    // The gender radios: one stop; Space picks the focused one, arrows move on.
    await tabToVisible(/^INPUT\|radio\|Not known$/, 3); // the group's stop is its chosen radio
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await page.getByRole('radio', { name: 'Male', exact: true }).isChecked()).toBe(true);
    // Enter in a text field saves the form.
    await tabToVisible(/^INPUT\|text\|Ethnicity/, 3);
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: 'Add a person' }).waitFor({ state: 'detached' });
    const row = personRow(page, /Kai Keyboard/);
    await row.waitFor();
    expect(await row.locator('td').allInnerTexts()).toEqual(expect.arrayContaining(['Father', 'Father', '20/11/1993']));
    // Focus went back to the button that opened the panel.
    await expect.poll(() => describeFocus(page), WAIT).toBe('BUTTON|button|Add a person');

    // Edit, then leave with Escape: nothing changes and focus returns to the row's button.
    await tabToVisible(/^BUTTON\|button\|Edit Kai Keyboard$/);
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: 'Edit Kai Keyboard' }).waitFor();
    await page.keyboard.type(' Changed');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog', { name: 'Edit Kai Keyboard' }).waitFor({ state: 'detached' });
    await expect.poll(() => describeFocus(page), WAIT).toBe('BUTTON|button|Edit Kai Keyboard');
    expect(await personRow(page, /Changed/).count()).toBe(0);
    expect(await personRow(page, /Kai Keyboard/).count()).toBe(1);
  });

  it('signs out from the header', async () => {
    await tabToVisible(/^BUTTON\|button\|Sign out$/, 60, 'Shift+Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await expect.poll(() => describeFocus(page), WAIT).toBe('H1||Sign in');
  });
});
