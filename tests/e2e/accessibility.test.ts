import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { api } from '../utils/api.js';
import { signInAdmin } from '../utils/factories.js';
import { TEST_ADMIN } from '../utils/testServer.js';
import { describeFocus, expectAxeClean, focusVisible, personRow, startE2e, waitForRegister, type E2e } from './harness.js';

/**
 * Issue 2, item 12 (e2e c): axe-core finds no WCAG 2.2 A or AA violation (of any impact) on any page,
 * in the states people meet (empty, with errors, with a panel open), on a server seeded with the
 * fictional demo so the pages carry real-looking content. Also the skip link, visible focus and
 * reflow at 320 CSS pixels.
 */

let e2e: E2e;
let demoId: string;
beforeAll(async () => {
  e2e = await startE2e({ SEED_DEMO: 'true' });
  const admin = await signInAdmin(e2e.server.url);
  const list = await api(e2e.server.url, 'GET', '/api/reviews', { cookie: admin.cookie });
  demoId = list.body.reviews.find((r: { fictional: boolean }) => r.fictional).id;
});
afterAll(async () => {
  await e2e?.close();
});

describe('accessibility of every page', () => {
  it('sign-in page: clean, with a skip link and visible focus, and clean with errors shown', async () => {
    const { page } = await e2e.open();
    await page.goto('/sign-in');
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect(await page.title()).toBe('Sign in – Review Room');
    expect(await page.locator('html').getAttribute('lang')).toBe('en-GB');
    await expectAxeClean(page, 'sign-in');

    // The first Tab reaches the skip link, which shows itself and moves focus to the main content.
    await page.keyboard.press('Tab');
    expect(await describeFocus(page)).toBe('A||Skip to main content');
    const box = await page.getByRole('link', { name: 'Skip to main content' }).boundingBox();
    expect(box && box.y >= 0 && box.height > 0).toBe(true);
    expect(await focusVisible(page)).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main-content');
    await page.keyboard.press('Tab');
    expect(await describeFocus(page)).toBe('INPUT|email|Email address');
    expect(await focusVisible(page)).toBe(true);

    await page.getByLabel('Email address').fill(TEST_ADMIN.email);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'There is a problem' }).waitFor();
    await expectAxeClean(page, 'sign-in with an error');
  });

  it('accept-invitation page: clean when valid, with errors, and when the link is not valid', async () => {
    const admin = await signInAdmin(e2e.server.url);
    const inv = await api(e2e.server.url, 'POST', `/api/reviews/${demoId}/invitations`, {
      cookie: admin.cookie,
      body: { email: 'axe.invitee@test.invalid', role: 'observer' },
    });
    expect(inv.status).toBe(201);
    const { page } = await e2e.open();
    await page.goto(`/invite/${inv.body.token}`);
    await page.getByLabel('Your full name').waitFor();
    await expectAxeClean(page, 'accept invitation');
    await page.getByRole('button', { name: 'Accept and join the review' }).click();
    await page.getByRole('alert').filter({ hasText: 'There is a problem' }).waitFor();
    await expectAxeClean(page, 'accept invitation with errors');
    await page.goto(`/invite/${'x'.repeat(43)}`);
    await page.getByText('This invitation cannot be used').waitFor();
    await expectAxeClean(page, 'accept invitation, link not valid');
  });

  describe('signed in as the lead reviewer of the fictional demo', () => {
    let page: Page;
    beforeAll(async () => {
      ({ page } = await e2e.signedIn(TEST_ADMIN.email, TEST_ADMIN.password));
    });

    it('reviews list: clean, and the demo is clearly marked fictional', async () => {
      const card = page.getByRole('list', { name: 'Reviews' }).getByRole('listitem').filter({ hasText: 'Demo Rapid Review (fictional)' }).first();
      await card.waitFor();
      await card.getByText('Fictional demo', { exact: true }).waitFor();
      await card.getByText(/No real child or family/).waitFor();
      await expectAxeClean(page, 'reviews list');
    });

    it('create-review page: clean empty and with errors', async () => {
      await page.getByRole('link', { name: 'Create a review' }).click();
      await page.getByRole('heading', { level: 1, name: 'Create a review' }).waitFor();
      await expectAxeClean(page, 'create review');
      await page.getByRole('button', { name: 'Create review' }).click();
      await page.getByRole('alert').filter({ hasText: 'There is a problem' }).waitFor();
      await expectAxeClean(page, 'create review with errors');
    });

    it('overview and agencies tabs: clean, marked fictional on every tab', async () => {
      await page.goto(`/reviews/${demoId}/overview`);
      await page.getByRole('heading', { level: 2, name: 'Overview' }).waitFor();
      await page.getByText('fictional demo', { exact: false }).first().waitFor();
      await expectAxeClean(page, 'overview');

      await page.getByRole('navigation', { name: 'Review sections' }).getByRole('link', { name: 'Agencies' }).click();
      await page.getByRole('heading', { level: 2, name: 'Agencies' }).waitFor();
      expect(await page.getByRole('table', { name: 'Agencies in this review' }).getByRole('rowheader').count()).toBe(6);
      expect(await page.locator('.workspace-heading').getByText('Fictional demo').count()).toBe(1);
      await expectAxeClean(page, 'agencies');
      await page.getByRole('button', { name: 'Add agency' }).click();
      await page.getByRole('alert').filter({ hasText: 'There is a problem' }).waitFor();
      await expectAxeClean(page, 'agencies with errors');
    });

    it('people register tab: clean with the register, an open edit panel, and panel errors', async () => {
      await page.getByRole('navigation', { name: 'Review sections' }).getByRole('link', { name: 'People register' }).click();
      await waitForRegister(page);
      expect(await page.getByTestId('people-table').getByRole('rowheader').count()).toBe(10);
      expect(await page.locator('.workspace-heading').getByText('Fictional demo').count()).toBe(1);
      await expectAxeClean(page, 'people register');

      await personRow(page, /Kerry Thornbury/)
        .getByRole('button', { name: /^Edit/ })
        .click();
      const panel = page.getByRole('dialog', { name: 'Edit Kerry Thornbury' });
      await panel.waitFor();
      await expectAxeClean(page, 'people register, edit panel');
      await panel.getByLabel('Name', { exact: true }).fill('');
      await panel.getByLabel('Date of birth (optional)').fill('31/02/1996');
      await panel.getByRole('button', { name: 'Save changes' }).click();
      await panel.getByRole('alert').filter({ hasText: 'There is a problem' }).waitFor();
      await expectAxeClean(page, 'people register, edit panel with errors');
      await panel.getByRole('button', { name: 'Cancel' }).click();
      await panel.waitFor({ state: 'detached' });
    });

    it('members tab: clean, with an invitation link shown and a role being changed', async () => {
      await page.getByRole('navigation', { name: 'Review sections' }).getByRole('link', { name: 'Members and invitations' }).click();
      await page.getByRole('heading', { level: 2, name: 'Members and invitations' }).waitFor();
      await page.getByRole('table', { name: 'Members of this review' }).getByRole('rowheader').first().waitFor();
      await expectAxeClean(page, 'members');
      await page.getByLabel('Email address').fill('axe.member@test.invalid');
      await page.getByLabel('Role', { exact: true }).selectOption('agency-author');
      await page.getByLabel('Agency', { exact: true }).selectOption({ index: 1 });
      await page.getByRole('button', { name: 'Create invitation link' }).click();
      await page.getByLabel('Invitation link').waitFor();
      await page.getByRole('button', { name: /^Change role for Priya Shah/ }).click();
      await page.getByLabel(/^New role for Priya Shah/).waitFor();
      await expectAxeClean(page, 'members with invitation link and role form');
    });

    it('not-found page: clean', async () => {
      await page.goto('/no-such-page');
      await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
      await expectAxeClean(page, 'not found');
    });

    it('reflows at 320 CSS pixels wide without scrolling sideways', async () => {
      await page.setViewportSize({ width: 320, height: 640 });
      const paths = ['/', '/reviews/new', ...['overview', 'agencies', 'people', 'members'].map((t) => `/reviews/${demoId}/${t}`)];
      for (const path of paths) {
        await page.goto(path);
        await page.locator(path.startsWith('/reviews/') && path !== '/reviews/new' ? '[data-route-focus]' : 'main h1').waitFor();
        if (path.endsWith('/people')) await waitForRegister(page);
        if (path === '/') await page.getByRole('list', { name: 'Reviews' }).waitFor();
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `${path} scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(0);
      }
      await page.setViewportSize({ width: 1280, height: 900 });
    });
  });

  it("observer's read-only person panel: clean", async () => {
    const { page } = await e2e.signedIn('observer@demo.invalid', TEST_ADMIN.password);
    await page.goto(`/reviews/${demoId}/people`);
    await waitForRegister(page);
    await page.getByText('Read only').waitFor();
    await expectAxeClean(page, 'people register, read only');
    await personRow(page, /Maisie Thornbury/)
      .getByRole('button', { name: /^View/ })
      .click();
    await page.getByRole('dialog', { name: 'Maisie Thornbury' }).waitFor();
    await expectAxeClean(page, 'people register, read-only person panel');
  });
});
