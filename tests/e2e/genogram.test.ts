import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { docName } from '../../shared/docNames.js';
import { newId } from '../../shared/ids.js';
import { readPeople } from '../../shared/peopleDoc.js';
import { blankEntry, exactDate, writeEntry } from '../../shared/chronology/index.js';
import { readGenogram, type ParentChild, type Partnership } from '../../shared/genogram/index.js';
import { createReviewWithMembers, TEST_PASSWORD } from '../utils/factories.js';
import { TEST_ADMIN } from '../utils/testServer.js';
import { openDoc, synced, type TestClient } from '../utils/yjsClient.js';
import { WAIT, describeFocus, expectAxeClean, focusVisible, startE2e, tabTo, type E2e } from './harness.js';

/**
 * Issue 4, end to end in Chromium: the genogram tab. A keyboard-only lead reviewer draws three
 * generations (a person, her partner, their child, her mother) without the mouse; a review team
 * member in a second browser context sees each change live, adds to the family with the mouse, and
 * sees who else is here. Undo takes back only one's own change; tidy clears a manual position;
 * selecting a person lists the chronology rows naming them and links to the chronology filtered to
 * them; exports carry names or report labels; an observer sees the drawing read-only; axe finds
 * nothing serious on the way.
 */

let e2e: E2e;
let fx: Awaited<ReturnType<typeof createReviewWithMembers>>;
let lead: Page;
let team: Page;
let peopleClient: TestClient;
let genogramClient: TestClient;

beforeAll(async () => {
  e2e = await startE2e();
  fx = await createReviewWithMembers(e2e.server.url);
  ({ page: lead } = await e2e.signedIn(fx.lead.email, TEST_ADMIN.password));
  ({ page: team } = await e2e.signedIn(fx.team.email, TEST_PASSWORD));
  for (const page of [lead, team]) await openGenogram(page);
  peopleClient = openDoc(e2e.server.url, docName({ reviewId: fx.reviewId, kind: 'people' }), fx.lead.cookie);
  genogramClient = openDoc(e2e.server.url, docName({ reviewId: fx.reviewId, kind: 'genogram' }), fx.lead.cookie);
  await synced(peopleClient);
  await synced(genogramClient);
});
afterAll(async () => {
  peopleClient?.destroy();
  genogramClient?.destroy();
  await e2e?.close();
});

/** Opens the genogram tab and waits until both its documents are in sync with the server. */
async function openGenogram(page: Page): Promise<void> {
  await page.goto(`/reviews/${fx.reviewId}/genogram`);
  await page.getByRole('heading', { level: 2, name: 'Genogram' }).waitFor();
  await page
    .getByTestId('sync-status')
    .getByText(/^Connected\./)
    .waitFor();
}

/** A person's node on the drawing, found by the start of its accessible name. */
function node(page: Page, name: string) {
  return page.locator(`.react-flow__node-person[aria-label^="${name},"]`);
}

/** A person's entry in the list view. */
function listed(page: Page, name: string) {
  return page
    .getByTestId('genogram-list')
    .locator('.gg-list__person')
    .filter({ has: page.getByRole('heading', { level: 4, name, exact: true }) });
}

/** Presses Tab until `want` has focus, and checks that focus can be seen there. */
async function tabToVisible(page: Page, want: RegExp, max = 60): Promise<string> {
  const found = await tabTo(page, want, max);
  expect(await focusVisible(page), `no visible focus on ${found}`).toBe(true);
  return found;
}

/** The register id of the person called `name`, as the server has it. */
async function idOf(name: string): Promise<string> {
  await expect.poll(() => readPeople(peopleClient.doc).some((p) => p.name === name), WAIT).toBe(true);
  return readPeople(peopleClient.doc).find((p) => p.name === name)!.id;
}

describe('the genogram, by keyboard alone', () => {
  it('adds the first person from the toolbar', async () => {
    await lead.getByRole('heading', { level: 2, name: 'Genogram' }).focus();
    await tabToVisible(lead, /^BUTTON\|button\|Add a person$/);
    await lead.keyboard.press('Enter');
    const dialog = lead.getByRole('dialog', { name: 'Add a person' });
    await dialog.waitFor();
    expect(await describeFocus(lead)).toMatch(/^INPUT\|text\|Name/);
    await lead.keyboard.type('Jo Bloggs');
    await tabToVisible(lead, /^INPUT\|radio\|Not known/); // the checked gender
    await lead.keyboard.press('ArrowLeft'); // Female
    await tabToVisible(lead, /^INPUT\|text\|Relationship to the child/);
    await lead.keyboard.type('Mother');
    await tabToVisible(lead, /^INPUT\|text\|Date of birth/);
    await lead.keyboard.type('14/02/1990');
    await lead.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    expect(await describeFocus(lead)).toMatch(/Add a person/); // focus went back where it came from
    await node(lead, 'Jo Bloggs').waitFor();
    expect(await node(lead, 'Jo Bloggs').getAttribute('aria-label')).toMatch(/^Jo Bloggs, Mother, female, aged \d+$/);
    // Adding to the genogram added to the register.
    await expect
      .poll(() => readPeople(peopleClient.doc).find((p) => p.name === 'Jo Bloggs'), WAIT)
      .toMatchObject({
        gender: 'female',
        relationship: 'Mother',
        dateOfBirth: '1990-02-14',
        reportLabel: 'Mother',
      });
  });

  it('opens the person from the drawing and adds a partner from her actions', async () => {
    await tabToVisible(lead, /^DIV\|\|Jo Bloggs, Mother/);
    await lead.keyboard.press('Enter');
    await expect.poll(() => describeFocus(lead), WAIT).toMatch(/^H3\|\|Jo Bloggs$/);
    await tabToVisible(lead, /^BUTTON\|button\|Add a partner$/);
    await lead.keyboard.press('Enter');
    const dialog = lead.getByRole('dialog', { name: 'Add or link a partner for Jo Bloggs' });
    await dialog.waitFor();
    await lead.keyboard.type('Sam Bloggs');
    await tabToVisible(lead, /^INPUT\|radio\|Not known/);
    await lead.keyboard.press('ArrowLeft');
    await lead.keyboard.press('ArrowLeft'); // Male
    await tabToVisible(lead, /^INPUT\|text\|Relationship to the child/);
    await lead.keyboard.type('Father');
    await tabToVisible(lead, /^SELECT\|select-one\|How they stand with Jo Bloggs/);
    await lead.keyboard.press('ArrowDown'); // Living together
    await tabToVisible(lead, /^BUTTON\|submit\|Add to genogram/);
    await lead.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await node(lead, 'Sam Bloggs').waitFor();
    await listed(lead, 'Sam Bloggs').getByText('Partner of Jo Bloggs: living together').waitFor();
    // The new partner is now the selected person, and focus is back on the action that added him.
    await lead.getByRole('heading', { level: 3, name: 'Sam Bloggs' }).waitFor();
    expect(await describeFocus(lead)).toMatch(/Add a partner/);
  });

  it('adds their child, who hangs from the couple', async () => {
    await tabToVisible(lead, /^BUTTON\|button\|Add a child$/);
    await lead.keyboard.press('Enter');
    const dialog = lead.getByRole('dialog', { name: 'Add or link a child for Sam Bloggs' });
    await dialog.waitFor();
    // With others in the register the form first asks who it is (someone new is chosen); the name comes next.
    await dialog.getByRole('radio', { name: 'Someone new' }).waitFor();
    expect(await dialog.getByRole('radio', { name: 'Someone new' }).isChecked()).toBe(true);
    await tabToVisible(lead, /^INPUT\|text\|Name/);
    await lead.keyboard.type('Alex Bloggs');
    await tabToVisible(lead, /^INPUT\|text\|Relationship to the child/);
    await lead.keyboard.type('Son');
    await tabToVisible(lead, /^INPUT\|text\|Date of birth/);
    await lead.keyboard.type('03/04/2016');
    expect(await dialog.getByLabel('Other parent').inputValue()).not.toBe(''); // the couple, by default
    await tabToVisible(lead, /^BUTTON\|submit\|Add to genogram/);
    await lead.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await listed(lead, 'Alex Bloggs')
      .getByText(/^Child of (Jo Bloggs and Sam Bloggs|Sam Bloggs and Jo Bloggs): birth child$/)
      .waitFor();

    const [jo, sam, alex] = [await idOf('Jo Bloggs'), await idOf('Sam Bloggs'), await idOf('Alex Bloggs')];
    await expect.poll(() => readGenogram(genogramClient.doc).relationships.length, WAIT).toBe(2);
    const rels = readGenogram(genogramClient.doc).relationships;
    const couple = rels.find((r): r is Partnership => r.type === 'partnership')!;
    expect([couple.a, couple.b].sort()).toEqual([jo, sam].sort());
    expect(couple.kind).toBe('cohabiting');
    expect(rels.find((r): r is ParentChild => r.type === 'parent-child')).toMatchObject({ parentType: 'partnership', parent: couple.id, child: alex, kind: 'birth' });
  });

  it('adds a grandparent for a third generation, then checks the page with axe', async () => {
    // Back to Jo through the list view's button, tabbing on from where focus is.
    await tabToVisible(lead, /^BUTTON\|button\|Open Jo Bloggs/, 80);
    await lead.keyboard.press('Enter');
    await expect.poll(() => describeFocus(lead), WAIT).toMatch(/^H3\|\|Jo Bloggs$/);
    await tabToVisible(lead, /^BUTTON\|button\|Add a parent$/);
    await lead.keyboard.press('Enter');
    const dialog = lead.getByRole('dialog', { name: 'Add or link a parent for Jo Bloggs' });
    await dialog.waitFor();
    // With others in the register the form first asks who it is (someone new is chosen); the name comes next.
    await dialog.getByRole('radio', { name: 'Someone new' }).waitFor();
    expect(await dialog.getByRole('radio', { name: 'Someone new' }).isChecked()).toBe(true);
    await tabToVisible(lead, /^INPUT\|text\|Name/);
    await lead.keyboard.type('Pat Grey');
    await tabToVisible(lead, /^INPUT\|text\|Relationship to the child/);
    await lead.keyboard.type('Maternal Grandmother');
    await expectAxeClean(lead, 'the add-a-parent dialog');
    await tabToVisible(lead, /^BUTTON\|submit\|Add to genogram/);
    await lead.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await listed(lead, 'Jo Bloggs').getByText('Child of Pat Grey: birth child').waitFor();
    // Three generations, one row each, top to bottom.
    const y = async (name: string) => (await node(lead, name).boundingBox())!.y;
    await expect.poll(async () => (await y('Pat Grey')) < (await y('Jo Bloggs')) && (await y('Jo Bloggs')) < (await y('Alex Bloggs')), WAIT).toBe(true);
    expect(Math.abs((await y('Jo Bloggs')) - (await y('Sam Bloggs')))).toBeLessThan(2);
    await expectAxeClean(lead, 'the genogram tab with a person open');
  });
});

describe('two people editing the genogram live', () => {
  it('shows the keyboard user\u2019s family in the other browser, and each in the other\u2019s presence list', async () => {
    for (const name of ['Jo Bloggs', 'Sam Bloggs', 'Alex Bloggs', 'Pat Grey']) await node(team, name).waitFor();
    await listed(team, 'Alex Bloggs')
      .getByText(/^Child of .*Jo Bloggs.*: birth child$/)
      .waitFor();
    await team.getByRole('region', { name: 'Here now' }).getByText(fx.lead.name, { exact: true }).first().waitFor();
    // The lead has Pat Grey open; the team member sees that.
    await team
      .getByRole('region', { name: 'Here now' })
      .getByText(/editing Maternal Grandmother/)
      .waitFor();
  });

  it('adds a brother with the mouse in the second browser, seen at once by the first', async () => {
    await node(team, 'Alex Bloggs').click();
    await team.getByRole('heading', { level: 3, name: 'Alex Bloggs' }).waitFor();
    await lead.getByRole('region', { name: 'Here now' }).getByText(`${fx.team.name} – editing Son`).waitFor();
    await team.getByRole('button', { name: 'Add a brother or sister' }).click();
    const dialog = team.getByRole('dialog', { name: 'Add or link a brother or sister for Alex Bloggs' });
    await dialog.getByLabel('Name', { exact: true }).fill('Chris Bloggs');
    await dialog.getByRole('radio', { name: 'Male', exact: true }).check();
    await dialog.getByLabel('Date of birth (optional)').fill('01/09/2019');
    await dialog.getByRole('button', { name: 'Add to genogram' }).click();
    await dialog.waitFor({ state: 'detached' });
    await node(lead, 'Chris Bloggs').waitFor();
    await listed(lead, 'Alex Bloggs').getByText('Brothers and sisters: Chris Bloggs').waitFor();
    // The younger brother is drawn to the right of the elder.
    await expect.poll(async () => (await node(lead, 'Chris Bloggs').boundingBox())!.x > (await node(lead, 'Alex Bloggs').boundingBox())!.x, WAIT).toBe(true);
  });

  it('moves a person dragged in one browser in the other, and tidy puts them back', async () => {
    const before = (await node(lead, 'Pat Grey').boundingBox())!;
    await node(team, 'Pat Grey').scrollIntoViewIfNeeded();
    const box = (await node(team, 'Pat Grey').boundingBox())!;
    await team.mouse.move(box.x + box.width / 2, box.y + 15);
    await team.mouse.down();
    await team.mouse.move(box.x + box.width / 2 - 60, box.y + 15, { steps: 8 });
    await team.mouse.move(box.x + box.width / 2 - 120, box.y + 15, { steps: 8 });
    await team.mouse.up();
    const pat = await idOf('Pat Grey');
    await expect.poll(() => readGenogram(genogramClient.doc).positions.has(pat), WAIT).toBe(true);
    await expect.poll(async () => (await node(lead, 'Pat Grey').boundingBox())!.x < before.x - 5, WAIT).toBe(true);

    await team.getByRole('button', { name: 'Tidy layout' }).click();
    await expect.poll(() => readGenogram(genogramClient.doc).positions.size, WAIT).toBe(0);
    await expect.poll(async () => Math.round((await node(lead, 'Pat Grey').boundingBox())!.x), WAIT).toBe(Math.round(before.x));
  });

  it('nudges a person with the arrow keys, without dragging', async () => {
    const pat = await idOf('Pat Grey');
    const drawnAt = async () => {
      const m = /translate\(([-\d.]+)px, ([-\d.]+)px\)/.exec(await node(lead, 'Pat Grey').evaluate((el) => (el as HTMLElement).style.transform))!;
      return { x: Number(m[1]), y: Number(m[2]) };
    };
    const auto = await drawnAt();
    await node(lead, 'Pat Grey').focus();
    await lead.keyboard.press('Space'); // select, for moving
    await lead.keyboard.press('ArrowRight'); // 5 units
    await lead.keyboard.press('Shift+ArrowRight'); // 20 units
    await lead.keyboard.press('ArrowDown');
    await expect.poll(() => readGenogram(genogramClient.doc).positions.get(pat), WAIT).toEqual({ x: auto.x + 25, y: auto.y + 5 });
    expect(await drawnAt()).toEqual({ x: auto.x + 25, y: auto.y + 5 });
    // Each step is one undo.
    await lead.getByRole('button', { name: 'Undo', exact: true }).click();
    await expect.poll(() => readGenogram(genogramClient.doc).positions.get(pat), WAIT).toEqual({ x: auto.x + 25, y: auto.y });
    await lead.getByRole('button', { name: 'Undo', exact: true }).click();
    await lead.getByRole('button', { name: 'Undo', exact: true }).click();
    await expect.poll(() => readGenogram(genogramClient.doc).positions.has(pat), WAIT).toBe(false);
    expect(await drawnAt()).toEqual(auto);
  });

  it('undoes only one\u2019s own change', async () => {
    // The team member changes how the couple stand; the lead then adds a person and undoes.
    await node(team, 'Jo Bloggs').click();
    await team.getByRole('combobox', { name: 'Jo Bloggs and Sam Bloggs' }).selectOption('separated');
    await listed(lead, 'Jo Bloggs').getByText('Partner of Sam Bloggs: separated').waitFor();
    await lead.getByRole('button', { name: 'Add a person' }).click();
    const dialog = lead.getByRole('dialog', { name: 'Add a person' });
    await dialog.getByLabel('Name', { exact: true }).fill('Undo Me');
    await dialog.getByRole('button', { name: 'Add to genogram' }).click();
    await dialog.waitFor({ state: 'detached' });
    await node(team, 'Undo Me').waitFor();
    await lead.getByRole('button', { name: 'Undo', exact: true }).click();
    await node(team, 'Undo Me').waitFor({ state: 'detached' });
    await expect.poll(() => readPeople(peopleClient.doc).some((p) => p.name === 'Undo Me'), WAIT).toBe(false);
    // The colleague's change stands.
    await listed(lead, 'Jo Bloggs').getByText('Partner of Sam Bloggs: separated').waitFor();
    await lead.getByRole('button', { name: 'Redo', exact: true }).click();
    await node(team, 'Undo Me').waitFor();
  });
});

describe('the person panel, export and read-only access', () => {
  it('lists the chronology rows that name the selected person', async () => {
    const jo = await idOf('Jo Bloggs');
    const agency = fx.agencies[0]!.id;
    const chronology = openDoc(e2e.server.url, docName({ reviewId: fx.reviewId, kind: 'chronology', agencyId: agency }), fx.lead.cookie);
    try {
      await synced(chronology);
      writeEntry(chronology.doc, agency, { ...blankEntry(newId(), agency, exactDate('2023-05-17')), keyEvent: 'Home visit; mother seen with the child.', familyContactIds: [jo] });
      writeEntry(chronology.doc, agency, { ...blankEntry(newId(), agency, exactDate('2023-06-01')), keyEvent: 'A row about someone else.' });
      await expect.poll(async () => (await fetchRows()).length, WAIT).toBe(2);
    } finally {
      chronology.destroy();
    }
    await node(lead, 'Jo Bloggs').click();
    await lead.getByRole('heading', { level: 3, name: 'Jo Bloggs' }).waitFor();
    const mentions = lead.getByTestId('genogram-mentions');
    await mentions.getByText('Home visit; mother seen with the child.').waitFor();
    expect(await mentions.getByRole('listitem').allInnerTexts()).toEqual([`17/05/2023 ${fx.agencies[0]!.shortCode} Home visit; mother seen with the child.`]);

    // The panel's link opens the chronology filtered to her events.
    await lead.getByRole('link', { name: 'Show Jo Bloggs\u2019s events in the chronology' }).click();
    await lead.getByRole('heading', { level: 2, name: 'Chronology' }).waitFor();
    const url = new URL(lead.url());
    expect(url.pathname).toBe(`/reviews/${fx.reviewId}/chronology`);
    expect(url.searchParams.getAll('person')).toEqual([jo]);
    await lead.getByTestId('chronology-count').getByText('Showing 1 of 2 rows.').waitFor();
    await lead.getByText('Home visit; mother seen with the child.').first().waitFor();
    expect(await lead.getByText('A row about someone else.').count()).toBe(0);
    await openGenogram(lead);
  });

  it('exports SVG and PNG, with report labels or real names', async () => {
    const save = async (button: string) => {
      const [download] = await Promise.all([lead.waitForEvent('download'), lead.getByRole('button', { name: button }).click()]);
      const file = await download.path();
      return { name: download.suggestedFilename(), bytes: fs.readFileSync(file) };
    };
    await lead.getByRole('radio', { name: 'Report labels' }).check();
    const labelled = await save('Download SVG');
    expect(labelled.name).toBe('genogram-report-labels.svg');
    const svg = labelled.bytes.toString('utf8');
    expect(svg).toContain('<svg');
    expect(svg).toContain('Mother');
    expect(svg).not.toContain('Jo Bloggs');
    expect(svg).not.toContain('Bloggs');

    await lead.getByRole('radio', { name: 'Real names' }).check();
    const named = await save('Download SVG');
    expect(named.bytes.toString('utf8')).toContain('Jo Bloggs');
    const png = await save('Download PNG');
    expect(png.name).toBe('genogram-names.png');
    expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  });

  it('shows an observer the drawing and the list, with nothing that edits', async () => {
    const { page: observer } = await e2e.signedIn(fx.observer.email, TEST_PASSWORD);
    await openGenogram(observer);
    await observer.getByText('Read only').waitFor();
    await node(observer, 'Jo Bloggs').waitFor();
    expect(await observer.getByRole('button', { name: 'Add a person' }).count()).toBe(0);
    await node(observer, 'Jo Bloggs').click();
    await observer.getByRole('heading', { level: 3, name: 'Jo Bloggs' }).waitFor();
    expect(await observer.getByRole('button', { name: 'Add a partner' }).count()).toBe(0);
    expect(await node(observer, 'Jo Bloggs').getAttribute('class')).not.toContain('draggable');
    await expectAxeClean(observer, 'the read-only genogram');
  });
});

/** The integrated chronology's rows, as the lead's browser reads them. */
async function fetchRows(): Promise<unknown[]> {
  return lead.evaluate(async (id) => {
    const res = await fetch(`/api/reviews/${id}/chronology`);
    return ((await res.json()) as { rows: unknown[] }).rows;
  }, fx.reviewId);
}
