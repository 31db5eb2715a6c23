import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { api } from '../utils/api.js';
import { createReviewWithMembers, inviteAndAccept, TEST_PASSWORD, type Actor } from '../utils/factories.js';
import { TEST_ADMIN } from '../utils/testServer.js';
import { emptyTermsOfReference } from '../../shared/lifecycle/index.js';
import { WAIT, expectAxeClean, startE2e, type E2e } from './harness.js';

/**
 * Issue 16 end to end in Chromium: the review team requests a learning template; the police author
 * starts it and fills it in by keyboard; the police senior lead endorses; the author submits; the
 * review team queries a section, the author answers, the team returns it with reasons; after a fresh
 * endorsement it is resubmitted, the query resolved and the template accepted; the team records a key
 * theme from the answer, and the lead reviewer adds it to the report, where it shows with its chain.
 * axe finds nothing on each screen.
 */

let e2e: E2e;
let fx: Awaited<ReturnType<typeof createReviewWithMembers>>;
let senior: Actor;
let police: string;
const KLOE = 'How was the voice of the child heard?';

beforeAll(async () => {
  e2e = await startE2e();
  const url = e2e.server.url;
  fx = await createReviewWithMembers(url);
  police = fx.agencies[0]!.id;
  senior = await inviteAndAccept(url, fx.lead.cookie, fx.reviewId, 'agency-author', police);
  const tor = { ...emptyTermsOfReference(), keyLinesOfEnquiry: [KLOE] };
  expect(
    (
      await api(url, 'PUT', `/api/reviews/${fx.reviewId}/lifecycle/terms-of-reference`, {
        cookie: fx.lead.cookie,
        body: { baseVersion: 0, content: tor, periodStart: '01/01/2025', periodEnd: '28/10/2026' },
      })
    ).status,
  ).toBe(200);
  const members = (await api(url, 'GET', `/api/reviews/${fx.reviewId}/members`, { cookie: fx.lead.cookie })).body.members as { id: string; userId: string }[];
  const mid = members.find((m) => m.userId === senior.userId)!.id;
  expect(
    (await api(url, 'PUT', `/api/reviews/${fx.reviewId}/evidence/senior-leads/${mid}`, { cookie: fx.lead.cookie, body: { designation: 'Detective Superintendent' } })).status,
  ).toBe(200);
}, 240_000);
afterAll(async () => {
  await e2e?.close();
});

const evidencePage = async (page: Page) => {
  await page.goto(`/reviews/${fx.reviewId}/evidence`);
  await page.getByRole('heading', { level: 2, name: 'Evidence' }).waitFor();
  await page.getByRole('heading', { level: 3, name: 'Requests' }).waitFor();
};
const status = (page: Page) => page.getByRole('status').filter({ hasText: /./ }).first();
const what = 'Test Police learning template';

describe('evidence: request to report', () => {
  it('runs the whole cycle by keyboard and the theme reaches the report', async () => {
    const lead = await e2e.signedIn(TEST_ADMIN.email, TEST_ADMIN.password);
    const author = await e2e.signedIn(fx.author.email, TEST_PASSWORD);
    const lead2 = await e2e.signedIn(senior.email, TEST_PASSWORD);
    const team = lead.page;

    // The review team requests the learning template.
    await evidencePage(team);
    await expectAxeClean(team, 'evidence tab, nothing requested');
    await team.getByLabel('Test Police').check();
    await team.getByLabel(/^Learning template/).check();
    await team.getByRole('button', { name: 'Send requests' }).click();
    await expect.poll(() => team.getByRole('status').first().textContent(), WAIT).toContain('1 request sent');
    await expect.poll(() => team.getByRole('row').filter({ hasText: 'Learning template' }).textContent(), WAIT).toMatch(/Requested.*working days left/);

    // The request is a milestone on the dashboard, its status in words with an icon.
    await team.goto('/');
    const deadlines = team.getByTestId('evidence-deadlines-table');
    await expect.poll(() => deadlines.textContent(), WAIT).toMatch(/Test Police: learning template.*working days left.*Upcoming/);
    await expectAxeClean(team, 'dashboard with evidence deadlines');

    // The author sees it waiting, starts it and fills it in by keyboard.
    const a = author.page;
    await evidencePage(a);
    await a.getByText('Complete the learning template').waitFor();
    await a.getByRole('button', { name: `Start work: ${what}` }).click();
    await a.getByRole('button', { name: `Open the ${what}` }).click();
    await a.getByRole('heading', { name: 'Learning template: Test Police' }).waitFor();
    await a.getByText(KLOE).waitFor();
    await expect.poll(() => a.evaluate(() => document.activeElement?.id), WAIT).toBe('evidence-doc-heading');
    const analysis = a.locator('#ev-kloe-1-analysis');
    await analysis.focus();
    await a.keyboard.type('Officers spoke to Maisie only with her mother present.');
    await a.keyboard.press('Tab');
    await expect.poll(() => a.getByText('All changes saved').count(), WAIT).toBeGreaterThan(0);
    await expectAxeClean(a, 'learning template, agency author');

    // The senior lead endorses; the author submits.
    const s = lead2.page;
    await evidencePage(s);
    await s.getByText('Endorse the learning template').waitFor();
    await s.getByRole('button', { name: `Endorse as senior lead: ${what}` }).click();
    await expect.poll(() => s.getByRole('row').filter({ hasText: 'Learning template' }).textContent(), WAIT).toContain('Endorsed by');
    await evidencePage(a);
    await a.getByRole('button', { name: `Submit to the review team: ${what}` }).click();
    await expect.poll(() => a.getByRole('row').filter({ hasText: 'Learning template' }).textContent(), WAIT).toContain('Submitted');

    // The review team reads it and queries Section 3.
    await evidencePage(team);
    await team.getByRole('button', { name: `Open the ${what}` }).click();
    await expect.poll(() => team.locator('#ev-kloe-1-analysis').inputValue(), WAIT).toBe('Officers spoke to Maisie only with her mother present.');
    expect(await team.locator('#ev-kloe-1-analysis').getAttribute('readonly')).not.toBeNull();
    const queries = team.locator('details').filter({ hasText: 'Queries on Section 3: key line of enquiry 1' });
    await queries.locator('summary').click();
    await queries.getByLabel('Ask the agency about Section 3: key line of enquiry 1').fill('Was Maisie ever seen alone?');
    await queries.getByRole('button', { name: 'Send query' }).click();
    await expect.poll(() => queries.textContent(), WAIT).toContain('Waiting for the agency');

    // The author answers from the waiting list.
    await evidencePage(a);
    await a.getByText('Answer the review team’s query on the learning template, Section 3: key line of enquiry 1').waitFor();
    await a
      .getByRole('button', { name: `Open the ${what}` })
      .first()
      .click();
    const aq = a.locator('details').filter({ hasText: 'Queries on Section 3: key line of enquiry 1' });
    await aq.getByLabel('Your answer').fill('No: every visit was with her mother in the room.');
    await aq.getByRole('button', { name: 'Send answer' }).click();
    await expect.poll(() => aq.textContent(), WAIT).toContain('Answered, waiting for the review team');

    // The team returns it with reasons; acceptance is blocked while the query is open.
    await evidencePage(team);
    await team.getByRole('button', { name: `Return for revision: ${what}` }).click();
    await team.getByLabel(`Reasons for returning the ${what}`).fill('Please add what was done to see Maisie alone.');
    await team.getByRole('button', { name: 'Return with these reasons' }).click();
    await expect.poll(() => team.getByRole('row').filter({ hasText: 'Learning template' }).textContent(), WAIT).toContain('Returned for revision');

    // A fresh endorsement, then resubmission.
    await evidencePage(s);
    await s.getByRole('button', { name: `Endorse as senior lead: ${what}` }).click();
    await expect.poll(() => s.getByRole('row').filter({ hasText: 'Learning template' }).textContent(), WAIT).toContain('Endorsed by');
    await evidencePage(a);
    await a.getByText('Revise the returned learning template').waitFor();
    await a.getByRole('button', { name: `Submit to the review team: ${what}` }).click();
    await expect.poll(() => a.getByRole('row').filter({ hasText: 'Learning template' }).textContent(), WAIT).toContain('Submitted');

    await evidencePage(team);
    await team.getByText('It can be accepted once its open query is resolved.').waitFor();
    expect(await team.getByRole('button', { name: `Accept: ${what}` }).count()).toBe(0);
    await team.getByRole('button', { name: `Open the ${what}` }).click();
    await team.locator('details').filter({ hasText: 'Queries on Section 3: key line of enquiry 1' }).getByRole('button', { name: 'Resolve query' }).click();
    await expect.poll(() => status(team).textContent(), WAIT).toContain('resolved');
    await team.getByRole('button', { name: `Accept: ${what}` }).click();
    await expect.poll(() => team.getByRole('row').filter({ hasText: 'Learning template' }).textContent(), WAIT).toContain('Accepted');
    await expectAxeClean(team, 'evidence tab, accepted with the document open');
  }, 600_000);

  it('records, edits, links, unlinks and removes key themes by keyboard, and the theme reaches the report', async () => {
    const team = (await e2e.signedIn(TEST_ADMIN.email, TEST_ADMIN.password)).page;
    await evidencePage(team);
    await team.getByRole('heading', { level: 3, name: 'Key themes for analysis' }).waitFor();

    // The key theme, recorded by keyboard and linked to the answer.
    await team.getByLabel('Theme', { exact: true }).focus();
    await team.keyboard.type('Seeing the child alone');
    await team.keyboard.press('Tab');
    await team.keyboard.type('Practitioners rarely saw Maisie without her mother.');
    await team.getByLabel(/Answer to a review-team query from Test Police/).focus();
    await team.keyboard.press('Space');
    await team.getByRole('button', { name: 'Record key theme' }).focus();
    await team.keyboard.press('Enter');
    const evidenceOf = (title: string) => team.getByRole('list', { name: `Evidence for ${title}` });
    await expect.poll(() => evidenceOf('Seeing the child alone').textContent(), WAIT).toContain('Answer to a review-team query from Test Police');
    await expect.poll(() => status(team).textContent(), WAIT).toContain('was recorded');

    // Edited by keyboard: a new title and the template's analysis linked as well.
    await team.getByRole('button', { name: 'Edit theme: Seeing the child alone' }).focus();
    await team.keyboard.press('Enter');
    const editForm = team.getByRole('form', { name: 'Save theme: Seeing the child alone' });
    await editForm.waitFor();
    await expect.poll(() => team.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value), WAIT).toBe('Seeing the child alone');
    await team.keyboard.press('Control+A');
    await team.keyboard.type('Seeing and hearing the child alone');
    await editForm.getByLabel('Test Police learning template, Section 3: key line of enquiry 1').focus();
    await team.keyboard.press('Space');
    await expectAxeClean(team, 'key theme being edited');
    await editForm.getByRole('button', { name: 'Save theme: Seeing the child alone' }).focus();
    await team.keyboard.press('Enter');
    const title = 'Seeing and hearing the child alone';
    await expect.poll(() => evidenceOf(title).textContent(), WAIT).toContain('Test Police learning template, Section 3: key line of enquiry 1');
    await expect.poll(() => team.evaluate(() => document.activeElement?.textContent), WAIT).toBe(`Edit theme: ${title}`);

    // Unlinked again from the list, by keyboard.
    await evidenceOf(title)
      .getByRole('button', { name: /^Unlink Test Police learning template/ })
      .focus();
    await team.keyboard.press('Enter');
    await expect.poll(() => evidenceOf(title).textContent(), WAIT).not.toContain('learning template');
    expect(await evidenceOf(title).textContent()).toContain('Answer to a review-team query');

    // A second theme, removed after a confirmation.
    await team.getByLabel('Theme', { exact: true }).fill('A theme recorded by mistake');
    await team.getByRole('button', { name: 'Record key theme' }).click();
    await team.getByRole('heading', { level: 4, name: 'A theme recorded by mistake' }).waitFor();
    await team.getByRole('button', { name: 'Remove theme: A theme recorded by mistake' }).focus();
    await team.keyboard.press('Enter');
    await expect.poll(() => team.evaluate(() => document.activeElement?.textContent), WAIT).toBe('Yes, remove “A theme recorded by mistake”');
    await expectAxeClean(team, 'key theme removal confirmation');
    await team.keyboard.press('Enter');
    await expect.poll(() => team.getByRole('heading', { level: 4, name: 'A theme recorded by mistake' }).count(), WAIT).toBe(0);
    await expectAxeClean(team, 'evidence tab with a key theme');

    await team.goto(`/reviews/${fx.reviewId}/report`);
    await team.getByRole('button', { name: 'Add the key themes as analysis themes' }).click();
    await expect.poll(() => team.getByRole('textbox', { name: /title/i }).evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value)), WAIT).toContain(title);
    // The builder saves as it goes (issue 13): no Save button, and the status says when the server holds it all.
    await team.getByTestId('sync-status').getByText('Connected. All changes saved.').waitFor(WAIT);
    await expectAxeClean(team, 'report builder with the evidence trace');
    await team.goto(`/reviews/${fx.reviewId}/report?view=preview`);
    await expect.poll(() => team.locator('main').textContent(), WAIT).toContain(title);
    // Queries are working notes: neither the question nor the answer reaches the report.
    const preview = await team.locator('main').textContent();
    expect(preview).not.toContain('Was Maisie ever seen alone?');
    expect(preview).not.toContain('every visit was with her mother');
  }, 300_000);

  it('threads a query on a chronology row: the team asks, the agency answers, the team resolves', async () => {
    const author = await e2e.signedIn(fx.author.email, TEST_PASSWORD);
    const lead = await e2e.signedIn(TEST_ADMIN.email, TEST_ADMIN.password);
    const a = author.page;
    await a.goto(`/reviews/${fx.reviewId}/chronology`);
    await a.getByRole('heading', { level: 2, name: 'Chronology' }).waitFor();
    await a.getByRole('button', { name: 'Add a row' }).click();
    const add = a.getByRole('dialog', { name: 'Add a row' });
    await add.getByLabel('Date', { exact: true }).fill('12/03/2026');
    await add.getByLabel('Key event or action undertaken').fill('Police attended a domestic incident.');
    await add.getByRole('button', { name: 'Add row' }).click();
    await add.waitFor({ state: 'detached' });

    const t = lead.page;
    await t.goto(`/reviews/${fx.reviewId}/chronology`);
    const row = () => t.getByTestId('chronology-table').locator('[role="row"][data-row-id]').filter({ hasText: 'Police attended a domestic incident.' });
    await row()
      .getByRole('button', { name: /Read( or edit)? this row/ })
      .click();
    const tq = t.getByRole('dialog').locator('details').filter({ hasText: 'Queries on this row' });
    await tq.locator('summary').click();
    await tq.getByLabel('Ask the agency about this row').fill('Was the child present?');
    await tq.getByRole('button', { name: 'Send query' }).click();
    await expect.poll(() => tq.textContent(), WAIT).toContain('Waiting for the agency');
    await expectAxeClean(t, 'chronology row with a query thread');
    await expect.poll(() => row().textContent(), WAIT).toContain('1 open query');

    await a.reload();
    await a
      .getByTestId('chronology-table')
      .locator('[role="row"][data-row-id]')
      .filter({ hasText: 'Police attended' })
      .getByRole('button', { name: /Read or edit this row/ })
      .click();
    const aq = a.getByRole('dialog').locator('details').filter({ hasText: 'Queries on this row' });
    await aq.getByLabel('Your answer').fill('Yes, asleep upstairs.');
    await aq.getByRole('button', { name: 'Send answer' }).click();
    await expect.poll(() => aq.textContent(), WAIT).toContain('Answered, waiting for the review team');

    await t.reload();
    await row()
      .getByRole('button', { name: /Read( or edit)? this row/ })
      .click();
    const tq2 = t.getByRole('dialog').locator('details').filter({ hasText: 'Queries on this row' });
    await tq2.getByRole('button', { name: 'Resolve query' }).click();
    await expect.poll(() => tq2.textContent(), WAIT).toContain('Resolved');
    await t.keyboard.press('Escape');
    await expect.poll(() => row().textContent(), WAIT).not.toContain('open query');
  }, 180_000);

  it('lets a review-team member query another agency’s organisational change; that agency answers from its list; the team resolves', async () => {
    const chronology = `/reviews/${fx.reviewId}/chronology`;
    const opened = async (page: Page) => {
      await page.goto(chronology);
      await page.getByRole('heading', { level: 2, name: 'Chronology' }).waitFor();
      await page.getByTestId('org-changes').waitFor();
    };
    const i = (await e2e.signedIn(fx.author2.email, TEST_PASSWORD)).page;
    await opened(i);
    await i.getByRole('button', { name: 'Add an organisational change for ICB' }).click();
    const add = i.getByRole('dialog', { name: 'Add an organisational change for ICB' });
    await add.getByLabel('Date', { exact: true }).fill('15/01/2026');
    await add.getByLabel('Organisational change').fill('Health visiting teams merged into one locality hub');
    await add.getByRole('button', { name: 'Add change' }).click();
    await add.waitFor({ state: 'detached' });

    // A review-team member (not the lead reviewer, not of this agency) asks, by keyboard.
    const t = (await e2e.signedIn(fx.team.email, TEST_PASSWORD)).page;
    await opened(t);
    const icbGroup = (page: Page) => page.getByTestId('org-changes-ICB');
    await icbGroup(t).getByText('Health visiting teams merged').waitFor();
    await icbGroup(t).getByRole('button', { name: 'Queries on the ICB change of 15/01/2026' }).focus();
    await t.keyboard.press('Enter');
    const dialog = (page: Page) => page.getByRole('dialog', { name: 'Queries on the ICB organisational change of 15/01/2026' });
    await dialog(t).locator('summary').focus();
    await t.keyboard.press('Enter');
    await dialog(t).getByLabel('Ask the agency about this change').focus();
    await t.keyboard.type('How did the merger affect caseloads?');
    await dialog(t).getByRole('button', { name: 'Send query' }).focus();
    await t.keyboard.press('Enter');
    await expect.poll(() => dialog(t).locator('details').textContent(), WAIT).toContain('Waiting for the agency');
    await expectAxeClean(t, 'organisational change query, review team');
    await t.keyboard.press('Escape');
    await expect.poll(() => icbGroup(t).textContent(), WAIT).toContain('1 open query');

    // The police author sees the ICB's change but neither its queries nor a way to them.
    const p = (await e2e.signedIn(fx.author.email, TEST_PASSWORD)).page;
    await opened(p);
    await icbGroup(p).getByText('Health visiting teams merged').waitFor();
    expect(await icbGroup(p).getByRole('button').count()).toBe(0);
    expect(await icbGroup(p).textContent()).not.toContain('open query');

    // The ICB author finds it in their list, follows it to the chronology and answers.
    await i.goto(`/reviews/${fx.reviewId}/evidence`);
    await i.getByText('Answer the review team’s query on an organisational change').waitFor();
    await expectAxeClean(i, 'waiting list with an organisational change query');
    await i.getByRole('link', { name: 'Go to the chronology' }).click();
    await icbGroup(i).getByRole('button', { name: 'Queries on the ICB change of 15/01/2026' }).click();
    await dialog(i).getByText('How did the merger affect caseloads?').waitFor();
    await dialog(i).getByLabel('Your answer').fill('Caseloads rose by a third for six months.');
    await dialog(i).getByRole('button', { name: 'Send answer' }).click();
    await expect.poll(() => dialog(i).locator('details').textContent(), WAIT).toContain('Answered, waiting for the review team');
    await expectAxeClean(i, 'organisational change query, agency author');

    // The review-team member resolves it; the badge goes.
    await opened(t);
    await icbGroup(t).getByRole('button', { name: 'Queries on the ICB change of 15/01/2026' }).click();
    await dialog(t).getByText('Caseloads rose by a third for six months.').waitFor();
    await dialog(t).getByRole('button', { name: 'Resolve query' }).click();
    await expect.poll(() => dialog(t).locator('details').textContent(), WAIT).toContain('Resolved');
    await t.keyboard.press('Escape');
    await expect.poll(() => icbGroup(t).textContent(), WAIT).not.toContain('open query');
  }, 240_000);
});
