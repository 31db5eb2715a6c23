import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { api } from '../utils/api.js';
import { createReviewWithMembers, inviteAndAccept, TEST_PASSWORD } from '../utils/factories.js';
import { TEST_ADMIN } from '../utils/testServer.js';
import { WAIT, describeFocus, expectAxeClean, startE2e, waitForRegister, type E2e } from './harness.js';

/**
 * Issue 17, members (item 5): the lead reviewer sees the invitations sent with their state and sent
 * date, revokes a pending one after confirming (its link then says it was withdrawn), and removes a
 * member after confirming; the removed member's open page loses the review at once.
 */

const SHOTS = path.resolve('test-results/screenshots');
let e2e: E2e;
let fx: Awaited<ReturnType<typeof createReviewWithMembers>>;
let lead: Page;
beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  e2e = await startE2e();
  fx = await createReviewWithMembers(e2e.server.url);
  ({ page: lead } = await e2e.signedIn(fx.lead.email, TEST_ADMIN.password));
});
afterAll(async () => {
  await e2e?.close();
});

/** Today as the list shows it, DD/MM/YYYY (the tests run with TZ=UTC). */
const today = () => new Date().toISOString().slice(0, 10).split('-').reverse().join('/');

describe('sent invitations', () => {
  it('lists every invitation with its role, sent date and state', async () => {
    await lead.goto(`/reviews/${fx.reviewId}/members`);
    const table = lead.getByRole('table', { name: 'Invitations sent for this review' });
    await table.waitFor();
    // The factory's four accepted invitations.
    await expect.poll(() => table.getByRole('row').filter({ hasText: 'Accepted' }).count(), WAIT).toBe(4);
    const observerRow = table.getByRole('row').filter({ has: lead.getByRole('rowheader', { name: fx.observer.email }) });
    expect(await observerRow.locator('td').nth(0).innerText()).toBe('Observer');
    expect(await observerRow.locator('td').nth(1).innerText()).toBe(today());
    expect(await observerRow.getByRole('button').count()).toBe(0);
    await expectAxeClean(lead, 'members page with sent invitations');
  });

  const email = 'not.needed@test.invalid';
  let link: string;
  const row = () =>
    lead
      .getByRole('table', { name: 'Invitations sent for this review' })
      .getByRole('row')
      .filter({ has: lead.getByRole('rowheader', { name: email }) });

  it('asks before revoking a pending invitation, and keeping it changes nothing', async () => {
    await lead.getByLabel('Email address').fill(email);
    await lead.getByLabel('Role', { exact: true }).selectOption('observer');
    await lead.getByRole('button', { name: 'Create invitation link' }).click();
    link = await lead.getByLabel('Invitation link').inputValue();
    await lead.getByText(`Invitation link for ${email}`).waitFor();
    await row().getByText('Pending').waitFor();
    expect(await row().locator('td').nth(2).innerText()).toMatch(/^Pending\s*Link valid until \d{2}\/\d{2}\/\d{4}$/);

    // Keeping it changes nothing and puts focus back on the button.
    await row()
      .getByRole('button', { name: `Revoke the invitation for ${email}` })
      .click();
    await row().getByText(`Revoke the invitation for ${email}?`).waitFor();
    await expectAxeClean(lead, 'revoke confirmation');
    await row()
      .getByRole('button', { name: /^Keep it/ })
      .click();
    await expect.poll(() => describeFocus(lead), WAIT).toBe(`BUTTON|button|Revoke the invitation for ${email}`);
    expect(await row().getByText('Pending').count()).toBe(1);
    expect(await lead.getByLabel('Invitation link').inputValue()).toBe(link);
  });

  it('revokes it once confirmed, and its link then says it was withdrawn', async () => {
    await row()
      .getByRole('button', { name: `Revoke the invitation for ${email}` })
      .click();
    await row()
      .getByRole('button', { name: `Yes, revoke the invitation for ${email}` })
      .click();
    await lead.getByText(`The invitation for ${email} has been revoked. Its link no longer works.`).waitFor();
    await row().getByText('Revoked').waitFor();
    expect(await row().getByRole('button').count()).toBe(0);
    // The one-time link box of that invitation goes with it: its link no longer works.
    await expect.poll(() => lead.getByLabel('Invitation link').count(), WAIT).toBe(0);
    expect(await lead.getByText(`Invitation link for ${email}`).count()).toBe(0);
    await expectAxeClean(lead, 'members page after a revocation');
    await lead.screenshot({ path: path.join(SHOTS, 'members-invitations.png'), fullPage: true });

    const { page } = await e2e.open();
    await page.goto(link);
    await page.getByText('This invitation cannot be used').waitFor();
    await page.getByText(/withdrawn by the lead reviewer/).waitFor();
    expect(await page.getByLabel('Your full name').count()).toBe(0);
    await expectAxeClean(page, 'revoked invitation link');
  });
});

describe('a long email address', () => {
  // 60 characters, as some council addresses are.
  const email = 'christopher.alexander.montgomery-smythe@exampleboroughs.test';
  const row = () =>
    lead
      .getByRole('table', { name: 'Invitations sent for this review' })
      .getByRole('row')
      .filter({ has: lead.getByRole('rowheader', { name: email }) });

  /**
   * Every part of the invitations panel that scrolls sideways (scrollWidth past clientWidth), with its
   * widths: the page, both panels, the new link's notice and the email's own cell. The sent table
   * itself may scroll inside its focusable region on a phone, as data tables may (WCAG 1.4.10), but
   * not at desktop width (`tableToo`).
   */
  const overflowing = (tableToo: boolean) =>
    lead.evaluate(
      ([address, table]) => {
        const parts = [
          document.documentElement,
          document.querySelector('section[aria-labelledby="invite-heading"]'),
          document.querySelector('section[aria-labelledby="invitations-heading"]'),
          ...(table ? [document.querySelector('section[aria-labelledby="invitations-heading"] .table-wrap')] : []),
          ...[...document.querySelectorAll('.notice')].filter((n) => n.textContent?.includes('Invitation link for')),
          ...[...document.querySelectorAll('th[scope="row"]')].filter((n) => n.textContent === address),
        ];
        if (parts.some((p) => !p)) return ['a part of the panel is missing'];
        if (parts.length < (table ? 6 : 5)) return ['a part of the panel is missing'];
        return parts.filter((p) => p!.scrollWidth > p!.clientWidth).map((p) => `${p!.tagName}.${p!.className}: ${p!.scrollWidth} > ${p!.clientWidth}`);
      },
      [email, tableToo] as const,
    );

  it('wraps in the invitations panel at 1280 and 320 pixels wide, with no sideways scrolling', async () => {
    expect(email).toHaveLength(60);
    await lead.setViewportSize({ width: 1280, height: 900 });
    await lead.goto(`/reviews/${fx.reviewId}/members`);
    await lead.getByLabel('Email address').fill(email);
    await lead.getByLabel('Role', { exact: true }).selectOption('observer');
    await lead.getByRole('button', { name: 'Create invitation link' }).click();
    await lead.getByText(`Invitation link for ${email}`).waitFor();
    await row().getByText('Pending').waitFor();
    for (const width of [1280, 320]) {
      await lead.setViewportSize({ width, height: 900 });
      expect(await overflowing(width >= 1280), `at ${width} px`).toEqual([]);
      await expectAxeClean(lead, `invitations with a long email at ${width} px`);
    }
    // The revoke confirmation names the address too.
    await row()
      .getByRole('button', { name: `Revoke the invitation for ${email}` })
      .click();
    await row().getByText(`Revoke the invitation for ${email}?`).waitFor();
    expect(await overflowing(false), 'revoke confirmation at 320 px').toEqual([]);
    await expectAxeClean(lead, 'revoke confirmation with a long email at 320 px');
    await lead.screenshot({ path: path.join(SHOTS, 'members-long-email-320.png'), fullPage: true });
    await row()
      .getByRole('button', { name: /^Keep it/ })
      .click();
    await lead.setViewportSize({ width: 1280, height: 900 });
  });
});

describe('removing a member', () => {
  let leaving: Awaited<ReturnType<typeof inviteAndAccept>>;
  let theirs: Page;
  const row = () =>
    lead
      .getByRole('table', { name: 'Members of this review' })
      .getByRole('row')
      .filter({ has: lead.getByRole('rowheader', { name: leaving.name }) });

  it('asks first, and keeping them changes nothing', async () => {
    leaving = await inviteAndAccept(e2e.server.url, fx.lead.cookie, fx.reviewId, 'review-team');
    ({ page: theirs } = await e2e.signedIn(leaving.email, TEST_PASSWORD));
    await theirs.goto(`/reviews/${fx.reviewId}/people`);
    await waitForRegister(theirs);

    await lead.reload();
    await row().waitFor();
    // Nobody is offered a button to remove themselves.
    const members = lead.getByRole('table', { name: 'Members of this review' });
    const self = members.getByRole('row').filter({ has: lead.getByRole('rowheader', { name: /\(you\)/ }) });
    expect(await self.getByRole('button', { name: /^Remove/ }).count()).toBe(0);

    await row()
      .getByRole('button', { name: `Remove ${leaving.name} from the review` })
      .click();
    await row().getByText(`Remove ${leaving.name} from this review?`).waitFor();
    await expect.poll(() => describeFocus(lead), WAIT).toMatch(/^P\|/);
    await expectAxeClean(lead, 'remove-member confirmation');
    await row()
      .getByRole('button', { name: `Keep ${leaving.name}` })
      .click();
    await expect.poll(() => describeFocus(lead), WAIT).toBe(`BUTTON|button|Remove ${leaving.name} from the review`);
  });

  it('removes them once confirmed, and their open page loses the review at once', async () => {
    await row()
      .getByRole('button', { name: `Remove ${leaving.name} from the review` })
      .click();
    await row()
      .getByRole('button', { name: `Yes, remove ${leaving.name}` })
      .click();
    await lead.getByText(`${leaving.name} has been removed from the review.`).waitFor();
    await expect.poll(() => row().count(), WAIT).toBe(0);
    await expect.poll(() => describeFocus(lead), WAIT).toMatch(/Members and invitations/);
    const after = await api(e2e.server.url, 'GET', `/api/reviews/${fx.reviewId}/members`, { cookie: fx.lead.cookie });
    expect(after.body.members.some((m: { userId: string }) => m.userId === leaving.userId)).toBe(false);

    // Their socket was closed; the page re-checks access, which the server now refuses.
    await theirs.getByText('This review could not be opened').waitFor();
    await theirs.getByText('It does not exist, or you are not a member of it.').waitFor();
  });

  it('is axe-clean after the removal, for the lead reviewer and for the removed member', async () => {
    await expectAxeClean(lead, 'members page after a removal');
    await expectAxeClean(theirs, "the removed member's page");
  });
});
