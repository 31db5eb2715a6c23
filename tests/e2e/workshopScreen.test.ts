import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { newId } from '../../shared/ids.js';
import { blankPerson } from '../../shared/people.js';
import { writePerson } from '../../shared/peopleDoc.js';
import { writeEntry } from '../../shared/chronology/chronologyDoc.js';
import { blankEntry } from '../../shared/chronology/entry.js';
import { api } from '../utils/api.js';
import { newContext } from '../utils/browser.js';
import { createReviewWithMembers, TEST_PASSWORD } from '../utils/factories.js';
import { redeemInvitation, joinWithToken, type Participant } from '../utils/participant.js';
import { TEST_ADMIN } from '../utils/testServer.js';
import { openDoc, synced, type TestClient } from '../utils/yjsClient.js';
import { WAIT, describeFocus, expectAxeClean, focusVisible, startE2e, type E2e } from './harness.js';

/**
 * Issue 17 item 4, a workshop you can run on a shared screen: the short address /join where a
 * participant types the code (on a 390×844 phone), the facilitator page as keyboard-operable ARIA tabs
 * with answers that update live, the presenter screen for a second screen (pseudonymised, released
 * answers only, live), the "Now:" banner that follows what is shared, and the phone's current
 * worksheet first with earlier ones folded. axe checks every new page and state; a screenshot of the
 * presenter screen is kept in test-results/screenshots/.
 */

const SHOTS = path.resolve('test-results/screenshots');
let e2e: E2e;
let fx: Awaited<ReturnType<typeof createReviewWithMembers>>;
const docs: TestClient[] = [];
const contexts: BrowserContext[] = [];
const people: Participant[] = [];
let workshopId = '';
let code = '';
let lead: Page;
let presenter: Page;
let phone: Page;

const wpath = () => `/api/reviews/${fx.reviewId}/workshops/${workshopId}`;

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  e2e = await startE2e({}, { workshopCountsIntervalMs: 200 });
  fx = await createReviewWithMembers(e2e.server.url);
  const reg = openDoc(e2e.server.url, `review.${fx.reviewId}.people`, fx.lead.cookie);
  const chron = openDoc(e2e.server.url, `review.${fx.reviewId}.chronology.${fx.agencies[0]!.id}`, fx.author.cookie);
  docs.push(reg, chron);
  await Promise.all([synced(reg), synced(chron)]);
  writePerson(reg.doc, { ...blankPerson('p-mum'), name: 'Kerry Thornbury', relationship: 'Mother', reportLabel: 'Mother' });
  const day = { precision: 'day' as const, year: 2019, month: 3, day: 14, uncertainty: 'none' as const };
  writeEntry(chron.doc, fx.agencies[0]!.id, { ...blankEntry(newId(), fx.agencies[0]!.id, day), keyEvent: 'Kerry Thornbury called police about a neighbour' });
  for (let tries = 0; ; tries++) {
    const rows = (await api(e2e.server.url, 'GET', `/api/reviews/${fx.reviewId}/chronology`, { cookie: fx.lead.cookie })).body?.rows;
    if (rows?.length === 1) break;
    if (tries > 400) throw new Error('chronology row never reached the server');
    await new Promise((r) => setTimeout(r, 50));
  }
  // A published workshop with one phase and a lesson that names the mother; code joining on.
  const created = await api(e2e.server.url, 'POST', `/api/reviews/${fx.reviewId}/workshops`, { cookie: fx.lead.cookie, body: { date: '2026-12-01' } });
  workshopId = created.body.id;
  code = created.body.joinCode;
  const w = (await api(e2e.server.url, 'GET', wpath(), { cookie: fx.lead.cookie })).body;
  const setup = {
    ...w.setup,
    phases: [{ id: 'p1', title: 'Pregnancy and birth', start: '2019-01-01', end: '2019-12-31' }],
    lessons: [{ id: 'l1', text: 'Kerry Thornbury was never asked about the father.' }],
  };
  expect((await api(e2e.server.url, 'PUT', `${wpath()}/setup`, { cookie: fx.lead.cookie, body: setup })).status).toBe(200);
  expect((await api(e2e.server.url, 'POST', `${wpath()}/control`, { cookie: fx.lead.cookie, body: { action: 'publish' } })).status).toBe(200);
  expect((await api(e2e.server.url, 'PUT', `${wpath()}/code-joining`, { cookie: fx.lead.cookie, body: { on: true } })).status).toBe(200);
  // Three invited practitioners on real sockets (their own code path: blind-signed passes).
  const inv = await api(e2e.server.url, 'POST', `${wpath()}/invitations`, { cookie: fx.lead.cookie, body: { labels: ['A', 'B', 'C', 'D'] } });
  const secrets = inv.body.invitations.map((i: { secret: string }) => i.secret) as string[];
  for (const s of secrets.slice(0, 3)) {
    const t = await redeemInvitation(e2e.server.url, workshopId, s);
    if (!t.ok) throw new Error('redeem refused');
    people.push(await joinWithToken(e2e.server.url, workshopId, t.token));
  }
  invitationForBrowser = secrets[3]!;
});
let invitationForBrowser = '';
afterAll(async () => {
  for (const p of people) p.close();
  for (const d of docs) d.destroy();
  for (const c of contexts) await c.close().catch(() => undefined);
  await e2e?.close();
});

/** The facilitator's tab of that name. */
const tab = (page: Page, name: string) => page.getByRole('tablist', { name: 'Workshop' }).getByRole('tab', { name, exact: true });

describe('the short address /join', () => {
  it('lets a participant on a phone type the code, slows wrong codes with a clear message, and joins', { timeout: 180_000 }, async () => {
    const ctx = await newContext(e2e.browser, e2e.server.url, { width: 390, height: 844 });
    contexts.push(ctx);
    phone = await ctx.newPage();
    await phone.goto('/join');
    await phone.getByRole('heading', { level: 1, name: 'Join the Reflective Learning Workshop' }).waitFor();
    expect(await phone.title()).toBe('Join the workshop – Review Room');
    await expectAxeClean(phone, '/join (phone)');
    // Not a code at all: said at once, linked to the field.
    await phone.getByLabel('Workshop code').fill('K7M');
    await phone.getByRole('button', { name: 'Join with the code' }).click();
    await phone
      .getByRole('alert')
      .getByRole('link', { name: /Enter the 6-character workshop code/ })
      .waitFor();
    // A wrong code: the server says so clearly (and slows only this connection).
    const wrong = code === 'AAAAAA' ? 'BBBBBB' : 'AAAAAA';
    await phone.getByLabel('Workshop code').fill(wrong);
    await phone.getByRole('button', { name: 'Join with the code' }).click();
    await phone
      .getByRole('alert')
      .getByRole('link', { name: /That workshop code is not right/ })
      .waitFor();
    await expectAxeClean(phone, '/join wrong code (phone)');
    // A second wrong code is slowed, not refused for good: the right one still gets in. (Each attempt
    // clears the last message while it is checked, so the message waited for is this attempt's.)
    await phone.getByLabel('Workshop code').fill(wrong);
    await phone.getByRole('button', { name: 'Join with the code' }).click();
    expect(
      await phone
        .getByRole('alert')
        .getByRole('link', { name: /That workshop code is not right/ })
        .count(),
    ).toBe(0);
    await phone
      .getByRole('alert')
      .getByRole('link', { name: /That workshop code is not right/ })
      .waitFor(WAIT);
    await phone.getByLabel('Workshop code').fill(`${code.slice(0, 3).toLowerCase()} ${code.slice(3)}`);
    await phone.getByLabel('Workshop code').press('Enter');
    await phone.getByRole('heading', { level: 2, name: 'Confidentiality statement' }).waitFor(WAIT);
    expect(new URL(phone.url()).pathname).toBe(`/join/${workshopId}`);
    await phone.getByRole('button', { name: 'I accept the confidentiality statement' }).click();
    await phone.getByRole('heading', { level: 1, name: 'Reflective Learning Workshop: Child T' }).waitFor();
    await phone
      .getByTestId('join-mode')
      .getByText(/You joined with the workshop code only/)
      .waitFor();
    await expectAxeClean(phone, 'participant joined from /join (phone)');
  });

  it('keeps the personal invitation link working', async () => {
    const ctx = await newContext(e2e.browser, e2e.server.url, { width: 390, height: 844 });
    contexts.push(ctx);
    const page = await ctx.newPage();
    await page.goto(`/join/${workshopId}#invitation=${invitationForBrowser}`);
    await page.getByRole('heading', { level: 2, name: 'Confidentiality statement' }).waitFor(WAIT);
    await page.getByRole('button', { name: 'I accept the confidentiality statement' }).click();
    await page
      .getByTestId('join-mode')
      .getByText(/You joined with your anonymous pass/)
      .waitFor();
    await ctx.close();
  });
});

describe('the facilitator page', () => {
  it('is organised as ARIA tabs, operable with the keyboard, each axe-clean', { timeout: 240_000 }, async () => {
    ({ page: lead } = await e2e.signedIn(fx.lead.email, TEST_ADMIN.password));
    await lead.setViewportSize({ width: 1280, height: 900 });
    await lead.goto(`/reviews/${fx.reviewId}/workshop`);
    const run = tab(lead, 'Run the meeting');
    await run.waitFor();
    const names = await lead.getByRole('tablist', { name: 'Workshop' }).getByRole('tab').allInnerTexts();
    expect(names).toEqual(['Run the meeting', 'Invitations', 'Answers', 'Outcome', 'Set-up']);
    expect(await run.getAttribute('aria-selected')).toBe('true');
    // One tab in the tab order; its panel is labelled by it.
    expect(await lead.getByRole('tab').evaluateAll((els) => els.map((e) => e.getAttribute('tabindex')))).toEqual(['0', '-1', '-1', '-1', '-1']);
    await lead.getByRole('tabpanel', { name: 'Run the meeting' }).getByRole('heading', { name: 'Console' }).waitFor();
    await expectAxeClean(lead, 'facilitator tab: run');
    // The page is no longer one long scroll: the running tab fits a few screens.
    const height = await lead.evaluate(() => document.documentElement.scrollHeight);
    expect(height).toBeLessThan(2600);

    await run.focus();
    expect(await focusVisible(lead)).toBe(true);
    for (const [key, name] of [
      ['ArrowRight', 'Invitations'],
      ['ArrowRight', 'Answers'],
      ['End', 'Set-up'],
      ['ArrowRight', 'Run the meeting'],
      ['ArrowLeft', 'Set-up'],
      ['Home', 'Run the meeting'],
      ['ArrowRight', 'Invitations'],
    ] as const) {
      await lead.keyboard.press(key);
      expect(await describeFocus(lead)).toBe(`BUTTON|button|${name}`);
      expect(await tab(lead, name).getAttribute('aria-selected')).toBe('true');
      expect(await tab(lead, name).getAttribute('tabindex')).toBe('0');
      await lead.getByRole('tabpanel', { name }).waitFor();
    }
    await expectAxeClean(lead, 'facilitator tab: invitations');
    // Tab leaves the tab list for the panel's first control.
    await lead.keyboard.press('Tab');
    expect(await lead.evaluate(() => !!document.activeElement?.closest('[role="tabpanel"]'))).toBe(true);
    for (const name of ['Answers', 'Outcome', 'Set-up']) {
      await tab(lead, name).click();
      await lead.getByRole('tabpanel', { name }).waitFor();
      await expectAxeClean(lead, `facilitator tab: ${name}`);
    }
    // Export offers the Word file beside the spreadsheet.
    await tab(lead, 'Answers').click();
    await lead.getByRole('link', { name: 'Download the anonymised responses (.docx)' }).waitFor();
    await lead.getByRole('link', { name: 'Download the anonymised responses (.csv)' }).waitFor();
    expect(await lead.getByRole('button', { name: 'Refresh results' }).count()).toBe(0);
  });
});

describe('the presenter screen', () => {
  it('opens from the facilitator page in a new window and follows the meeting live, pseudonymised, with released answers only', { timeout: 240_000 }, async () => {
    await tab(lead, 'Run the meeting').click();
    const [popup] = await Promise.all([lead.context().waitForEvent('page'), lead.getByRole('link', { name: 'Open the presenter screen (opens in a new window)' }).click()]);
    presenter = popup;
    await presenter.setViewportSize({ width: 1600, height: 900 });
    await presenter.getByRole('heading', { level: 1, name: 'Reflective Learning Workshop: Child T' }).waitFor(WAIT);
    await presenter.getByText('Live: this screen follows the lead reviewer.').waitFor(WAIT);
    await presenter.getByText('The meeting has not started yet: please answer worksheet 1.').waitFor();
    // Large type.
    expect(await presenter.getByTestId('presenter').evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(24);
    await expectAxeClean(presenter, 'presenter: before the meeting');

    // Worksheet 1 answers arrive; the screen shows a coarse count, never an answer before its release.
    const texts = ['Kerry Thornbury rang the health visitor.', 'Nobody asked about the partner.', 'The school was not told.'];
    for (const [i, p] of people.entries()) expect((await p.emit('respond', { promptId: 'w1-1', text: texts[i] })).ok).toBe(true);
    await presenter.getByTestId('presenter-count-w1-1').getByText('Worksheet 1, question 1: at least 3 people have answered so far.').waitFor(WAIT);
    expect(await presenter.locator('main').innerText()).not.toContain('The school was not told.');

    // Starting the meeting releases worksheet 1: both screens update without a refresh.
    await lead.getByRole('button', { name: 'Start meeting' }).click();
    await presenter.getByTestId('presenter-now').getByText('Now: 09:45 Registration').waitFor(WAIT);
    const q1 = presenter.getByTestId('presented-w1-1');
    await expect.poll(() => q1.locator('li').count(), WAIT).toBe(3);
    expect((await q1.locator('li').allInnerTexts()).sort()).toEqual(['Mother rang the health visitor.', 'Nobody asked about the partner.', 'The school was not told.']);
    // In the release's own order: the same order as the facilitator's results.
    await tab(lead, 'Answers').click();
    const results = lead.getByTestId('results-w1-1');
    await results.getByText(/^3 responses in this release/).waitFor(WAIT);
    expect(await q1.locator('li').allInnerTexts()).toEqual(await results.locator('.ws-response .pre-wrap').allInnerTexts());
    await expectAxeClean(presenter, 'presenter: agenda with released answers');

    // Hiding an answer takes it off the shared screen at once; fewer than k visible leaves nothing shown.
    await results.getByRole('button', { name: 'Hide response 1 to Worksheet 1, question 1' }).click();
    await expect.poll(() => q1.count(), WAIT).toBe(0);
    await presenter.getByText('Answers appear here when the lead reviewer releases them', { exact: false }).waitFor();
    await results.getByRole('button', { name: 'Show response 1 to Worksheet 1, question 1' }).click();
    await expect.poll(() => q1.locator('li').count(), WAIT).toBe(3);

    // Sharing a phase: the banner, the phase's rows pseudonymised, and its question's coarse count.
    await tab(lead, 'Run the meeting').click();
    await lead.getByRole('button', { name: 'Share phase 1: Pregnancy and birth' }).click();
    await presenter.getByTestId('presenter-now').getByText('Now: Phase 1: Pregnancy and birth (agenda: 09:45 Registration)').waitFor(WAIT);
    await presenter.getByRole('heading', { level: 2, name: 'Phase 1: Pregnancy and birth' }).waitFor();
    await presenter.locator('.ws-phase-row').getByText('Mother called police about a neighbour').waitFor();
    await presenter
      .getByTestId('presenter-count-w2-p1')
      .getByText(/fewer than 3 people have answered/)
      .waitFor(WAIT);
    await expectAxeClean(presenter, 'presenter: shared phase');

    // The lessons, pseudonymised; a released question can be chosen for the screen.
    await lead.getByRole('button', { name: 'Share lessons' }).click();
    await presenter
      .getByTestId('presenter-now')
      .getByText(/^Now: Proposed lessons/)
      .waitFor(WAIT);
    await presenter.getByText('Mother was never asked about the father.').waitFor();
    await presenter.getByLabel('Answers on screen').selectOption({ label: 'Worksheet 1, question 1' });
    await expect.poll(() => q1.locator('li').count(), WAIT).toBe(3);
    await expectAxeClean(presenter, 'presenter: lessons with chosen answers');
    expect(await presenter.locator('body').innerText()).not.toMatch(/Kerry|Thornbury/);
    await presenter.screenshot({ path: path.join(SHOTS, 'presenter.png'), fullPage: true });
  });

  it('is refused to someone who is not on the review team', async () => {
    const other = await e2e.signedIn(fx.author.email, TEST_PASSWORD);
    await other.page.goto(`/reviews/${fx.reviewId}/workshops/${workshopId}/present`);
    await other.page.getByRole('alert').getByText('The presenter screen could not be loaded').waitFor(WAIT);
    expect(await other.page.locator('main').innerText()).not.toContain('Reflective Learning Workshop: Child T');
    await other.ctx.close();
  });
});

describe('the phone follows what is shared', () => {
  it('shows the current worksheet first, earlier ones folded away, and a banner that follows the share', { timeout: 180_000 }, async () => {
    await phone.getByTestId('now-banner').getByText('Now: Proposed lessons (agenda: 09:45 Registration)').waitFor(WAIT);
    const current = phone.getByTestId('current-worksheet');
    await current.getByRole('heading', { level: 3, name: 'Worksheet 3: responses to the proposed lessons' }).waitFor();
    await current.getByRole('region', { name: 'Proposed lesson 1', exact: true }).waitFor();
    // Phase 1's question is still open, but folded under the current one.
    const earlier = phone.getByTestId('earlier-worksheets');
    expect(await earlier.evaluate((el) => (el as HTMLDetailsElement).open)).toBe(false);
    expect(await phone.getByRole('region', { name: 'Phase 1: Pregnancy and birth', exact: true }).count()).toBe(0);
    const [currentTop, earlierTop] = await Promise.all([current.boundingBox(), earlier.boundingBox()]);
    expect(currentTop!.y).toBeLessThan(earlierTop!.y);
    await expectAxeClean(phone, 'phone: current worksheet, earlier folded');
    // Unsent words survive the question moving: type, the facilitator moves on, open the fold.
    await current.getByLabel('Your answer to Proposed lesson 1').fill('Half-written thought');
    await lead.getByRole('button', { name: 'Open feedback (worksheet 4)' }).click();
    await phone
      .getByTestId('now-banner')
      .getByText(/^Now: Feedback \(worksheet 4\)/)
      .waitFor(WAIT);
    await current.getByRole('heading', { level: 3, name: 'Worksheet 4: feedback on the workshop' }).waitFor();
    await earlier.locator('summary').focus();
    await phone.keyboard.press('Enter');
    expect(await earlier.evaluate((el) => (el as HTMLDetailsElement).open)).toBe(true);
    expect(await phone.getByLabel('Your answer to Proposed lesson 1').inputValue()).toBe('Half-written thought');
    await expectAxeClean(phone, 'phone: earlier worksheets open');
  });
});
