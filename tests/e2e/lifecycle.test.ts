import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { api } from '../utils/api.js';
import { launchBrowser, newContext, signInThroughUi } from '../utils/browser.js';
import { createReviewWithMembers, TEST_PASSWORD } from '../utils/factories.js';
import { startTestServer, TEST_ADMIN } from '../utils/testServer.js';
import { CLIENT_DIR, WAIT, ensureClientBuilt, expectAxeClean } from './harness.js';
import { addCalendarDays, addWorkingDays } from '../../shared/calendar/index.js';
import { formatUkDate, isoDateInLondon } from '../../shared/dates.js';

/**
 * Issue 7 (e2e): the deadlines dashboard marks overdue milestones by text and icon as well as colour;
 * a Rapid Review gets its referral date, its record completed (the quorum warning appears while the
 * police are absent) and exported as Word; an agency author answers their own scoping. axe finds
 * nothing serious on any of these pages.
 *
 * The client is served from dist/client as every e2e file does; E2E_CLIENT_DIR may point at another
 * build, so this file can run on a shared machine without rebuilding the one others are serving.
 */

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
const contexts: BrowserContext[] = [];
let fx: Awaited<ReturnType<typeof createReviewWithMembers>>;
let overdueId: string;
const today = isoDateInLondon(new Date());

beforeAll(async () => {
  const clientDir = process.env.E2E_CLIENT_DIR ? path.resolve(process.env.E2E_CLIENT_DIR) : CLIENT_DIR;
  if (!process.env.E2E_CLIENT_DIR) ensureClientBuilt();
  server = await startTestServer({ config: { clientDir } });
  browser = await launchBrowser();
  fx = await createReviewWithMembers(server.url);
  const la = await api(server.url, 'POST', `/api/reviews/${fx.reviewId}/agencies`, {
    cookie: fx.lead.cookie,
    body: { name: 'Northby Children’s Services', shortCode: 'CSC', partnerType: 'local-authority' },
  });
  expect(la.status).toBe(201);
  // A second review whose referral was six weeks ago, so its scoping requests are overdue whatever today is.
  const old = await api(server.url, 'POST', '/api/reviews', {
    cookie: fx.lead.cookie,
    body: { title: 'Overdue review', kind: 'rapid-review', childPseudonym: 'Child O', referralDate: addCalendarDays(today, -42) },
  });
  expect(old.status).toBe(201);
  overdueId = old.body.id;
  // The factory's reviews have a fixed referral date; move them to today so only the old one is overdue.
  for (const id of [fx.reviewId, fx.otherReviewId]) {
    const set = await api(server.url, 'PUT', `/api/reviews/${id}/lifecycle/milestones`, {
      cookie: fx.lead.cookie,
      body: { baseVersion: 0, referralDate: today, decisionDate: null, publicationDate: null, completed: {} },
    });
    expect(set.status).toBe(200);
  }
});
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close().catch(() => undefined);
  await server?.close();
});

async function signedIn(email: string, password: string): Promise<Page> {
  const ctx = await newContext(browser, server.url);
  contexts.push(ctx);
  const page = await ctx.newPage();
  await signInThroughUi(page, email, password);
  return page;
}

describe('lifecycle in the browser', () => {
  let page: Page;
  beforeAll(async () => {
    page = await signedIn(TEST_ADMIN.email, TEST_ADMIN.password);
  });

  it('the dashboard lists every review’s next milestone, overdue first, marked by word and icon', async () => {
    const table = page.getByTestId('dashboard-table');
    await table.waitFor();
    const rows = table.locator('tbody tr');
    await expect.poll(() => rows.count(), WAIT).toBe(3);
    const first = rows.first();
    expect(await first.getByRole('rowheader').innerText()).toContain('Overdue review');
    expect(await first.getAttribute('class')).toContain('row--overdue');
    const tag = first.locator('.ms-tag');
    expect((await tag.innerText()).trim()).toBe('Overdue');
    expect(await tag.locator('svg').count()).toBe(1);
    expect(await first.innerText()).toMatch(/\d+ working days overdue/);
    expect(await first.innerText()).toContain('Scoping requests sent to agencies');
    expect(await page.getByTestId('dashboard-summary').innerText()).toContain('1 review has an overdue milestone.');
    await expectAxeClean(page, 'reviews page with the deadlines dashboard');
    // The admin also sees the partnership's Rapid Review timetable.
    await page.getByText('Partnership settings: Rapid Review timetable').click();
    await page.getByLabel('Meeting window opens on working day').waitFor();
    await expectAxeClean(page, 'reviews page with the timetable settings open');
    expect(overdueId).toBeTruthy();
  });

  it('sets the referral date on the Timescales page, in DD/MM/YYYY', async () => {
    await page.goto(`/reviews/${fx.reviewId}/timescales`);
    await page.getByRole('heading', { level: 2, name: 'Timescales' }).waitFor();
    await page.getByTestId('milestones-table').waitFor();
    const referral = addCalendarDays(today, -1);
    await page.getByLabel('Referral or notification date').fill('31/02/2026');
    await page.getByRole('button', { name: 'Save the dates' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'There is a problem' })
      .getByRole('link', { name: /Referral or notification date must be a real date/ })
      .waitFor();
    await expectAxeClean(page, 'timescales with an error');
    await page.getByLabel('Referral or notification date').fill(formatUkDate(referral));
    await page.getByRole('button', { name: 'Save the dates' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Saved at/ })
      .waitFor();
    const returns = page.getByTestId('milestones-table').getByRole('row').filter({ hasText: 'Agency scoping returns due' });
    await expect.poll(() => returns.innerText(), WAIT).toContain(formatUkDate(addWorkingDays(referral, 5)));
    await expectAxeClean(page, 'timescales');
    const saved = await api(server.url, 'GET', `/api/reviews/${fx.reviewId}`, { cookie: fx.lead.cookie });
    expect(saved.body.review.referralDate).toBe(referral);
  });

  it('completes the Rapid Review record: the quorum warning shows while the police are absent', async () => {
    await page.goto(`/reviews/${fx.reviewId}/rapid-review`);
    await page.getByRole('heading', { level: 2, name: 'Rapid Review record' }).waitFor();
    const quorum = page.getByTestId('quorum');
    await quorum.getByText('Quorum warning: not quorate').waitFor();

    const addParticipant = async (name: string, role: string, agency: RegExp) => {
      await page.getByRole('button', { name: /^Add (a|another) participant$/ }).click();
      const row = page.locator('#rr-participants [data-list-row]').last();
      // Focus moves to the new row's first field, so typing goes straight in.
      await expect.poll(() => page.evaluate(() => document.activeElement?.id), WAIT).toMatch(/^rr-participants-\d+-name$/);
      await page.keyboard.type(name);
      await row.getByLabel('Job role or title').fill(role);
      const select = row.getByLabel('Agency or organisation');
      const value = await select.locator('option').filter({ hasText: agency }).getAttribute('value');
      await select.selectOption(value!);
    };
    await addParticipant('Dr Ivy Health', 'Designated Nurse', /Test Health/);
    await addParticipant('Lee Council', 'Head of Service', /Northby Children/);
    await expect.poll(() => quorum.innerText(), WAIT).toContain('Not quorate: no participant from the police.');
    await expectAxeClean(page, 'Rapid Review record with the quorum warning');

    await addParticipant('DI Grace Police', 'Detective Inspector', /Test Police/);
    await quorum.getByText('Quorate', { exact: true }).waitFor();

    await page.getByLabel('Case summary').fill('Maisie was taken to hospital with a head injury.');
    await page.getByLabel('Date of the Rapid Review meeting').fill('30/02/2026');
    await page.getByRole('radio', { name: 'Yes' }).check();
    await page.getByRole('checkbox', { name: /recurrent themes/ }).check();
    await page.getByRole('radio', { name: /^b\) Meets the criteria for a Local/ }).check();
    await page.getByRole('button', { name: 'Save the record' }).first().click();
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.getByRole('link', { name: /Date of the Rapid Review meeting must be a real date/ }).waitFor();
    await expectAxeClean(page, 'Rapid Review record with an error');
    await page.getByLabel('Date of the Rapid Review meeting').fill(formatUkDate(today));
    await page.getByRole('button', { name: 'Save the record' }).last().click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Saved at/ })
      .waitFor();

    const rr = await api(server.url, 'GET', `/api/reviews/${fx.reviewId}/lifecycle/rapid-review`, { cookie: fx.team.cookie });
    expect(rr.body.version).toBe(1);
    expect(rr.body.content.participants.map((p: { name: string }) => p.name)).toEqual(['Dr Ivy Health', 'Lee Council', 'DI Grace Police']);
    expect(rr.body.content).toMatchObject({ recommendation: 'b', criteria: ['recurrent-themes'], immediateAction: { allTaken: 'yes' } });
    expect(rr.body.content.background.meetingDate).toBe(today);
    expect(rr.body.quorum.quorate).toBe(true);
  });

  it('exports the completed Rapid Review template as Word, marked OFFICIAL-SENSITIVE', async () => {
    const link = page.getByRole('link', { name: /Download the completed Rapid Review template/ });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('rapid-review.docx');
    const file = await download.path();
    const files = unzipSync(new Uint8Array(fs.readFileSync(file)));
    const text = strFromU8(files['word/document.xml']!).replace(/<[^>]+>/g, '');
    expect(text).toContain('OFFICIAL-SENSITIVE');
    expect(text).toContain('DI Grace Police');
    expect(text).toContain('Quorate: at least one participant from each safeguarding partner');
    expect(text).toContain('Maisie was taken to hospital with a head injury.');
  });

  it('observers read the record without controls; agency authors see only their own scoping', async () => {
    const observer = await signedIn(fx.observer.email, TEST_PASSWORD);
    await observer.goto(`/reviews/${fx.reviewId}/rapid-review`);
    await observer.getByText('You can read this record.').waitFor();
    expect(await observer.getByRole('button', { name: 'Save the record' }).count()).toBe(0);
    expect(await observer.getByRole('link', { name: /Download/ }).count()).toBe(0);
    await expectAxeClean(observer, 'Rapid Review record, read only');

    const author = await signedIn(fx.author.email, TEST_PASSWORD);
    await author.goto(`/reviews/${fx.reviewId}/scoping`);
    await author.getByRole('heading', { level: 3, name: 'Test Police: initial scoping and information sharing' }).waitFor();
    expect(await author.getByTestId('scoping-table').locator('tbody tr').count()).toBe(1);
    expect(await author.getByRole('link', { name: 'Rapid Review', exact: true }).count()).toBe(0);
    await author.getByLabel('1. Summary of your agency’s involvement').fill('Two call-outs to the family home in 2025.');
    await author.getByRole('button', { name: 'Save and return the form' }).click();
    await author.getByText('Your agency has answered').waitFor();
    await expect.poll(() => author.getByTestId('scoping-table').innerText(), WAIT).toContain(`Returned ${formatUkDate(today)}`);
    await expectAxeClean(author, 'agency scoping, returned');
  });
});
