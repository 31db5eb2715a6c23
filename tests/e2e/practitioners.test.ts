import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createReviewWithMembers, TEST_PASSWORD } from '../utils/factories.js';
import { WAIT, describeFocus, expectAxeClean, startE2e, tabTo, waitForRegister, type E2e } from './harness.js';

/**
 * Practitioners named in the chronology, end to end: an agency author lists a practitioner with the
 * keyboard (fixing what the form reports first), edits the role and removes them; another agency's
 * author sees the list live and cannot change it; axe finds nothing.
 */

let e2e: E2e;
let fx: Awaited<ReturnType<typeof createReviewWithMembers>>;
let pol: Page;
let icb: Page;

const group = (page: Page, code: string) => page.getByTestId(`practitioners-${code}`);

/** Opens the chronology tab and waits until the practitioners section is drawn. */
async function openChronology(page: Page): Promise<void> {
  await page.goto(`/reviews/${fx.reviewId}/chronology`);
  await waitForRegister(page);
  await page.getByRole('heading', { level: 3, name: 'Practitioners named in the chronology' }).waitFor();
}

beforeAll(async () => {
  e2e = await startE2e();
  fx = await createReviewWithMembers(e2e.server.url);
  ({ page: pol } = await e2e.signedIn(fx.author.email, TEST_PASSWORD));
  ({ page: icb } = await e2e.signedIn(fx.author2.email, TEST_PASSWORD));
  await Promise.all([openChronology(pol), openChronology(icb)]);
});
afterAll(async () => {
  await e2e?.close();
});

describe('practitioners named in the chronology', () => {
  it('an author lists, edits and removes their own practitioner by keyboard; another agency sees it live but cannot change it', async () => {
    // Only the author's own agency offers to add; the form opens with focus on the name.
    expect(await pol.getByRole('button', { name: 'Add a practitioner for ICB' }).count()).toBe(0);
    await pol.getByRole('button', { name: 'Add a practitioner for POL' }).focus();
    await pol.keyboard.press('Enter');
    const form = pol.getByRole('form', { name: 'Add a POL practitioner' });
    await form.waitFor();
    await expect.poll(() => describeFocus(pol), WAIT).toBe('INPUT|text|Practitioner’s name');
    // Nothing entered: both fields say what is missing.
    await tabTo(pol, /^BUTTON\|submit\|Add practitioner$/);
    await pol.keyboard.press('Enter');
    await expect.poll(() => form.innerText(), WAIT).toContain('Enter the practitioner’s name');
    expect(await form.innerText()).toContain('Enter the practitioner’s role');

    await form.getByLabel('Practitioner’s name').focus();
    await pol.keyboard.type('Janet Okafor');
    await tabTo(pol, /^INPUT\|text\|Role$/);
    await pol.keyboard.type('Detective Constable');
    await pol.keyboard.press('Enter');
    const row = group(pol, 'POL').getByRole('row').filter({ hasText: 'Janet Okafor' });
    await row.waitFor();
    expect(await row.innerText()).toContain('Detective Constable (POL)');
    // The form closes and focus returns to the button that opened it.
    await expect.poll(() => describeFocus(pol), WAIT).toBe('BUTTON|button|Add a practitioner for POL');

    // The other agency's author sees it arrive, with no controls for it and no POL form.
    const seen = group(icb, 'POL').getByRole('row').filter({ hasText: 'Janet Okafor' });
    await seen.waitFor(WAIT);
    expect(await group(icb, 'POL').getByRole('button').count()).toBe(0);
    expect(await icb.getByRole('button', { name: 'Add a practitioner for POL' }).count()).toBe(0);
    await expectAxeClean(pol, 'practitioners section');

    // Edit the role with the keyboard.
    await row.getByRole('button', { name: 'Edit Janet Okafor' }).focus();
    await pol.keyboard.press('Enter');
    const edit = pol.getByRole('form', { name: 'Edit a POL practitioner' });
    await edit.waitFor();
    await edit.getByLabel('Role').focus();
    await pol.keyboard.press('ControlOrMeta+a');
    await pol.keyboard.type('Detective Sergeant');
    await tabTo(pol, /^BUTTON\|submit\|Save practitioner$/);
    await pol.keyboard.press('Enter');
    await expect.poll(() => seen.innerText(), WAIT).toContain('Detective Sergeant (POL)');

    await row.getByRole('button', { name: 'Remove Janet Okafor' }).focus();
    expect(await describeFocus(pol)).toMatch(/^BUTTON\|button\|Remove/);
    await pol.keyboard.press('Enter');
    await expect.poll(() => group(icb, 'POL').count(), WAIT).toBe(0);
    await expectAxeClean(icb, 'practitioners section, other agency');
  });
});
