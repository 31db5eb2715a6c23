import path from 'node:path';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestServer, TEST_ADMIN } from '../utils/testServer.js';
import { launchBrowser, newContext, seriousAxeViolations, signInThroughUi } from '../utils/browser.js';
import { createReviewWithMembers, TEST_PASSWORD } from '../utils/factories.js';
import { api } from '../utils/api.js';

const CLIENT_DIR = path.resolve('dist/client');

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
let fx: Awaited<ReturnType<typeof createReviewWithMembers>>;

beforeAll(async () => {
  if (!fs.existsSync(path.join(CLIENT_DIR, 'index.html'))) throw new Error('Build the client first: npx vite build');
  server = await startTestServer({ config: { clientDir: CLIENT_DIR } });
  fx = await createReviewWithMembers(server.url);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function expectAxeClean(page: Page, what: string): Promise<void> {
  const problems = await seriousAxeViolations(page);
  expect(problems, `${what}: ${JSON.stringify(problems, null, 1)}`).toEqual([]);
}

describe('foundation in Chromium', () => {
  it('signs in, creates a review, adds an agency and a person', async () => {
    const ctx = await newContext(browser, server.url);
    const page = await ctx.newPage();
    await signInThroughUi(page, TEST_ADMIN.email, TEST_ADMIN.password);
    await page.getByRole('link', { name: 'Create a review' }).click();
    await page.getByLabel('Rapid Review', { exact: false }).first().check();
    await page.getByLabel('Title or reference').fill('RR-E2E-001');
    await page.getByLabel("Child's pseudonym").fill('Child E');
    await page.getByLabel('Referral or notification date (optional)').fill('09/11/2026');
    await page.getByRole('button', { name: 'Create review' }).click();
    await page.getByRole('heading', { level: 1, name: /RR-E2E-001/ }).waitFor();

    await page.getByRole('link', { name: 'Agencies' }).click();
    await page.getByLabel('Agency name').fill('Eastshire Police');
    await page.getByLabel('Short code').fill('EPOL');
    await page.getByLabel('Partner type').selectOption('police');
    await page.getByRole('button', { name: 'Add agency' }).click();
    await page.getByText('EPOL').first().waitFor();

    await page.getByRole('link', { name: 'People register' }).click();
    await page.getByRole('button', { name: 'Add a person' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Jordan Example');
    await page.getByLabel('Relationship to the child').fill('Mother');
    await page.getByRole('button', { name: 'Add to register' }).click();
    await page.getByRole('rowheader', { name: /Jordan Example/ }).waitFor();
    await ctx.close();
  });

  it('shows two browser contexts each other\'s edits live, with presence', async () => {
    const leadCtx = await newContext(browser, server.url);
    const teamCtx = await newContext(browser, server.url);
    const lead = await leadCtx.newPage();
    const team = await teamCtx.newPage();
    await signInThroughUi(lead, fx.lead.email, TEST_ADMIN.password);
    await signInThroughUi(team, fx.team.email, TEST_PASSWORD);
    await lead.goto(`/reviews/${fx.reviewId}/people`);
    await team.goto(`/reviews/${fx.reviewId}/people`);
    await lead.getByRole('button', { name: 'Add a person' }).waitFor();
    await team.getByRole('button', { name: 'Add a person' }).waitFor();
    // Each sees the other in the presence list, with the name the server knows.
    await lead.getByText(fx.team.name).first().waitFor();
    await team.getByText(fx.lead.name).first().waitFor();

    await lead.getByRole('button', { name: 'Add a person' }).click();
    await lead.getByLabel('Name', { exact: true }).fill('Alex Lead-Added');
    await lead.getByRole('button', { name: 'Add to register' }).click();
    await team.getByRole('rowheader', { name: /Alex Lead-Added/ }).waitFor();

    await team.getByRole('button', { name: 'Add a person' }).click();
    await team.getByLabel('Name', { exact: true }).fill('Sam Team-Added');
    await team.getByRole('button', { name: 'Add to register' }).click();
    await lead.getByRole('rowheader', { name: /Sam Team-Added/ }).waitFor();
    await leadCtx.close();
    await teamCtx.close();
  });

  it('shows the register read-only to an observer', async () => {
    const ctx = await newContext(browser, server.url);
    const page = await ctx.newPage();
    await signInThroughUi(page, fx.observer.email, TEST_PASSWORD);
    await page.goto(`/reviews/${fx.reviewId}/people`);
    await page.getByText('Read only').waitFor();
    expect(await page.getByRole('button', { name: 'Add a person' }).count()).toBe(0);
    await ctx.close();
  });

  it('has no serious or critical axe violations on any page', async () => {
    const ctx = await newContext(browser, server.url);
    const page = await ctx.newPage();
    await page.goto('/sign-in');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await expectAxeClean(page, 'sign-in');
    const inv = await api(server.url, 'POST', `/api/reviews/${fx.reviewId}/invitations`, { cookie: fx.lead.cookie, body: { email: 'axe@test.invalid', role: 'observer' } });
    await page.goto(`/invite/${inv.body.token}`);
    await page.getByRole('heading', { name: 'Accept your invitation' }).waitFor();
    await page.getByLabel('Your full name').waitFor();
    await expectAxeClean(page, 'accept invitation');

    await signInThroughUi(page, fx.lead.email, TEST_ADMIN.password);
    await expectAxeClean(page, 'reviews list');
    await page.goto('/reviews/new');
    await page.getByRole('heading', { level: 1, name: /Create a review/i }).waitFor();
    await expectAxeClean(page, 'create review');
    for (const tab of ['', '/agencies', '/people', '/members']) {
      await page.goto(`/reviews/${fx.reviewId}${tab}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.waitForLoadState('networkidle').catch(() => undefined);
      await page.waitForTimeout(300);
      await expectAxeClean(page, `workspace${tab || ' overview'}`);
    }
    await page.goto('/no-such-page');
    await expectAxeClean(page, 'not found');
    await ctx.close();
  });

  it('creates a review with the keyboard alone', async () => {
    const ctx = await newContext(browser, server.url);
    const page = await ctx.newPage();
    await signInThroughUi(page, fx.lead.email, TEST_ADMIN.password);
    await page.goto('/reviews/new');
    await page.getByRole('heading', { level: 1, name: /Create a review/i }).waitFor();
    // Tab through the form from the top of the page; type where a field has focus.
    const typed: Record<string, string> = { 'Title or reference': 'KB-REVIEW', "Child's pseudonym": 'Child K' };
    let pressedKind = false;
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const label = await page.evaluate(() => {
        const el = document.activeElement as HTMLInputElement | null;
        if (!el) return '';
        const lab = el.id ? document.querySelector(`label[for="${el.id}"]`) : null;
        return `${el.tagName}|${el.type}|${lab?.textContent?.trim() ?? el.textContent?.trim() ?? ''}`;
      });
      if (!pressedKind && label.includes('|radio|')) { await page.keyboard.press('Space'); pressedKind = true; }
      for (const [name, value] of Object.entries(typed)) if (label.includes(name)) await page.keyboard.type(value);
      if (label.startsWith('BUTTON') && label.includes('Create review')) { await page.keyboard.press('Enter'); break; }
    }
    await page.getByRole('heading', { level: 1, name: /KB-REVIEW/ }).waitFor();
    await ctx.close();
  });
});
