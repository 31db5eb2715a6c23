import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { docName } from '../../shared/docNames.js';
import { readEntries, readTeamFields } from '../../shared/chronology/index.js';
import { blankPerson } from '../../shared/people.js';
import { writePerson } from '../../shared/peopleDoc.js';
import { api } from '../utils/api.js';
import { createReviewWithMembers, TEST_PASSWORD } from '../utils/factories.js';
import { TEST_ADMIN } from '../utils/testServer.js';
import { openDoc, synced, until, type TestClient } from '../utils/yjsClient.js';
import { WAIT, describeFocus, expectAxeClean, focusVisible, startE2e, rgb, tabTo, waitForRegister, type E2e } from './harness.js';

/**
 * Issue 3, item 8 (end to end) for the chronology tab: two agency authors add rows at the same time
 * and each sees the other's row arrive in the integrated view with its agency code and colour, and
 * who is editing which row; ownership shows as read-only rows; a row is added and the table is
 * navigated with the keyboard alone; dates are validated; the lead reviewer marks key learning; the
 * table and the timeline are axe-clean; a timeline item opens its row; import previews before it
 * writes; exports are offered to the lead reviewer only.
 */

let e2e: E2e;
let fx: Awaited<ReturnType<typeof createReviewWithMembers>>;
let colours: Record<string, string>;
let pol: Page;
let icb: Page;
const clients: TestClient[] = [];

/** The table row whose cells mention `text`. */
function tableRow(page: Page, text: string | RegExp) {
  return page.getByTestId('chronology-table').locator('[role="row"][data-row-id]').filter({ hasText: text });
}

/** Opens the chronology tab and waits until every document is connected. */
async function openChronology(page: Page, search = ''): Promise<void> {
  await page.goto(`/reviews/${fx.reviewId}/chronology${search}`);
  await page.getByRole('heading', { level: 2, name: 'Chronology' }).waitFor();
  await waitForRegister(page);
}

/** Adds a row through the panel with the mouse and waits for the panel to close. */
async function addRow(page: Page, date: string, event: string): Promise<void> {
  await page.getByRole('button', { name: 'Add a row' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a row' });
  await dialog.getByLabel('Date', { exact: true }).fill(date);
  await dialog.getByLabel('Key event or action undertaken').fill(event);
  await dialog.getByRole('button', { name: 'Add row' }).click();
  await dialog.waitFor({ state: 'detached' });
}

beforeAll(async () => {
  e2e = await startE2e();
  fx = await createReviewWithMembers(e2e.server.url);
  const detail = await api(e2e.server.url, 'GET', `/api/reviews/${fx.reviewId}`, { cookie: fx.lead.cookie });
  colours = Object.fromEntries((detail.body.agencies as { id: string; colour: string }[]).map((a) => [a.id, a.colour]));
  // The register: the subject child (born 14/03/2019) and the mother.
  const people = openDoc(e2e.server.url, docName({ reviewId: fx.reviewId, kind: 'people' }), fx.lead.cookie);
  clients.push(people);
  await synced(people);
  writePerson(people.doc, {
    ...blankPerson('p-child'),
    name: 'Maisie Thornbury',
    relationship: 'Subject child',
    isSubject: true,
    reportLabel: 'Child T',
    dateOfBirth: '2019-03-14',
  });
  writePerson(people.doc, { ...blankPerson('p-mum'), name: 'Kerry Thornbury', relationship: 'Mother', reportLabel: 'Mother' });
  const check = openDoc(e2e.server.url, docName({ reviewId: fx.reviewId, kind: 'people' }), fx.team.cookie);
  clients.push(check);
  await until(() => check.doc.getMap('people').size === 2, 'register stored', 20_000);

  ({ page: pol } = await e2e.signedIn(fx.author.email, TEST_PASSWORD));
  ({ page: icb } = await e2e.signedIn(fx.author2.email, TEST_PASSWORD));
  await Promise.all([openChronology(pol), openChronology(icb)]);
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  await e2e?.close();
});

describe('two agency authors at the same time', () => {
  it('each sees the other’s row appear, in date order, with its agency code and colour', async () => {
    await Promise.all([addRow(pol, '12/03/2019', 'Police attended a report of shouting at the home'), addRow(icb, '03/2019?', 'GP appointment for the mother, not attended')]);
    for (const page of [pol, icb]) {
      const polRow = tableRow(page, 'Police attended a report of shouting');
      const icbRow = tableRow(page, 'GP appointment for the mother');
      await polRow.waitFor();
      await icbRow.waitFor();
      expect(await polRow.getByRole('cell').nth(0).innerText()).toMatch(/^POL/);
      expect(await icbRow.getByRole('cell').nth(0).innerText()).toMatch(/^ICB/);
      expect(await polRow.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(rgb(colours[fx.agencies[0]!.id]!));
      expect(await icbRow.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(rgb(colours[fx.agencies[1]!.id]!));
      // "03/2019?" starts 01/03/2019, so it comes before 12/03/2019, and it says it is uncertain.
      const order = await page.getByTestId('chronology-table').locator('[role="row"][data-row-id]').allInnerTexts();
      expect(order.findIndex((t) => t.includes('GP appointment'))).toBeLessThan(order.findIndex((t) => t.includes('Police attended')));
      expect(await icbRow.getByRole('rowheader').innerText()).toContain('Uncertain, month only');
    }
    await expect.poll(() => pol.getByTestId('chronology-count').innerText(), WAIT).toBe('Showing all 2 rows.');
  });

  it('shows who is editing which row, and the saved change, to the other author', async () => {
    await tableRow(pol, 'Police attended')
      .getByRole('button', { name: /Read or edit this row/ })
      .click();
    // A row opens for reading; editing is a second, deliberate step.
    const reading = pol.getByRole('dialog', { name: 'The POL row of 12/03/2019' });
    await reading.getByTestId('row-reading').waitFor();
    expect(await reading.getByRole('textbox').count()).toBe(0);
    await reading.getByRole('button', { name: 'Edit this row' }).click();
    const panel = pol.getByRole('dialog', { name: 'Edit the POL row of 12/03/2019' });
    await panel.waitFor();
    const seen = tableRow(icb, 'Police attended');
    await seen.getByText(`Being edited by ${fx.author.name}`).waitFor();
    await icb.getByTestId('chronology-presence').getByText(`${fx.author.name} – editing the POL row of 12/03/2019`).waitFor();

    await panel.getByLabel('Comment and analysis (optional)').fill('Potential learning: no referral to children’s social care.');
    await panel.getByRole('button', { name: 'Save changes' }).click();
    await panel.waitFor({ state: 'detached' });
    await seen.getByText('Potential learning: no referral').waitFor();
    await seen.getByText(`Being edited by ${fx.author.name}`).waitFor({ state: 'detached' });
  });

  it('shows another agency’s rows read only, and keeps the other agency’s colour', async () => {
    await tableRow(pol, 'GP appointment')
      .getByRole('button', { name: /Read this row/ })
      .click();
    const panel = pol.getByRole('dialog', { name: 'The ICB row of 03/2019?' });
    await panel.waitFor();
    expect(await panel.getByTestId('entry-details').innerText()).toContain('GP appointment for the mother, not attended');
    expect(await panel.getByRole('button', { name: /Save|Edit/ }).count()).toBe(0);
    expect(await panel.getByRole('textbox').count()).toBe(0);
    await pol.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
  });
});

describe('keyboard only', () => {
  it('adds a row, is warned about a future date, and moves between rows with the arrow keys', async () => {
    await pol.getByRole('heading', { level: 2, name: 'Chronology' }).focus();
    await tabTo(pol, /^BUTTON\|button\|Add a row$/);
    expect(await focusVisible(pol)).toBe(true);
    await pol.keyboard.press('Enter');
    const dialog = pol.getByRole('dialog', { name: 'Add a row' });
    await dialog.waitFor();
    // The panel opens on the date field.
    expect(await describeFocus(pol)).toBe('INPUT|text|Date');
    await pol.keyboard.type('31/02/2019');
    await tabTo(pol, /^TEXTAREA\|textarea\|Key event or action undertaken$/);
    await pol.keyboard.type('Strategy discussion held by children’s social care');
    await tabTo(pol, /^BUTTON\|submit\|Add row$/);
    await pol.keyboard.press('Enter');
    // An impossible date is refused; the error summary takes focus and leads back to the field.
    await dialog.getByRole('alert').filter({ hasText: 'There is a problem' }).waitFor();
    await expect.poll(() => pol.evaluate(() => document.activeElement?.className), WAIT).toContain('error-summary');
    await pol.keyboard.press('Tab');
    expect(await describeFocus(pol)).toMatch(/^A\|\|.*not a real date/);
    await pol.keyboard.press('Enter');
    expect(await describeFocus(pol)).toBe('INPUT|text|Date');
    await pol.keyboard.press('Control+A');
    await pol.keyboard.type('01/01/2099');
    await tabTo(pol, /^BUTTON\|submit\|Add row$/);
    await pol.keyboard.press('Enter');
    // A future date is allowed, after a warning and a second press.
    await dialog.getByText('Press the save button again to save it with this date.').waitFor();
    expect(await describeFocus(pol)).toBe('BUTTON|submit|Save with this date');
    await pol.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await tableRow(pol, 'Strategy discussion held').waitFor();
    // Focus goes back to the button that opened the panel.
    expect(await describeFocus(pol)).toBe('BUTTON|button|Add a row');

    // Into the table: one tab stop, on the row just added, then the arrow keys.
    const first = await tabTo(pol, /^BUTTON\|button\|.*this row$/);
    expect(first).toContain('01/01/2099, POL. Read or edit this row');
    expect(await focusVisible(pol)).toBe(true);
    await pol.keyboard.press('Home');
    expect(await describeFocus(pol)).toContain('03/2019?, ICB. Read this row');
    await pol.keyboard.press('ArrowDown');
    expect(await describeFocus(pol)).toContain('12/03/2019, POL. Read or edit this row');
    await pol.keyboard.press('End');
    expect(await describeFocus(pol)).toContain('01/01/2099, POL. Read or edit this row');
    await pol.keyboard.press('ArrowUp');
    await pol.keyboard.press('Enter');
    const panel = pol.getByRole('dialog', { name: 'The POL row of 12/03/2019' });
    await panel.waitFor();
    await pol.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    expect(await describeFocus(pol)).toContain('12/03/2019, POL. Read or edit this row');

    // The row is in the agency's own document on the server.
    const doc = openDoc(e2e.server.url, docName({ reviewId: fx.reviewId, kind: 'chronology', agencyId: fx.agencies[0]!.id }), fx.observer.cookie);
    clients.push(doc);
    await synced(doc);
    await until(() => readEntries(doc.doc, fx.agencies[0]!.id).some((e) => e.keyEvent.startsWith('Strategy discussion')), 'row stored', 20_000);
  });
});

describe('the lead reviewer', () => {
  let lead: Page;
  beforeAll(async () => {
    ({ page: lead } = await e2e.signedIn(fx.lead.email, TEST_ADMIN.password));
    // A workshop with one phase, drawn behind the timeline's lanes.
    const created = await api(e2e.server.url, 'POST', `/api/reviews/${fx.reviewId}/workshops`, { cookie: fx.lead.cookie, body: { date: '2026-12-01' } });
    expect(created.status).toBe(201);
    const list = await api(e2e.server.url, 'GET', `/api/reviews/${fx.reviewId}/workshops`, { cookie: fx.lead.cookie });
    const setup = list.body.workshops[0].setup;
    const put = await api(e2e.server.url, 'PUT', `/api/reviews/${fx.reviewId}/workshops/${created.body.id}/setup`, {
      cookie: fx.lead.cookie,
      body: { ...setup, phases: [{ id: 'early-months', title: 'The early months', start: '2019-01-01', end: '2019-06-30' }] },
    });
    expect(put.status).toBe(200);
    await openChronology(lead);
  });

  it('marks a key practice learning event that every author sees, and the table passes axe', async () => {
    await tableRow(lead, 'Police attended')
      .getByRole('button', { name: /Read or edit this row/ })
      .click();
    await lead.getByRole('dialog', { name: 'The POL row of 12/03/2019' }).getByRole('button', { name: 'Edit this row' }).click();
    const panel = lead.getByRole('dialog', { name: 'Edit the POL row of 12/03/2019' });
    await panel.getByLabel('Key practice learning event').check();
    await panel.getByLabel('Workshop phase').selectOption({ label: 'The early months' });
    await panel.getByRole('button', { name: 'Save changes' }).click();
    await panel.waitFor({ state: 'detached' });
    await tableRow(icb, 'Police attended').getByText('Key learning').waitFor();
    await tableRow(icb, 'Police attended').getByText('Phase: The early months').waitFor();
    const team = openDoc(e2e.server.url, docName({ reviewId: fx.reviewId, kind: 'chronology-team' }), fx.observer.cookie);
    clients.push(team);
    await synced(team);
    await until(() => [...readTeamFields(team.doc).values()].some((t) => t.keyLearning && t.phaseId === 'early-months'), 'team fields stored', 20_000);

    // Filtering to key learning shows just that row.
    await lead.getByLabel('Key practice learning events').selectOption('yes');
    await expect.poll(() => lead.getByTestId('chronology-count').innerText(), WAIT).toBe('Showing 1 of 3 rows.');
    expect(lead.url()).toContain('keyLearning=yes');
    await expectAxeClean(lead, 'chronology table, filtered');
    await lead.getByLabel('Key practice learning events').selectOption('any');
    await expect.poll(() => lead.getByTestId('chronology-count').innerText(), WAIT).toBe('Showing all 3 rows.');
    await expectAxeClean(lead, 'chronology table');
  });

  it('shows the timeline by agency lane, axe-clean, and an item opens its row in the table', async () => {
    await lead.getByRole('button', { name: 'Timeline' }).click();
    await lead.locator('[data-timeline-ready="true"]').waitFor();
    const items = lead.locator('.tl-item__button');
    await expect.poll(() => items.count(), WAIT).toBe(3);
    const key = items.filter({ hasText: 'Key learning' });
    expect(await key.count()).toBe(1);
    expect(await key.innerText()).toMatch(/^POL 12\/03\/2019 Key learning/);
    await lead.locator('.tl-phase__label', { hasText: 'Phase: The early months' }).waitFor();
    expect(await lead.locator('.vis-item.vis-box.tl-item--key').evaluate((el) => getComputedStyle(el).borderTopWidth)).toBe('4px');
    await expectAxeClean(lead, 'chronology timeline');

    // The buttons do what dragging would. With reduced motion they jump rather than slide, so the
    // items are where they will stay when clicked.
    await lead.emulateMedia({ reducedMotion: 'reduce' });
    const before = await lead.locator('.vis-time-axis .vis-text').allInnerTexts();
    await lead.getByRole('button', { name: 'Zoom in' }).click();
    await expect.poll(() => lead.locator('.vis-time-axis .vis-text').allInnerTexts(), WAIT).not.toEqual(before);

    await lead.getByRole('button', { name: 'Show everything' }).click();
    await items.filter({ hasText: 'ICB' }).first().click();
    await lead.getByRole('dialog', { name: 'The ICB row of 03/2019?' }).waitFor();
    expect(await lead.getByRole('button', { name: 'Table' }).getAttribute('aria-pressed')).toBe('true');
    await lead.keyboard.press('Escape');
    await expect.poll(() => describeFocus(lead), WAIT).toContain('03/2019?, ICB. Read or edit this row');
  });

  it('offers the exports, saying the named copy is OFFICIAL-SENSITIVE, and downloads a pseudonymised copy', async () => {
    await lead.getByRole('button', { name: 'Export' }).click();
    const panel = lead.getByRole('dialog', { name: 'Export the chronology' });
    await panel.getByText('The named copy is OFFICIAL-SENSITIVE.').waitFor();
    await expectAxeClean(lead, 'export panel');
    const [download] = await Promise.all([lead.waitForEvent('download'), panel.getByRole('button', { name: 'Download pseudonymised .csv' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    await panel.getByText(/^Downloaded /).waitFor();
    await lead.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    // Agency authors are not offered exports.
    expect(await pol.getByRole('button', { name: 'Export' }).count()).toBe(0);
  });
});

describe('import', () => {
  it('previews every row and every rejected row with its number and reason, then imports on confirmation', async () => {
    const csv = [
      'Date (DD/MM/YYYY),Time,Source of Information,Contact with the child/young person (state whether they were seen alone or not) and by whom,Contact with family member (state which family member) and by whom,Key Event/Action Undertaken,"Comment and Analysis, including potential areas for learning"',
      '14/03/2019,09:30,Case notes,Seen alone by Health Visitor,Mother by Health Visitor,Imported birth visit,Good practice',
      'c. 2017,,GP record,Not seen,,Imported pregnancy booking,',
      '31/02/2019,,x,,,Imported impossible date,',
    ].join('\r\n');
    await icb.getByRole('button', { name: 'Import a spreadsheet' }).click();
    const panel = icb.getByRole('dialog', { name: 'Import a chronology spreadsheet' });
    await panel.getByLabel('Spreadsheet (.xlsx or .csv)').setInputFiles({ name: 'icb.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await panel.getByRole('button', { name: 'Check the file' }).click();
    const preview = panel.getByTestId('import-preview');
    await preview.waitFor();
    const toImport = preview.getByRole('table', { name: 'Rows to import' });
    expect(await toImport.getByRole('row').count()).toBe(3); // header and two rows
    expect(await toImport.innerText()).toContain('c. 2017');
    const rejected = preview.getByRole('table', { name: 'Rejected rows' });
    const cells = await rejected.getByRole('row').nth(1).getByRole('cell').allInnerTexts();
    expect(cells[0]).toBe('4');
    expect(cells[1]).toMatch(/not a real date/);
    await expectAxeClean(icb, 'import preview');
    // Nothing is written by the preview.
    expect(await tableRow(icb, 'Imported birth visit').count()).toBe(0);

    await preview.getByRole('button', { name: 'Import 2 rows' }).click();
    await panel.getByText('Import complete').waitFor();
    await panel.getByRole('button', { name: 'Close' }).first().click();
    for (const page of [icb, pol]) {
      await tableRow(page, 'Imported birth visit').waitFor();
      await tableRow(page, 'Imported pregnancy booking').getByText('Approximate, year only').waitFor();
    }
  });

  it('shows an observer everything read only', async () => {
    const { page } = await e2e.signedIn(fx.observer.email, TEST_PASSWORD);
    await openChronology(page);
    await page.getByText('you can read the chronology but not change it').waitFor();
    expect(await page.getByRole('button', { name: 'Add a row' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Import a spreadsheet' }).count()).toBe(0);
    await expect.poll(() => page.getByTestId('chronology-count').innerText(), WAIT).toBe('Showing all 5 rows.');
    expect(await page.getByRole('button', { name: /Edit this row/ }).count()).toBe(0);
  });
});

describe('filters with several values', () => {
  it('ticks several categories and several people with the keyboard, and each list closes with Escape', async () => {
    const count = () => icb.getByTestId('chronology-count').innerText();
    await icb.getByRole('heading', { level: 2, name: 'Chronology' }).focus();

    // Categories: a closed disclosure that says what is chosen; Enter opens it, Space ticks.
    await tabTo(icb, /^SUMMARY\|\|Categories:Any category$/, 60);
    expect(await focusVisible(icb)).toBe(true);
    await icb.keyboard.press('Enter');
    await tabTo(icb, /^INPUT\|checkbox\|Birth or death$/);
    await icb.keyboard.press('Space');
    await expect.poll(count, WAIT).toBe('Showing 1 of 5 rows.');
    await tabTo(icb, /^INPUT\|checkbox\|Other$/);
    await icb.keyboard.press('Space');
    await expect.poll(count, WAIT).toBe('Showing all 5 rows.');
    await icb.keyboard.press('Escape');
    expect(await describeFocus(icb)).toBe('SUMMARY||Categories:2 categories');
    expect(await icb.getByTestId('filter-category').evaluate((el) => (el as HTMLDetailsElement).open)).toBe(false);

    // People: any of the chosen people, so a second person widens the match.
    await tabTo(icb, /^SUMMARY\|\|People:Anyone$/, 10, 'Shift+Tab');
    await icb.keyboard.press('Enter');
    await tabTo(icb, /^INPUT\|checkbox\|Maisie Thornbury \(Subject child\)$/);
    await icb.keyboard.press('Space');
    await expect.poll(count, WAIT).toBe('Showing 0 of 5 rows.');
    await tabTo(icb, /^INPUT\|checkbox\|Kerry Thornbury \(Mother\)$/);
    await icb.keyboard.press('Space');
    await expect.poll(count, WAIT).toBe('Showing 1 of 5 rows.');
    await tableRow(icb, 'Imported birth visit').waitFor();
    await expectAxeClean(icb, 'chronology filters with a list open');
    await icb.keyboard.press('Escape');
    expect(await describeFocus(icb)).toBe('SUMMARY||People:2 people');
    const url = new URL(icb.url());
    expect(url.searchParams.getAll('person')).toEqual(['p-child', 'p-mum']);
    expect(url.searchParams.getAll('category')).toEqual(['birth-or-death', 'other']);

    await icb.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(count, WAIT).toBe('Showing all 5 rows.');
    expect(await describeFocus(icb)).toBe('H3||Filter the chronology');
  });
});
