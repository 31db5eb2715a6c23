import fs from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blankPerson } from '../../shared/people.js';
import { writePerson } from '../../shared/peopleDoc.js';
import { blankTeamFields, writeEntries, writeEntry, writeTeamFields, type ChronologyEntry } from '../../shared/chronology/index.js';
import { api } from '../utils/api.js';
import { createReviewWithMembers } from '../utils/factories.js';
import { TEST_ADMIN } from '../utils/testServer.js';
import { openDoc, synced, type TestClient } from '../utils/yjsClient.js';
import { describeFocus, expectAxeClean, startE2e, WAIT, type E2e } from './harness.js';

/**
 * The redaction review end to end (issue 14): the lead reviewer sees replacements and flags in
 * context, the download is refused while a flag is undecided, they decide each flag by keyboard
 * (change a replacement, accept a nickname's suggestion), and the Word file downloads clean. A long
 * list is paged by keyboard and decided in bulk: every replacement of one kind accepted at once, every
 * finding of one text marked as not identifying. axe-clean.
 */

/** Rows that are not key learning events: in the pseudonymised chronology only, each with its own phone number. */
const PHONE_ROWS = 30;

let e2e: E2e;
let fx: Awaited<ReturnType<typeof createReviewWithMembers>>;
const clients: TestClient[] = [];
const ENTRY_ID = 'entryREDACTE2E000001';
const open = (name: string, cookie: string) => {
  const c = openDoc(e2e.server.url, name, cookie);
  clients.push(c);
  return c;
};

beforeAll(async () => {
  e2e = await startE2e();
  fx = await createReviewWithMembers(e2e.server.url);
  const register = open(`review.${fx.reviewId}.people`, fx.lead.cookie);
  const chron = open(`review.${fx.reviewId}.chronology.${fx.agencies[0]!.id}`, fx.author.cookie);
  const team = open(`review.${fx.reviewId}.chronology-team`, fx.lead.cookie);
  await Promise.all([synced(register), synced(chron), synced(team)]);
  writePerson(register.doc, { ...blankPerson('p-mum'), name: 'Elizabeth Thornbury', relationship: 'Mother', reportLabel: 'Mother', addresses: ['12 Acacia Road, Northby'] });
  writeEntry(chron.doc, fx.agencies[0]!.id, {
    id: ENTRY_ID,
    agencyId: fx.agencies[0]!.id,
    date: { precision: 'day', year: 2021, month: 6, day: 5, uncertainty: 'none' },
    time: null,
    sequence: 0,
    source: 'Hospital notes',
    childContact: 'seen',
    childContactBy: '',
    familyContactIds: ['p-mum'],
    familyContactBy: '',
    keyEvent: 'Dr Okoro examined the child; Liz said he fell at 12 Acacia Rd.',
    comment: '',
    category: 'hospital-attendance',
  });
  writeTeamFields(team.doc, ENTRY_ID, { ...blankTeamFields(), keyLearning: true });
  const rows: ChronologyEntry[] = Array.from({ length: PHONE_ROWS }, (_, i) => ({
    id: `entryREDACTE2EPHONE${String(i).padStart(2, '0')}`,
    agencyId: fx.agencies[0]!.id,
    date: { precision: 'day', year: 2021, month: 7, day: 1 + i, uncertainty: 'none' },
    time: null,
    sequence: 0,
    source: 'Case notes',
    childContact: 'not-seen',
    childContactBy: '',
    familyContactIds: [],
    familyContactBy: '',
    keyEvent: i === 0 ? 'Dr Mensah called; Mensah said the clinic was closed.' : `Mother rang from 07700 900${String(100 + i).padStart(3, '0')}.`,
    comment: '',
    category: 'other',
  }));
  writeEntries(chron.doc, fx.agencies[0]!.id, rows);
  const end = Date.now() + WAIT.timeout;
  for (;;) {
    const res = await api(e2e.server.url, 'GET', `/api/reviews/${fx.reviewId}/export/redaction-review?output=report`, { cookie: fx.lead.cookie });
    if ((res.body.flags ?? []).length >= 2) break;
    if (Date.now() > end) throw new Error('timed out waiting for the flags');
    await new Promise((r) => setTimeout(r, WAIT.interval));
  }
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  await e2e?.close();
});

describe('redaction review', () => {
  it('pages a long list by keyboard and decides in bulk, audited like single decisions', async () => {
    const { page } = await e2e.signedIn(TEST_ADMIN.email, TEST_ADMIN.password);
    await page.goto(`/reviews/${fx.reviewId}/report?view=preview`);
    const review = page.getByRole('region', { name: 'Redaction review' });
    await review.getByRole('combobox', { name: 'Output to review' }).selectOption('chronology');
    // 29 phone numbers, the address and the name: more than one page of 25.
    await review.getByRole('heading', { name: /^Replacements: \d+$/ }).waitFor();
    await review.getByRole('combobox', { name: 'Show replacements of kind' }).selectOption({ label: `phone number (${PHONE_ROWS - 1})` });
    const pages = review.getByRole('navigation', { name: 'Replacements pages' });
    await pages.getByText(`Page 1 of 2 (${PHONE_ROWS - 1} replacements)`).waitFor();
    const list = review.getByRole('list', { name: /^Replacements, page/ });
    await expect.poll(() => list.locator('mark').count()).toBe(25);
    await expectAxeClean(page, 'redaction review, long list');

    // The last item is reachable: the next page, by keyboard.
    await pages.getByRole('button', { name: 'Next page of replacements' }).focus();
    await page.keyboard.press('Enter');
    await pages.getByText(`Page 2 of 2 (${PHONE_ROWS - 1} replacements)`).waitFor();
    await expect.poll(() => list.locator('mark').allInnerTexts()).toContain(`07700 900${100 + PHONE_ROWS - 1}`);
    expect(await list.locator('mark').count()).toBe(PHONE_ROWS - 1 - 25);

    // Accept every phone number at once (all pages), by keyboard.
    const bulk = review.getByRole('button', { name: `Accept all ${PHONE_ROWS - 1} phone number replacements shown` });
    await bulk.focus();
    await page.keyboard.press('Enter');
    await review
      .getByRole('status')
      .filter({ hasText: `${PHONE_ROWS - 1} decisions saved: ${PHONE_ROWS - 1} accepted.` })
      .waitFor();
    await review.getByRole('button', { name: 'Accept all 0 phone number replacements shown' }).waitFor();
    const listed = (await api(e2e.server.url, 'GET', `/api/reviews/${fx.reviewId}/export/redaction-review?output=chronology`, { cookie: fx.lead.cookie })).body;
    const phones = listed.replacements.filter((r: { kind: string }) => r.kind === 'phone');
    expect(phones).toHaveLength(PHONE_ROWS - 1);
    expect(phones.every((r: { decided: boolean }) => r.decided)).toBe(true);

    // "Mensah" is flagged twice (after a title, beside "said"): one bulk decision keeps both.
    const keep = review.getByRole('textbox', { name: 'Text to keep' });
    await keep.focus();
    await page.keyboard.type('mensah');
    await review.getByRole('button', { name: 'Mark all 2 findings as not identifying' }).focus();
    await page.keyboard.press('Enter');
    await review.getByRole('status').filter({ hasText: '2 decisions saved: mensah marked as not identifying everywhere.' }).waitFor();
    await review.getByText(/Marked as not identifying in this review: .*Mensah/).waitFor();
    await expectAxeClean(page, 'redaction review, after bulk decisions');

    // Each decision of a bulk action is audited on its own, as a single one is.
    const audit = JSON.stringify(await e2e.server.deps.audit.lines());
    for (const r of phones) expect(audit).toContain(`"targetId":"${r.id}","reason":"accept"`);
    expect(audit.match(/"reason":"not-identifying"/g)?.length ?? 0).toBeGreaterThanOrEqual(2);
    expect(audit).not.toContain('Mensah');
  });

  it('the lead reviewer resolves the flags by keyboard and downloads the report', async () => {
    const { page } = await e2e.signedIn(TEST_ADMIN.email, TEST_ADMIN.password);
    await page.goto(`/reviews/${fx.reviewId}/report?view=preview`);
    await page.getByRole('heading', { level: 4, name: 'Redaction review' }).waitFor();
    await page.getByRole('heading', { name: 'Possible names to decide: 2 not yet decided' }).waitFor();
    const review = page.getByRole('region', { name: 'Redaction review' });
    // Every flag and replacement is highlighted in its context, and named in words as well.
    await expect.poll(() => review.locator('mark').allInnerTexts()).toEqual(expect.arrayContaining(['Okoro', 'Liz', '12 Acacia Rd.']));
    await review.getByText('Possible name not in the people register').first().waitFor();
    await expectAxeClean(page, 'redaction review');

    // The download is refused while a flag is undecided.
    await page.getByRole('button', { name: 'Download .docx (Word)' }).click();
    await page.getByRole('alert').filter({ hasText: 'redaction review' }).waitFor();

    // Change the replacement for "Okoro", by keyboard.
    const change = page.getByRole('button', { name: 'Change replacement for Okoro' });
    await change.focus();
    await page.keyboard.press('Enter');
    const field = page.getByRole('textbox', { name: 'New replacement for Okoro' });
    await field.focus();
    await field.fill('the paediatrician');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Decision saved: replacement changed.' }).waitFor();

    // Accept the nickname's suggestion (the person's label), by keyboard.
    await page.getByRole('button', { name: 'Accept Mother for Liz' }).focus();
    expect(await describeFocus(page)).toMatch(/^BUTTON\|button\|Accept Mother for Liz/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Possible names to decide: none left' }).waitFor();
    await expectAxeClean(page, 'redaction review, all decided');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download .docx (Word)' }).click()]);
    expect(download.suggestedFilename()).toBe('draft-report.docx');
    const bytes = fs.readFileSync(await download.path());
    const text = strFromU8(unzipSync(new Uint8Array(bytes))['word/document.xml']!).replace(/<[^>]+>/g, '');
    expect(text).toContain('Dr the paediatrician examined the child; Mother said he fell at [address removed]');
    expect(text).not.toMatch(/Okoro|Liz|Elizabeth|Thornbury|Acacia/);
  });
});
