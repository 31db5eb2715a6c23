import fs from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blankPerson } from '../../shared/people.js';
import { writePerson } from '../../shared/peopleDoc.js';
import { blankTeamFields, writeEntry, writeTeamFields } from '../../shared/chronology/index.js';
import { api } from '../utils/api.js';
import { createReviewWithMembers } from '../utils/factories.js';
import { TEST_ADMIN } from '../utils/testServer.js';
import { openDoc, synced, type TestClient } from '../utils/yjsClient.js';
import { describeFocus, expectAxeClean, startE2e, WAIT, type E2e } from './harness.js';

/**
 * The redaction review end to end (issue 14): the lead reviewer sees replacements and flags in
 * context, the download is refused while a flag is undecided, they decide each flag by keyboard
 * (change a replacement, accept a nickname's suggestion), and the Word file downloads clean. axe-clean.
 */

let e2e: E2e;
let fx: Awaited<ReturnType<typeof createReviewWithMembers>>;
const clients: TestClient[] = [];
const ENTRY_ID = 'entryREDACTE2E000001';
const open = (name: string, cookie: string) => { const c = openDoc(e2e.server.url, name, cookie); clients.push(c); return c; };

beforeAll(async () => {
  e2e = await startE2e();
  fx = await createReviewWithMembers(e2e.server.url);
  const register = open(`review.${fx.reviewId}.people`, fx.lead.cookie);
  const chron = open(`review.${fx.reviewId}.chronology.${fx.agencies[0]!.id}`, fx.author.cookie);
  const team = open(`review.${fx.reviewId}.chronology-team`, fx.lead.cookie);
  await Promise.all([synced(register), synced(chron), synced(team)]);
  writePerson(register.doc, { ...blankPerson('p-mum'), name: 'Elizabeth Thornbury', relationship: 'Mother', reportLabel: 'Mother', addresses: ['12 Acacia Road, Northby'] });
  writeEntry(chron.doc, fx.agencies[0]!.id, {
    id: ENTRY_ID, agencyId: fx.agencies[0]!.id, date: { precision: 'day', year: 2021, month: 6, day: 5, uncertainty: 'none' }, time: null, sequence: 0,
    source: 'Hospital notes', childContact: 'seen', childContactBy: '', familyContactIds: ['p-mum'], familyContactBy: '',
    keyEvent: 'Dr Okoro examined the child; Liz said he fell at 12 Acacia Rd.', comment: '', category: 'hospital-attendance',
  });
  writeTeamFields(team.doc, ENTRY_ID, { ...blankTeamFields(), keyLearning: true });
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
