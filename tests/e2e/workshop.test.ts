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
import { TEST_ADMIN } from '../utils/testServer.js';
import { openDoc, synced, type TestClient } from '../utils/yjsClient.js';
import { WAIT, expectAxeClean, focusVisible, startE2e, tabTo, type E2e } from './harness.js';

/**
 * The Reflective Learning Workshop end to end: the lead reviewer sets up, publishes and runs a short
 * workshop in the Workshop tab; three practitioners (one on a phone) join from their personal
 * invitation links without signing in (each browser gets a blind-signed pass), accept the
 * confidentiality statement and answer worksheets 1 to 4 while their screens follow the facilitator
 * live, including across a dropped connection. The facilitator sees coarse live counts and answers
 * only in releases, hides a response, closes the workshop, and only then reads a private request;
 * the participants' browsers then hold nothing about the workshop. axe finds no violation on either side.
 */

let e2e: E2e;
let fx: Awaited<ReturnType<typeof createReviewWithMembers>>;
const docs: TestClient[] = [];
const extraContexts: BrowserContext[] = [];

beforeAll(async () => {
  // Live counts change at most every 30 s in production; here every 200 ms, so the test need not wait.
  e2e = await startE2e({}, { workshopCountsIntervalMs: 200 });
  fx = await createReviewWithMembers(e2e.server.url);
  // The register and one agency's chronology: phase 1 holds a row that names the mother, which
  // participants must see pseudonymised.
  const people = openDoc(e2e.server.url, `review.${fx.reviewId}.people`, fx.lead.cookie);
  const chron = openDoc(e2e.server.url, `review.${fx.reviewId}.chronology.${fx.agencies[0]!.id}`, fx.author.cookie);
  docs.push(people, chron);
  await Promise.all([synced(people), synced(chron)]);
  writePerson(people.doc, { ...blankPerson('p-mum'), name: 'Kerry Thornbury', relationship: 'Mother', reportLabel: 'Mother' });
  const day = (year: number, month: number, d: number) => ({ precision: 'day' as const, year, month, day: d, uncertainty: 'none' as const });
  writeEntry(chron.doc, fx.agencies[0]!.id, { ...blankEntry(newId(), fx.agencies[0]!.id, day(2019, 8, 2)), keyEvent: 'Second call-out to the family home' });
  writeEntry(chron.doc, fx.agencies[0]!.id, { ...blankEntry(newId(), fx.agencies[0]!.id, day(2019, 3, 14)), keyEvent: 'Kerry Thornbury called police about a neighbour' });
  writeEntry(chron.doc, fx.agencies[0]!.id, { ...blankEntry(newId(), fx.agencies[0]!.id, day(2021, 5, 1)), keyEvent: 'Later event outside phase 1' });
  // The server has the rows once its integrated chronology lists them (a bounded wait, not a timing assertion).
  for (let tries = 0; ; tries++) {
    const rows = (await api(e2e.server.url, 'GET', `/api/reviews/${fx.reviewId}/chronology`, { cookie: fx.lead.cookie })).body?.rows;
    if (rows?.length === 3) break;
    if (tries > 400) throw new Error(`chronology rows never reached the server: ${JSON.stringify(rows)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
});
afterAll(async () => {
  for (const d of docs) d.destroy();
  for (const c of extraContexts) await c.close().catch(() => undefined);
  await e2e?.close();
});

/** The answer box, send button and status of one question on a participant's screen. */
function prompt(page: Page, label: string) {
  const region = page.getByRole('region', { name: label, exact: true });
  return {
    region,
    box: region.getByLabel(`Your answer to ${label}`, { exact: true }),
    send: region.getByRole('button', { name: new RegExp(`^(Send answer|Save changes) to ${label}$`) }),
    withdraw: region.getByRole('button', { name: `Withdraw answer to ${label}`, exact: true }),
    status: region.getByRole('status'),
  };
}

/** Answers a question and waits for the server's acknowledgement to show. */
async function answer(page: Page, label: string, text: string): Promise<void> {
  const p = prompt(page, label);
  await p.box.fill(text);
  await p.send.click();
  await p.status.getByText(/Your answer was received and saved\.|Your changes were saved\./).waitFor();
}

/** Selects a tab of the facilitator's workshop page (ARIA tabs). */
async function showTab(page: Page, name: string): Promise<void> {
  const tab = page.getByRole('tablist', { name: 'Workshop' }).getByRole('tab', { name, exact: true });
  await tab.click();
  await expect.poll(() => tab.getAttribute('aria-selected'), WAIT).toBe('true');
}

/** True when the page scrolls sideways (content wider than the viewport: WCAG 1.4.10 reflow). */
function overflowsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
}

// Generous per-test time: each step drives several browsers, and the test machine may be shared.
describe('a short Reflective Learning Workshop', { timeout: 240_000 }, () => {
  let lead: Page;
  let people: Page[] = [];
  let phone: Page;
  let joinUrl = '';
  let code = '';
  let links: string[] = [];
  let workshopId = '';

  it('lets the lead reviewer create and set up a workshop, prefilled from Documents 18 and 18a', async () => {
    ({ page: lead } = await e2e.signedIn(fx.lead.email, TEST_ADMIN.password));
    await lead.goto(`/reviews/${fx.reviewId}/workshop`);
    await lead.getByRole('heading', { level: 2, name: 'Workshop' }).waitFor();
    await lead.getByRole('navigation', { name: 'Review sections' }).getByRole('link', { name: 'Workshop' }).waitFor();

    await lead.getByLabel('Date of the workshop').fill('31/11/2026');
    await lead.getByRole('button', { name: 'Create workshop' }).click();
    await lead
      .getByRole('alert')
      .getByRole('link', { name: /Enter the date of the workshop/ })
      .waitFor();
    await lead.getByLabel('Date of the workshop').fill('01/12/2026');
    await lead.getByRole('button', { name: 'Create workshop' }).click();
    await lead.getByRole('heading', { level: 3, name: 'Workshop on 01/12/2026 at 10:00' }).waitFor();
    expect(await lead.getByTestId('workshop-stage').innerText()).toBe('Draft: not published yet');

    // Prefilled: the agenda of Document 18 with times and leads, and the worksheet questions of 18a.
    const item2 = lead.getByRole('group', { name: 'Agenda item 2', exact: true });
    expect(await item2.getByLabel('Time').inputValue()).toBe('10:00');
    expect(await item2.getByLabel('Item').inputValue()).toBe('Welcome and introductions');
    expect(await item2.getByLabel('Lead').inputValue()).toBe('Lead reviewer');
    expect(await lead.getByLabel('Worksheet 1, question 1', { exact: true }).inputValue()).toBe('What was your role in this case?');
    expect(await lead.getByLabel('Anonymity threshold (k)').inputValue()).toBe('3');
    await expectAxeClean(lead, 'facilitator set-up');

    // Phases as titled DD/MM/YYYY ranges, a numbered lesson; focus moves to each new row.
    await lead.getByRole('button', { name: 'Add a phase' }).click();
    const phase1 = lead.getByRole('group', { name: 'Phase 1', exact: true });
    await expect.poll(() => phase1.getByLabel('Title').evaluate((el) => el === document.activeElement), WAIT).toBe(true);
    await phase1.getByLabel('Title').fill('Pregnancy and birth');
    await phase1.getByLabel('First day').fill('01/01/2019');
    await phase1.getByLabel('Last day').fill('31/12/2019');
    await lead.getByRole('button', { name: 'Add a phase' }).click();
    const phase2 = lead.getByRole('group', { name: 'Phase 2', exact: true });
    await phase2.getByLabel('Title').fill('Early years');
    await phase2.getByLabel('First day').fill('01/01/2020');
    await phase2.getByLabel('Last day').fill('01/06/2019');
    await lead.getByRole('button', { name: 'Add a proposed lesson' }).click();
    await lead.getByLabel('Proposed lesson 1', { exact: true }).fill('Fathers and partners were invisible to services.');

    // k below 3 and a phase that ends before it starts are refused, each linked to its field.
    await lead.getByLabel('Anonymity threshold (k)').fill('2');
    await lead.getByRole('button', { name: 'Save the set-up' }).click();
    const summary = lead.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.getByRole('link', { name: 'Phase 2: the last day must be on or after the first day' }).waitFor();
    await summary.getByRole('link', { name: 'Anonymity threshold: enter a whole number from 3 to 50' }).waitFor();
    await phase2.getByLabel('Last day').fill('31/12/2022');
    await lead.getByLabel('Anonymity threshold (k)').fill('3');
    await lead.getByRole('button', { name: 'Save the set-up' }).click();
    await lead.getByText('Set-up saved.').waitFor();

    const list = await api(e2e.server.url, 'GET', `/api/reviews/${fx.reviewId}/workshops`, { cookie: fx.lead.cookie });
    const saved = list.body.workshops[0];
    workshopId = saved.id;
    expect(saved.setup.phases.map((p: { title: string; start: string; end: string }) => [p.title, p.start, p.end])).toEqual([
      ['Pregnancy and birth', '2019-01-01', '2019-12-31'],
      ['Early years', '2020-01-01', '2022-12-31'],
    ]);
    expect(saved.setup.lessons).toHaveLength(1);
    expect(saved.setup.k).toBe(3);
  });

  it('publishes, and shows the join link and the short code to share', async () => {
    await showTab(lead, 'Run the meeting');
    await lead.getByRole('button', { name: 'Publish the workshop' }).click();
    await lead.getByText('Published. Share the link and code with practitioners.').waitFor();
    // Focus did not fall to the page when the Publish button went away.
    expect(await lead.evaluate(() => document.activeElement?.id)).toBe('console-heading');
    await showTab(lead, 'Invitations');
    joinUrl = await lead.getByLabel('Join link').inputValue();
    expect(joinUrl).toBe(`${e2e.server.url}/join/${workshopId}`);
    code = (await lead.getByTestId('join-code').innerText()).trim();
    expect(code).toMatch(/^[A-Z2-9]{6}$/);
    // Code joining is off until the lead reviewer turns it on.
    expect(await lead.getByLabel('Allow joining with the workshop code alone (lower assurance)').isChecked()).toBe(false);
    // One personal link per practitioner, shown once.
    await lead.getByLabel('Practitioners to invite').fill('Health visitor\nPolice officer\nSchool nurse');
    await lead.getByRole('button', { name: 'Make invitation links' }).click();
    await lead.getByText('3 invitation links made. Copy them now: they are shown only once.').waitFor();
    links = await Promise.all(['Health visitor', 'Police officer', 'School nurse'].map((n) => lead.getByLabel(`Link for ${n}`).inputValue()));
    for (const l of links) expect(l).toMatch(new RegExp(`^${e2e.server.url}/join/${workshopId}#invitation=[A-Za-z0-9_-]{43}$`));
    await lead.getByTestId('invitations-used').getByText('0 of 3 invitation links used.').waitFor();
    await expectAxeClean(lead, 'facilitator invitations');
  });

  it('lets three practitioners join from their invitations, without signing in, after the confidentiality statement', async () => {
    const a = await e2e.open();
    const b = await e2e.open();
    const phoneCtx = await newContext(e2e.browser, e2e.server.url, { width: 390, height: 844 });
    extraContexts.push(phoneCtx);
    phone = await phoneCtx.newPage();
    people = [a.page, b.page, phone];

    // Without an invitation, the code alone is a labelled lower-assurance mode; a wrong code is refused
    // with a clear message, linked to the field, and the right one is refused while code joining is off.
    await a.page.goto(joinUrl);
    await a.page.getByRole('heading', { level: 1, name: 'Join the Reflective Learning Workshop' }).waitFor();
    await a.page.getByRole('heading', { level: 2, name: 'Join with the workshop code only (lower assurance)' }).waitFor();
    await a.page.getByLabel('Workshop code').fill(code === 'AAAAAA' ? 'BBBBBB' : 'AAAAAA');
    await a.page.getByRole('button', { name: 'Join with the code' }).click();
    await a.page
      .getByRole('alert')
      .getByRole('link', { name: /That workshop link or code is not right/ })
      .waitFor();
    // The phone participant types the code in lower case with a space, and presses Enter.
    await phone.goto(joinUrl);
    const field = phone.getByLabel('Workshop code');
    await field.waitFor();
    await expectAxeClean(phone, 'participant code form (phone)');
    await field.fill(`${code.slice(0, 3).toLowerCase()} ${code.slice(3).toLowerCase()}`);
    await field.press('Enter');
    await phone
      .getByRole('alert')
      .getByRole('link', { name: /Joining with the code alone is switched off/ })
      .waitFor();

    for (const [i, page] of people.entries()) {
      // Each opens their own invitation (in a fresh page load, as from an email): the browser gets its
      // pass, and the secret leaves the address bar.
      await page.goto('about:blank');
      await page.goto(links[i]!);
      await page.getByRole('heading', { level: 2, name: 'Confidentiality statement' }).waitFor();
      expect(page.url()).not.toContain('invitation=');
      await page.getByText(/remains highly confidential/).waitFor();
      await page.getByText(/The panel will not see who has shared what/).waitFor();
      // Nothing about the case is shown before accepting.
      expect(await page.getByRole('region', { name: /Worksheet 1/ }).count()).toBe(0);
      if (page === phone) {
        await expectAxeClean(phone, 'participant confidentiality statement (phone)');
        expect(await overflowsSideways(phone)).toBe(false);
      }
      await page.getByRole('button', { name: 'I accept the confidentiality statement' }).click();
      await page.getByRole('heading', { level: 1, name: 'Reflective Learning Workshop: Child T' }).waitFor();
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
      await page.getByText('The meeting has not started yet').waitFor();
      await page.getByText('Connected: this screen follows the lead reviewer.').waitFor();
      await page
        .getByTestId('join-mode')
        .getByText(/You joined with your anonymous pass/)
        .waitFor();
    }
    await lead.getByRole('button', { name: 'Refresh status' }).click();
    await lead.getByTestId('invitations-used').getByText('3 of 3 invitation links used.').waitFor();
    // No session: the participant pages hold no sign-in cookie and show no account.
    expect((await a.ctx.cookies()).length).toBe(0);
    expect(await a.page.getByText('Signed in as').count()).toBe(0);
  });

  it('collects worksheet 1 before the meeting, with edits and withdrawals by receipt, and live counts', async () => {
    const [a, b] = people as [Page, Page, Page];
    await answer(a, 'Worksheet 1, question 1', 'Health visitor for the family');
    await answer(b, 'Worksheet 1, question 1', 'Police officer on the first call-out');
    await answer(phone, 'Worksheet 1, question 1', 'School nurse');
    // An edit replaces the answer (same receipt): the count stays at three.
    const a1 = prompt(a, 'Worksheet 1, question 1');
    await a1.box.fill('Health visitor for the family, 2019 to 2020');
    await a1.send.click();
    await a1.status.getByText('Your changes were saved.').waitFor();
    // A withdrawal removes it; focus returns to the emptied box.
    await answer(b, 'Worksheet 1, question 2', 'Housing was the key issue');
    const b2 = prompt(b, 'Worksheet 1, question 2');
    await b2.withdraw.click();
    await b2.status.getByText('Your answer was withdrawn. It is no longer stored.').waitFor();
    expect(await b2.box.inputValue()).toBe('');
    expect(await b2.box.evaluate((el) => el === document.activeElement)).toBe(true);

    // The pass and the answers stay in the browser until the workshop closes.
    const kept = await a.evaluate((id) => JSON.parse(localStorage.getItem(`rr.workshop.answers.${id}`) ?? '{}'), workshopId);
    expect(kept.answers['w1-1'].confirmed).toBe(true);
    expect(await a.evaluate((id) => localStorage.getItem(`rr.workshop.token.${id}`), workshopId)).toMatch(/"signature"/);

    // The facilitator's counts are coarse; the answers are not shown before a release.
    await showTab(lead, 'Answers');
    await expect.poll(() => lead.getByTestId('count-w1-1').innerText(), WAIT).toBe('at least 3');
    await expect.poll(() => lead.getByTestId('count-w1-2').innerText(), WAIT).toBe('fewer than 3');
    await lead
      .getByTestId('results-w1-1')
      .getByText(/^Not released yet/)
      .waitFor();
    await expectAxeClean(phone, 'participant worksheet 1 (phone)');
    expect(await overflowsSideways(phone)).toBe(false);
    await phone.setViewportSize({ width: 320, height: 844 });
    expect(await overflowsSideways(phone)).toBe(false);
    await phone.setViewportSize({ width: 390, height: 844 });
  });

  it('starts the meeting: participants follow the current item, and the facilitator has a timer', async () => {
    await showTab(lead, 'Run the meeting');
    await lead.getByRole('button', { name: 'Start meeting' }).click();
    await lead.getByText('The meeting has started.').waitFor();
    await lead
      .getByTestId('item-timer')
      .getByText(/^Time on this item: (less than a minute|1 minute)$/)
      .waitFor();
    for (const page of people) {
      await page.locator('.ws-current').getByText('09:45 Registration').waitFor();
      // Worksheet 1 closed with the start of the meeting.
      await page.getByText('No questions are open at the moment.', { exact: false }).waitFor();
    }
    await lead.getByRole('button', { name: 'Next item' }).click();
    for (const page of people) {
      await page.locator('.ws-current').getByText('10:00 Welcome and introductions').waitFor();
      await page.getByText('Now: Welcome and introductions.').waitFor();
    }
    await lead.getByRole('button', { name: 'Previous item' }).waitFor();
    await expectAxeClean(lead, 'facilitator console, live');
  });

  it('shares phase 1 pseudonymised in date order with agency codes, and worksheet 2 beside it', async () => {
    await lead.getByRole('button', { name: 'Share phase 1: Pregnancy and birth' }).click();
    for (const page of people) {
      await page.getByRole('heading', { level: 2, name: 'Phase 1: Pregnancy and birth' }).waitFor();
      const rows = page.locator('.ws-phase-row');
      await expect.poll(() => rows.count(), WAIT).toBe(2);
      expect(await rows.nth(0).innerText()).toMatch(/14\/03\/2019\s+POL\s+Test Police\s+Mother called police about a neighbour/);
      expect(await rows.nth(1).innerText()).toMatch(/02\/08\/2019\s+POL/);
      expect(await page.locator('main').innerText()).not.toContain('Kerry');
      expect(await page.locator('main').innerText()).not.toContain('Later event outside phase 1');
      // The banner follows what is shared, with the agenda item beside it.
      await page.getByTestId('now-banner').getByText('Now: Phase 1: Pregnancy and birth (agenda: 10:00 Welcome and introductions)').waitFor();
    }
    await expectAxeClean(phone, 'participant shared phase (phone)');
    expect(await overflowsSideways(phone)).toBe(false);
    await answer(people[0]!, 'Phase 1: Pregnancy and birth', 'The second call-out was not shared with health.');
    await answer(people[1]!, 'Phase 1: Pregnancy and birth', 'We did not know about the new partner.');
    await answer(phone, 'Phase 1: Pregnancy and birth', 'School was not told.');
  });

  it('brings screens back to the current state after their connections drop', async () => {
    // Cut every participant's connection on the server side and hold their reconnections at the door
    // until the facilitator has moved on, so only a re-join can bring them up to date.
    const hub = e2e.server.deps.hub;
    let open!: () => void;
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    hub.ns.use((_socket, next) => {
      void gate.then(() => next());
    });
    for (const s of hub.ns.sockets.values()) s.conn.close();
    for (const page of people) await page.getByText('Connection lost. Reconnecting… Your answers so far are safe.').waitFor();
    await lead.getByRole('button', { name: 'Share phase 2: Early years' }).click();
    await lead.getByTestId('workshop-showing').getByText('Phase 2: Early years.').waitFor();
    for (const page of people) expect(await page.getByRole('heading', { level: 2, name: 'Phase 1: Pregnancy and birth' }).count()).toBe(1);
    open();
    for (const page of people) {
      await page.getByRole('heading', { level: 2, name: 'Phase 2: Early years' }).waitFor();
      await page.getByText('Connected: this screen follows the lead reviewer.').waitFor();
      await page
        .getByTestId('join-mode')
        .getByText(/You joined with your anonymous pass/)
        .waitFor();
    }
    await showTab(lead, 'Invitations');
    await lead.getByRole('button', { name: 'Refresh status' }).click();
    await lead.getByTestId('invitations-used').getByText('3 of 3 invitation links used.').waitFor();
    await showTab(lead, 'Run the meeting');
    // A reload of the tab returns to the workshop without the code or the statement again.
    await phone.reload();
    await phone.getByRole('heading', { level: 2, name: 'Phase 2: Early years' }).waitFor();
    // The current phase's question comes first; phase 1's stays open, folded under "Earlier worksheets",
    // and this browser still holds the answer to edit.
    await phone.getByTestId('current-worksheet').getByRole('region', { name: 'Phase 2: Early years', exact: true }).waitFor();
    expect(await prompt(phone, 'Phase 1: Pregnancy and birth').region.count()).toBe(0);
    await phone.getByText('Earlier worksheets (1 question still open)').click();
    expect(await prompt(phone, 'Phase 1: Pregnancy and birth').box.inputValue()).toBe('School was not told.');
    await expectAxeClean(phone, 'participant earlier worksheets open (phone)');
  });

  it('shares the lessons with worksheet 3, then opens feedback with worksheet 4 and a private request', async () => {
    await lead.getByRole('button', { name: 'Share lessons' }).click();
    for (const page of people) {
      await page.getByRole('heading', { level: 2, name: 'Proposed lessons' }).waitFor();
      await page.getByRole('listitem').filter({ hasText: 'Fathers and partners were invisible to services.' }).first().waitFor();
    }
    await answer(people[0]!, 'Proposed lesson 1', 'Yes, and it applies more widely.');
    await answer(people[1]!, 'Proposed lesson 1', 'Accurate for police too.');
    await answer(phone, 'Proposed lesson 1', 'Schools rarely met the fathers.');

    await lead.getByRole('button', { name: 'Open feedback (worksheet 4)' }).click();
    for (const page of people) await page.getByRole('heading', { level: 2, name: 'Feedback on the workshop' }).waitFor();
    await answer(people[0]!, 'Worksheet 4, question 1', 'The briefing was enough.');
    await answer(people[1]!, 'Worksheet 4, question 1', 'More notice would help.');
    // The phone participant answers with the keyboard alone, and sees where focus is.
    await phone.getByRole('heading', { level: 2, name: 'Feedback on the workshop' }).click();
    await tabTo(phone, /^TEXTAREA\|textarea\|Your answer to Worksheet 4, question 1$/);
    expect(await focusVisible(phone)).toBe(true);
    await phone.keyboard.type('Yes.');
    await tabTo(phone, /^BUTTON\|submit\|Send answer to Worksheet 4, question 1$/);
    expect(await focusVisible(phone)).toBe(true);
    await phone.keyboard.press('Enter');
    await prompt(phone, 'Worksheet 4, question 1').status.getByText('Your answer was received and saved.').waitFor();
    await answer(people[0]!, 'Worksheet 4, question 2', 'A shorter pack.');
    await answer(phone, 'Worksheet 4, question 2', 'No.');
    await phone.getByLabel('How the lead reviewer can contact you (optional)').fill('ext 4321');
    await phone.getByRole('button', { name: 'Ask to speak privately' }).click();
    await phone.getByText('Your request was sent to the lead reviewer.').waitFor();
    await expectAxeClean(phone, 'participant feedback (phone)');
    expect(await overflowsSideways(phone)).toBe(false);
  });

  it('shows results only in releases at k, shuffled, with hiding, export and the outcome', { timeout: 240_000 }, async () => {
    // No refresh needed: the Answers tab loaded every release as it was made.
    await showTab(lead, 'Answers');
    const q1 = lead.getByTestId('results-w1-1');
    // Worksheet 1 was released when the meeting started.
    await q1.getByText(/^3 responses in this release, in random order: 3 from invitations, 0 from the workshop code/).waitFor();
    const texts = await q1.locator('.ws-response .pre-wrap').allInnerTexts();
    expect([...texts].sort()).toEqual(['Health visitor for the family, 2019 to 2020', 'Police officer on the first call-out', 'School nurse']);
    await lead
      .getByTestId('results-w4-2')
      .getByText(/^Not released yet/)
      .waitFor();
    expect(await lead.getByTestId('results-w4-2').locator('.ws-response').count()).toBe(0);
    // Releasing below k is refused: fewer than 3 people answered worksheet 4 question 2.
    await lead.getByRole('button', { name: 'Release answers to Worksheet 4, question 2' }).click();
    await lead.getByText(/Not released: Fewer than 3 people have answered this question/).waitFor();

    // Hide one response: it stays, flagged, and leaves the export.
    const hiddenText = texts[0]!;
    await q1.getByRole('button', { name: 'Hide response 1 to Worksheet 1, question 1' }).click();
    await lead.getByText('Response hidden. It is left out of views and exports; its words are unchanged.').waitFor();
    await q1.getByText('Hidden: left out of views and exports.').waitFor();
    const csvHref = await lead.getByRole('link', { name: 'Download the anonymised responses (.csv)' }).getAttribute('href');
    const csv = await (await lead.request.get(csvHref!)).text();
    expect(csv).toContain('School was not told.');
    expect(csv).not.toContain(hiddenText);
    // The Word version is offered beside it, with the same answers.
    const docxHref = await lead.getByRole('link', { name: 'Download the anonymised responses (.docx)' }).getAttribute('href');
    const docx = await lead.request.get(docxHref!);
    expect(docx.status()).toBe(200);
    expect(docx.headers()['content-type']).toContain('wordprocessingml');

    // Private requests are not shown before the workshop closes.
    expect(await lead.getByRole('button', { name: 'Show requests' }).count()).toBe(0);

    // The outcome: a theme, a response grouped into it and marked as good practice, without dragging.
    await showTab(lead, 'Outcome');
    const saveStatus = lead.getByTestId('outcome-save-status');
    await expect.poll(() => saveStatus.innerText(), WAIT).toBe('Saved');
    expect(await lead.getByText('Kept in this browser tab only').count()).toBe(0);
    await lead.getByLabel('New theme').fill('Fathers invisible');
    await lead.getByRole('button', { name: 'Add theme' }).click();
    await showTab(lead, 'Answers');
    const lessonResults = lead.getByTestId('results-w3-lesson-1');
    const lessonTexts = await lessonResults.locator('.ws-response .pre-wrap').allInnerTexts();
    await lessonResults.getByLabel('Theme for response 1 to Proposed lesson 1').selectOption({ label: 'Fathers invisible' });
    // Marked with the keyboard alone: Space on the focused checkbox.
    const goodBox = lessonResults.getByLabel('Good practice (response 2 to Proposed lesson 1)');
    await goodBox.focus();
    await lead.keyboard.press('Space');
    expect(await goodBox.isChecked()).toBe(true);
    await showTab(lead, 'Outcome');
    await lead.getByText('1 response grouped here.').waitFor();
    await lead.getByText('1 response is marked as good practice (mark them under Results).').waitFor();
    await lead.getByLabel('Notes on the child’s lived experience').fill('Often hungry at school.');
    await lead.getByLabel('Notes on good practice').fill('The school nurse followed up every absence.');
    // Responses exist: the set-up keeps what answers hang from, and k can only go up.
    await showTab(lead, 'Set-up');
    await lead.getByText('Edit the set-up').click();
    await lead.getByRole('group', { name: 'Phase 1', exact: true }).getByText('Responses exist, so this phase cannot be removed.').waitFor();
    expect(
      await lead
        .getByRole('group', { name: 'Phase 1', exact: true })
        .getByRole('button', { name: /^Remove/ })
        .count(),
    ).toBe(0);
    await lead.getByText('Responses exist, so it can only stay at 3 or go up.', { exact: false }).waitFor();
    await showTab(lead, 'Outcome');
    await lead.getByLabel('Learning point from proposed lesson 1').fill('Think family: ask about every adult in the home.');
    // Saved on the server a moment after the last change; the status says so (a live region) and the
    // results show the same line.
    const stored = () => api(e2e.server.url, 'GET', `/api/reviews/${fx.reviewId}/workshops/${workshopId}/outcome`, { cookie: fx.lead.cookie }).then((r) => r.body.outcome);
    await expect.poll(async () => (await stored()).learningPoints['lesson-1'], WAIT).toBe('Think family: ask about every adult in the home.');
    await expect.poll(() => saveStatus.innerText(), WAIT).toBe('Saved');
    const onServer = await stored();
    expect(onServer.livedExperience).toBe('Often hungry at school.');
    expect(Object.values(onServer.marks)).toHaveLength(2);
    expect(await saveStatus.getAttribute('role')).toBe('status');
    await expectAxeClean(lead, 'facilitator outcome tab');
    await showTab(lead, 'Answers');
    expect(await lead.getByTestId('outcome-save-copy').innerText()).toBe('Outcome: Saved');
    await expectAxeClean(lead, 'facilitator answers tab');

    // A reload brings it all back from the server (the results come in a new random order, so the
    // responses are found by their words).
    await lead.reload();
    await showTab(lead, 'Outcome');
    await lead.getByRole('heading', { level: 3, name: 'Outcome' }).waitFor();
    await expect.poll(() => lead.getByTestId('outcome-save-status').innerText(), WAIT).toBe('Saved');
    await showTab(lead, 'Answers');
    const again = lead.getByTestId('results-w3-lesson-1');
    await again.getByText(/^3 responses in this release/).waitFor();
    const themed = again.locator('.ws-response').filter({ hasText: lessonTexts[0]! }).getByRole('combobox');
    await expect.poll(() => themed.evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent), WAIT).toBe('Fathers invisible');
    expect(
      await again
        .locator('.ws-response')
        .filter({ hasText: lessonTexts[1]! })
        .getByRole('checkbox', { name: /^Good practice/ })
        .isChecked(),
    ).toBe(true);
    expect(
      await again
        .locator('.ws-response')
        .filter({ hasText: lessonTexts[2]! })
        .getByRole('checkbox', { name: /^Good practice/ })
        .isChecked(),
    ).toBe(false);
    await showTab(lead, 'Outcome');
    expect(await lead.getByLabel('Theme 1', { exact: true }).inputValue()).toBe('Fathers invisible');
    await lead.getByText('1 response grouped here.').waitFor();
    expect(await lead.getByLabel('Notes on the child’s lived experience').inputValue()).toBe('Often hungry at school.');
    expect(await lead.getByLabel('Notes on good practice').inputValue()).toBe('The school nurse followed up every absence.');
    expect(await lead.getByLabel('Learning point from proposed lesson 1').inputValue()).toBe('Think family: ask about every adult in the home.');
    await expectAxeClean(lead, 'facilitator outcome after a reload');

    // Someone else (another tab) saves first: this screen's next save is refused, nothing is overwritten,
    // and it offers to reload the saved outcome.
    const current = (await api(e2e.server.url, 'GET', `/api/reviews/${fx.reviewId}/workshops/${workshopId}/outcome`, { cookie: fx.lead.cookie })).body;
    const elsewhere = await api(e2e.server.url, 'PUT', `/api/reviews/${fx.reviewId}/workshops/${workshopId}/outcome`, {
      cookie: fx.lead.cookie,
      body: { baseVersion: current.version, outcome: { ...current.outcome, livedExperience: 'Changed in another tab.' } },
    });
    expect(elsewhere.status).toBe(200);
    await lead.getByLabel('Notes on the child’s lived experience').fill('Changed on this screen.');
    const conflict = lead.getByRole('alert').filter({ hasText: 'Not saved: someone else saved the outcome first' });
    await conflict.waitFor(WAIT);
    await expect.poll(() => lead.getByTestId('outcome-save-status').innerText(), WAIT).toBe('Not saved – someone else saved the outcome first.');
    expect((await stored()).livedExperience).toBe('Changed in another tab.');
    await expectAxeClean(lead, 'facilitator outcome conflict');
    await conflict.getByRole('button', { name: 'Reload the saved outcome' }).click();
    await expect.poll(() => lead.getByLabel('Notes on the child’s lived experience').inputValue(), WAIT).toBe('Changed in another tab.');
    await expect.poll(() => lead.getByTestId('outcome-save-status').innerText(), WAIT).toBe('Saved');
  });

  it('lets the review team watch without controls', { timeout: 240_000 }, async () => {
    const { page: team } = await e2e.signedIn(fx.team.email, TEST_PASSWORD);
    await team.goto(`/reviews/${fx.reviewId}/workshop`);
    await team.getByTestId('workshop-stage').getByText('Meeting in progress').waitFor();
    await showTab(team, 'Answers');
    await expect.poll(() => team.getByTestId('count-w1-1').innerText(), WAIT).toBe('at least 3');
    await team
      .getByTestId('results-w1-1')
      .getByText(/^3 responses in this release/)
      .waitFor();
    expect(await team.getByRole('button', { name: 'Close the workshop' }).count()).toBe(0);
    expect(await team.getByRole('button', { name: /^Hide/ }).count()).toBe(0);
    await expectAxeClean(team, 'review team view');
    await team.close();
  });

  it('closes the workshop: participants are told, their browsers forget everything, and private requests show', async () => {
    await showTab(lead, 'Run the meeting');
    await lead.getByRole('button', { name: 'Close the workshop' }).click();
    const yes = lead.getByRole('button', { name: 'Yes, close it' });
    await expect.poll(() => yes.evaluate((el) => el === document.activeElement), WAIT).toBe(true);
    await yes.click();
    await lead.getByTestId('workshop-stage').getByText('Closed').waitFor();
    for (const page of people) {
      await page.getByText('This workshop has closed').first().waitFor();
      await page.getByText('It no longer accepts answers. Thank you for taking part.', { exact: false }).waitFor();
      expect(await page.getByRole('textbox').count()).toBe(0);
      await expect.poll(() => page.evaluate((id) => localStorage.getItem(`rr.workshop.answers.${id}`), workshopId), WAIT).toBeNull();
      // A scan of the browser's storage: nothing about the workshop is left, pass included.
      const left = await page.evaluate(() => [...Object.keys(localStorage), ...Object.keys(sessionStorage)].filter((k) => k.startsWith('rr.workshop')));
      expect(left).toEqual([]);
    }
    await showTab(lead, 'Answers');
    await lead.getByRole('button', { name: 'Show requests' }).click();
    await lead.getByRole('region', { name: 'Requests to speak privately' }).getByText('ext 4321').waitFor();
    await expectAxeClean(phone, 'participant closed (phone)');
    await expectAxeClean(lead, 'facilitator closed');
  });
});
