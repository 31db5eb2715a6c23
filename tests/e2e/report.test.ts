import fs from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { blankPerson, type Person } from '../../shared/people.js';
import { writePerson } from '../../shared/peopleDoc.js';
import { blankTeamFields, writeEntry, writeTeamFields } from '../../shared/chronology/index.js';
import { api } from '../utils/api.js';
import { createReviewWithMembers, TEST_PASSWORD } from '../utils/factories.js';
import { TEST_ADMIN } from '../utils/testServer.js';
import { openDoc, synced, type TestClient } from '../utils/yjsClient.js';
import { describeFocus, expectAxeClean, startE2e, WAIT, type E2e } from './harness.js';

/**
 * The report export end to end (issue 6): a lead reviewer builds the draft in the Report tab (a shared
 * document, saved as it is typed: issue 13), previews it and downloads the Word file through the
 * browser; the leak check's refusal is shown place by place with nothing downloaded; the review team
 * reads the draft live and sees the preview, and others do not see the tab.
 */

let e2e: E2e;
let fx: Awaited<ReturnType<typeof createReviewWithMembers>>;
const clients: TestClient[] = [];
let register: TestClient;
const ENTRY_ID = 'entryREPORTE2E000001';
const mother: Person = { ...blankPerson('p-mum'), name: 'Kerry Thornbury', relationship: 'Mother', reportLabel: 'Mother' };
const INTRO = 'Kerry Thornbury asked that the review hears her voice. The partnership commissioned this review to learn how agencies shared information.';
const INTRO_PSEUDONYMISED = 'Mother asked that the review hears her voice. The partnership commissioned this review to learn how agencies shared information.';

const open = (name: string, cookie: string) => {
  const c = openDoc(e2e.server.url, name, cookie);
  clients.push(c);
  return c;
};
const reportUrl = () => `/reviews/${fx.reviewId}/report`;
/** The Markdown preview as the lead reviewer gets it from the API: shows what the server's pseudonymiser does now. */
const previewMarkdown = async () => (await api(e2e.server.url, 'GET', `/api/reviews/${fx.reviewId}/report/preview`, { cookie: fx.lead.cookie })).body.markdown as string;

/** Polls an async check until it holds (beforeAll cannot use expect.poll); a bound on waiting, not a timing assertion. */
async function eventually(check: () => Promise<boolean>, what: string): Promise<void> {
  const end = Date.now() + WAIT.timeout;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, WAIT.interval));
  }
}

beforeAll(async () => {
  e2e = await startE2e();
  fx = await createReviewWithMembers(e2e.server.url);
  register = open(`review.${fx.reviewId}.people`, fx.lead.cookie);
  const chron = open(`review.${fx.reviewId}.chronology.${fx.agencies[0]!.id}`, fx.author.cookie);
  const team = open(`review.${fx.reviewId}.chronology-team`, fx.lead.cookie);
  await Promise.all([synced(register), synced(chron), synced(team)]);
  writePerson(register.doc, mother);
  writeEntry(chron.doc, fx.agencies[0]!.id, {
    id: ENTRY_ID,
    agencyId: fx.agencies[0]!.id,
    date: { precision: 'day', year: 2021, month: 6, day: 5, uncertainty: 'none' },
    time: null,
    sequence: 0,
    source: 'Police log',
    childContact: 'seen',
    childContactBy: 'PC',
    familyContactIds: ['p-mum'],
    familyContactBy: 'PC',
    keyEvent: 'Kerry called police after an argument at home; the child was seen.',
    comment: '',
    category: 'police-incident',
  });
  writeTeamFields(team.doc, ENTRY_ID, { ...blankTeamFields(), keyLearning: true });
  const ws = await api(e2e.server.url, 'POST', `/api/reviews/${fx.reviewId}/workshops`, { cookie: fx.lead.cookie, body: { date: '2026-12-01' } });
  expect(ws.status).toBe(201);
  // The server has everything once the chronology shows the key event and the preview pseudonymises Kerry.
  await eventually(async () => {
    const res = await api(e2e.server.url, 'GET', `/api/reviews/${fx.reviewId}/chronology`, { cookie: fx.lead.cookie });
    return (res.body.rows ?? []).some((r: { id: string; team: { keyLearning: boolean } }) => r.id === ENTRY_ID && r.team.keyLearning);
  }, 'the key event in the chronology');
  await eventually(async () => (await previewMarkdown()).includes('Mother called police'), 'the register in the preview');
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  await e2e?.close();
});

/** Waits until the server has acknowledged everything the page wrote to the draft as saved. */
async function allSaved(page: Page): Promise<void> {
  await page.getByTestId('sync-status').getByText('Connected. All changes saved.').waitFor(WAIT);
}

/** Waits for the builder to have loaded the draft and its sources. */
async function openBuilder(page: Page): Promise<void> {
  await page.goto(`/reviews/${fx.reviewId}`);
  await page.getByRole('navigation', { name: 'Review sections' }).getByRole('link', { name: 'Report' }).click();
  await page.getByRole('heading', { level: 2, name: 'Report' }).waitFor();
  await page.getByRole('heading', { level: 3, name: 'Introduction' }).waitFor();
  await page.getByText('Drafted from the 1 key practice learning event').waitFor();
}

describe('report builder, preview and download', () => {
  it('a lead reviewer writes the report, links a theme, learning point and recommendation, previews it and downloads the .docx', async () => {
    const { page } = await e2e.signedIn(TEST_ADMIN.email, TEST_ADMIN.password);
    await openBuilder(page);
    await expectAxeClean(page, 'report builder');

    // Guidance is shown in italics with a toggle that removes it from the report.
    await expect.poll(() => page.locator('#report-introduction-heading ~ .report-guidance em').textContent()).toMatch(/Why the review was commissioned/);
    const removeIntroGuidance = page.getByRole('button', { name: 'Remove this guidance from Introduction' });
    await expect.poll(() => removeIntroGuidance.getAttribute('aria-pressed')).toBe('false');
    await removeIntroGuidance.click();
    await expect.poll(() => removeIntroGuidance.getAttribute('aria-pressed')).toBe('true');

    await page.getByRole('textbox', { name: 'Introduction', exact: true }).fill(INTRO);
    await allSaved(page);

    // The executive summary counts its words against the two-page limit and says in words when it is over.
    const execSummary = page.getByRole('textbox', { name: 'Executive summary', exact: true });
    const length = page.getByTestId('summary-length');
    await execSummary.fill(Array.from({ length: 1001 }, (_, i) => `word${i}`).join(' '));
    await expect.poll(() => length.innerText()).toContain('Warning: 1,001 words, more than two pages');
    await execSummary.fill('Child T was seen.');
    await expect.poll(() => length.innerText()).toBe('4 words of about 1,000 (two pages).');

    // Nothing waits for a Save button: leaving and coming back finds the text as typed, with no question asked.
    let asked = 0;
    page.on('dialog', (d) => {
      asked += 1;
      void d.dismiss();
    });
    await page.getByRole('navigation', { name: 'Review sections' }).getByRole('link', { name: 'Overview' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/reviews/${fx.reviewId}/overview`);
    await page.getByRole('navigation', { name: 'Review sections' }).getByRole('link', { name: 'Report' }).click();
    await expect.poll(() => page.getByRole('textbox', { name: 'Introduction', exact: true }).inputValue(), WAIT).toBe(INTRO);
    expect(asked).toBe(0);
    expect(await page.getByRole('button', { name: 'Save draft' }).count()).toBe(0);

    // Key lines of enquiry reorder with buttons; focus follows the moved item and the move is announced.
    await page.getByRole('button', { name: 'Add a key line of enquiry' }).click();
    await page.keyboard.type('Was information shared?');
    await page.getByRole('button', { name: 'Add a key line of enquiry' }).click();
    await expect.poll(() => describeFocus(page)).toBe('INPUT|text|Key line of enquiry 2');
    await page.keyboard.type('Was the child seen and heard?');
    await page.getByRole('button', { name: 'Move up key line of enquiry 2' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Key line of enquiry 2 moved to position 1 of 2.' }).waitFor();
    await expect.poll(() => describeFocus(page)).toBe('BUTTON|button|Move down key line of enquiry 1');
    expect(await page.getByRole('textbox', { name: 'Key line of enquiry 1' }).inputValue()).toBe('Was the child seen and heard?');
    expect(await page.getByRole('textbox', { name: 'Key line of enquiry 2' }).inputValue()).toBe('Was information shared?');

    // A theme: focus goes to its title; checking the draft without one names the field in the error summary.
    await page.getByRole('button', { name: 'Add a theme' }).click();
    await expect.poll(() => describeFocus(page)).toBe('INPUT|text|Theme 1 title');
    await page.getByRole('button', { name: 'Check the draft' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.getByRole('link', { name: 'Enter a title for theme 1' }).click();
    await expect.poll(() => describeFocus(page)).toBe('INPUT|text|Theme 1 title');
    await page.getByRole('textbox', { name: 'Theme 1 title' }).fill('Information sharing between agencies');
    await page
      .getByRole('group', { name: 'Key events for theme 1' })
      .getByRole('checkbox', { name: /05\/06\/2021 \(POL\): Kerry called police/ })
      .check();
    await page
      .getByRole('group', { name: 'Workshop prompts for theme 1' })
      .getByRole('checkbox', { name: /^Worksheet 1, question 1:/ })
      .check();
    await page.getByRole('textbox', { name: 'Theme 1 analysis' }).fill('Each agency held part of the picture.');

    await page.getByRole('textbox', { name: 'Good practice', exact: true }).fill('Police and health held a <b>joint</b> visit.');

    // A learning point, linked to the theme.
    await page.getByRole('button', { name: 'Add a learning point' }).click();
    await page.getByRole('textbox', { name: 'Learning point 1' }).fill('Concerns were not shared early enough between police and health.');
    const lpTheme = page.getByRole('combobox', { name: 'Theme for learning point 1' });
    await lpTheme.selectOption({ label: 'Theme 1: Information sharing between agencies' });

    // A recommendation linked to it, addressed to an organisation, with its measure.
    await page.getByRole('button', { name: 'Add a recommendation' }).click();
    await page.getByRole('textbox', { name: 'Recommendation 1', exact: true }).fill('Agree a shared route for police and health to raise early concerns.');
    await page.getByRole('textbox', { name: 'Organisation recommendation 1 is addressed to' }).fill('Northby Safeguarding Children Partnership');
    await page.getByRole('textbox', { name: 'How the effectiveness of recommendation 1 will be measured' }).fill('A multi-agency audit of 20 cases after six months.');
    await page
      .getByRole('group', { name: 'Learning points recommendation 1 answers' })
      .getByRole('checkbox', { name: /^Learning Point 1: Concerns were not shared/ })
      .check();

    // An action plan row, with the RAG rating said in words.
    await page.getByRole('button', { name: 'Add an action plan row' }).click();
    const rag = page.getByRole('combobox', { name: 'RAG rating' });
    expect(await rag.locator('option').allTextContents()).toEqual(['Not started', 'Red', 'Amber', 'Green']);
    await rag.selectOption({ label: 'Amber' });
    await page.getByRole('textbox', { name: 'Agreed actions' }).fill('Write and launch the escalation route.');

    // Every field's id is unique, so each label and error link reaches its own field.
    expect(
      await page.evaluate(() => {
        const ids = [...document.querySelectorAll('[id]')].map((el) => el.id);
        return ids.filter((id, i) => ids.indexOf(id) !== i);
      }),
    ).toEqual([]);
    await expectAxeClean(page, 'report builder with items');

    await page.getByRole('button', { name: 'Check the draft' }).click();
    await page.getByRole('status').filter({ hasText: 'The draft has no problems.' }).waitFor();
    expect(await page.getByRole('heading', { name: 'There is a problem' }).count()).toBe(0);
    await allSaved(page);

    const storedDraft = async () => (await api(e2e.server.url, 'GET', `/api/reviews/${fx.reviewId}/report/draft`, { cookie: fx.lead.cookie })).body.draft;
    await expect.poll(async () => (await storedDraft()).actionPlan[0]?.actions, WAIT).toBe('Write and launch the escalation route.');
    const stored = await storedDraft();
    expect(stored.introduction).toBe(INTRO);
    expect(stored.removedPrompts).toEqual(['introduction']);
    expect(stored.keyLinesOfEnquiry).toEqual(['Was the child seen and heard?', 'Was information shared?']);
    // New items' ids carry a random part, so two co-authors adding at once never share one.
    const [themeId, lpId, recId] = [stored.themes[0]?.id, stored.learningPoints[0]?.id, stored.recommendations[0]?.id];
    expect([themeId, lpId, recId]).toEqual([
      expect.stringMatching(/^theme-1-[a-z0-9]{6}$/),
      expect.stringMatching(/^lp-1-[a-z0-9]{6}$/),
      expect.stringMatching(/^rec-1-[a-z0-9]{6}$/),
    ]);
    expect(stored.themes).toEqual([
      { id: themeId, title: 'Information sharing between agencies', analysis: 'Each agency held part of the picture.', entryIds: [ENTRY_ID], promptIds: ['w1-1'] },
    ]);
    expect(stored.learningPoints).toEqual([{ id: lpId, text: 'Concerns were not shared early enough between police and health.', themeId }]);
    expect(stored.recommendations).toEqual([
      {
        id: recId,
        text: 'Agree a shared route for police and health to raise early concerns.',
        organisation: 'Northby Safeguarding Children Partnership',
        measure: 'A multi-agency audit of 20 cases after six months.',
        learningPointIds: [lpId],
      },
    ]);
    expect(stored.actionPlan).toMatchObject([{ recommendationId: recId, rag: 'amber', actions: 'Write and launch the escalation route.' }]);

    // The preview: the blocks the Word file holds, pseudonymised, as HTML.
    await page.getByRole('link', { name: 'Preview and download' }).click();
    await page.getByRole('heading', { level: 3, name: 'Preview' }).waitFor();
    const doc = page.getByRole('article', { name: 'Preview of the draft report' });
    await doc.getByText(INTRO_PSEUDONYMISED).waitFor();
    expect(await doc.textContent()).not.toMatch(/Kerry|Thornbury/);
    await doc.getByRole('heading', { level: 5, name: 'Information sharing between agencies' }).waitFor();
    await doc.getByText('Learning Point 1:', { exact: true }).waitFor();
    await doc.getByText('Recommendation 1: Agree a shared route for police and health to raise early concerns.').waitFor();
    await doc.getByText('05/06/2021 (POL): Mother called police after an argument at home; the child was seen.').first().waitFor();
    expect(await doc.getByText(/Why the review was commissioned/).count()).toBe(0);
    await doc.getByText(/An executive summary of no more than two A4 pages/).waitFor();
    await doc.getByRole('cell', { name: /\(AMBER\)/ }).waitFor();
    // Case text that looks like markup is shown as text, never read as HTML.
    await doc.getByText('Police and health held a <b>joint</b> visit.').waitFor();
    expect(await doc.locator('b').count()).toBe(0);
    await expectAxeClean(page, 'report preview');

    // The download: a real .docx through the browser, holding the pseudonymised introduction.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download .docx (Word)' }).click()]);
    expect(download.suggestedFilename()).toBe('draft-report.docx');
    const bytes = new Uint8Array(fs.readFileSync(await download.path()));
    const files = unzipSync(bytes);
    const body = strFromU8(files['word/document.xml']!).replace(/<[^>]+>/g, '');
    expect(body).toContain(INTRO_PSEUDONYMISED);
    expect(body).toContain('Information sharing between agencies');
    expect(body).not.toMatch(/Kerry|Thornbury/);
    await page.getByRole('status').filter({ hasText: 'The leak check passed. draft-report.docx was downloaded.' }).waitFor();
  }, 300_000);

  it('shows where the leak check refused an export, and that nothing was downloaded', async () => {
    // A report label that is the person's own name defeats the pseudonymiser; the leak check must catch it.
    writePerson(register.doc, { ...mother, reportLabel: 'Kerry' });
    try {
      await expect.poll(previewMarkdown, WAIT).toContain('Kerry called police');
      const { page } = await e2e.signedIn(TEST_ADMIN.email, TEST_ADMIN.password);
      let downloads = 0;
      page.on('download', () => {
        downloads += 1;
      });
      await page.goto(`${reportUrl()}?view=preview`);
      await page.getByRole('heading', { level: 3, name: 'Preview' }).waitFor();
      await page.getByRole('button', { name: 'Download .docx (Word)' }).click();
      const refusal = page.getByRole('alert').filter({ hasText: 'Nothing was downloaded' });
      await refusal.getByText('Nothing was downloaded: the leak check refused the Word file').waitFor();
      const rows = refusal.getByRole('table').getByRole('row');
      expect(await rows.first().getByRole('columnheader').allTextContents()).toEqual(['Place', 'Problem']);
      expect(await rows.count()).toBeGreaterThan(1);
      expect(await refusal.getByRole('cell', { name: /^word\/document\.xml paragraph \d+$/ }).count()).toBeGreaterThan(0);
      expect(await refusal.getByRole('cell', { name: /a real .* from the people register/ }).count()).toBeGreaterThan(0);
      // The refusal names places and kinds of problem, never the leaked text.
      expect(await refusal.textContent()).not.toContain('Kerry');
      await expectAxeClean(page, 'report export refusal');

      await page.getByRole('button', { name: 'Download .md (Markdown)' }).click();
      await refusal.getByText('Nothing was downloaded: the leak check refused the Markdown file').waitFor();
      expect(downloads).toBe(0);
    } finally {
      writePerson(register.doc, mother);
      await expect.poll(previewMarkdown, WAIT).toContain('Mother called police');
    }
  });

  it('shows the review team the draft read-only and the preview, and hides the tab from everyone else', async () => {
    const { page } = await e2e.signedIn(fx.team.email, TEST_PASSWORD);
    await page.goto(`/reviews/${fx.reviewId}`);
    await page.getByRole('navigation', { name: 'Review sections' }).getByRole('link', { name: 'Report' }).click();
    const intro = page.getByRole('textbox', { name: 'Introduction', exact: true });
    await expect.poll(() => intro.inputValue(), WAIT).toBe(INTRO);
    expect(await intro.isEditable()).toBe(false);
    // Read only, not disabled: the reader can focus the text, select it and copy it, but not change it.
    expect(await intro.getAttribute('readonly')).not.toBeNull();
    expect(await intro.isDisabled()).toBe(false);
    await intro.focus();
    expect(await intro.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Control+A');
    expect(await intro.evaluate((el) => [(el as HTMLTextAreaElement).selectionStart, (el as HTMLTextAreaElement).selectionEnd])).toEqual([0, INTRO.length]);
    await page.keyboard.type('x');
    expect(await intro.inputValue()).toBe(INTRO);
    await page.getByTestId('sync-status').getByText('Connected. Showing the latest version.').waitFor(WAIT);
    expect(await page.getByRole('button', { name: 'Check the draft' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Add a theme' }).isEnabled()).toBe(false);
    await expectAxeClean(page, 'report draft, read-only');
    await page.getByRole('link', { name: 'Preview', exact: true }).click();
    await page.getByRole('heading', { level: 3, name: 'Preview' }).waitFor();
    await page.getByRole('article', { name: 'Preview of the draft report' }).getByText(INTRO_PSEUDONYMISED).waitFor();
    expect(await page.getByRole('button', { name: /Download/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Save draft' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Build the report' }).count()).toBe(0);

    for (const who of [fx.author, fx.observer]) {
      const other = await e2e.signedIn(who.email, TEST_PASSWORD);
      await other.page.goto(`/reviews/${fx.reviewId}`);
      const nav = other.page.getByRole('navigation', { name: 'Review sections' });
      await nav.getByRole('link', { name: 'Overview' }).waitFor();
      expect(await nav.getByRole('link', { name: 'Report' }).count()).toBe(0);
      await other.page.goto(reportUrl());
      await other.page.getByText('The report is not available to you').waitFor();
      expect(await other.page.getByRole('article').count()).toBe(0);
    }
  }, 180_000);

  it('adds the workshop\u2019s draft learning points to the list, once, pseudonymised in the report', async () => {
    const ws = (await api(e2e.server.url, 'GET', `/api/reviews/${fx.reviewId}/workshops`, { cookie: fx.lead.cookie })).body.workshops[0];
    const outcome = { ...ws.outcome, learningPoints: { other: 'Ask Kerry who lives in the home.\n\nShare concerns with health the same day.' } };
    expect(
      (await api(e2e.server.url, 'PUT', `/api/reviews/${fx.reviewId}/workshops/${ws.id}/outcome`, { cookie: fx.lead.cookie, body: { baseVersion: ws.outcomeVersion, outcome } }))
        .status,
    ).toBe(200);

    const { page } = await e2e.signedIn(TEST_ADMIN.email, TEST_ADMIN.password);
    await openBuilder(page);
    const add = page.getByRole('button', { name: 'Add the workshop\u2019s draft learning points' });
    await add.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: '2 learning points added from the workshop.' }).waitFor();
    // Focus goes to the first one added, after the learning point already in the draft.
    await expect.poll(() => describeFocus(page)).toBe('TEXTAREA|textarea|Learning point 2');
    expect(await page.getByRole('textbox', { name: 'Learning point 3' }).inputValue()).toBe('Share concerns with health the same day.');
    expect(await page.getByRole('combobox', { name: 'Theme for learning point 2' }).inputValue()).toBe('');
    await add.click();
    await page.getByRole('status').filter({ hasText: 'The workshop\u2019s draft learning points are already in the list.' }).waitFor();
    expect(await page.getByRole('textbox', { name: 'Learning point 4' }).count()).toBe(0);
    await expectAxeClean(page, 'report builder with the workshop\u2019s learning points');

    await allSaved(page);
    const stored = (await api(e2e.server.url, 'GET', `/api/reviews/${fx.reviewId}/report/draft`, { cookie: fx.lead.cookie })).body.draft;
    expect(stored.learningPoints.map((lp: { text: string }) => lp.text)).toEqual([
      'Concerns were not shared early enough between police and health.',
      'Ask Kerry who lives in the home.',
      'Share concerns with health the same day.',
    ]);
    const md = await previewMarkdown();
    expect(md).toContain('Learning Point 2: Ask Mother who lives in the home.');
    expect(md).not.toMatch(/Kerry|Thornbury/);
  }, 180_000);
});
