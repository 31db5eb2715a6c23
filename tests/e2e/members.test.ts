import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { api } from '../utils/api.js';
import { createReviewWithMembers, TEST_PASSWORD } from '../utils/factories.js';
import { TEST_ADMIN } from '../utils/testServer.js';
import { WAIT, describeFocus, startE2e, waitForRegister, type E2e } from './harness.js';

/**
 * The members tab: the lead reviewer invites someone, copies the single-use link, the invitee accepts
 * it on /invite/:token and lands in the review signed in; the lead changes their role, and the
 * invitee's open register follows the change without a reload.
 */

let e2e: E2e;
let fx: Awaited<ReturnType<typeof createReviewWithMembers>>;
beforeAll(async () => {
  e2e = await startE2e();
  fx = await createReviewWithMembers(e2e.server.url);
});
afterAll(async () => {
  await e2e?.close();
});

describe('invitations and roles through the UI', () => {
  let lead: Page;
  let leadCtx: BrowserContext;
  let inviteUrl: string;
  let member: Page;
  const email = 'new.member@test.invalid';

  it('lets the lead reviewer create an invitation link and copy it', async () => {
    ({ page: lead, ctx: leadCtx } = await e2e.signedIn(fx.lead.email, TEST_ADMIN.password));
    await leadCtx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: e2e.server.url });
    await lead.goto(`/reviews/${fx.reviewId}/members`);
    await lead.getByRole('heading', { level: 2, name: 'Members and invitations' }).waitFor();
    const members = lead.getByRole('table', { name: 'Members of this review' });
    await members.getByRole('rowheader', { name: new RegExp(fx.team.name) }).waitFor();

    await lead.getByLabel('Email address').fill(email);
    await lead.getByLabel('Role', { exact: true }).selectOption('review-team');
    await lead.getByRole('button', { name: 'Create invitation link' }).click();
    const link = lead.getByLabel('Invitation link');
    await link.waitFor();
    inviteUrl = await link.inputValue();
    expect(inviteUrl).toMatch(new RegExp(`^${e2e.server.url}/invite/[A-Za-z0-9_-]{43}$`));
    await lead.getByRole('button', { name: 'Copy link' }).click();
    await lead.getByText('Link copied to the clipboard.').waitFor();
    expect(await lead.evaluate(() => navigator.clipboard.readText())).toBe(inviteUrl);

    // Inviting a current member is refused, and the problem points at the email address.
    await lead.getByLabel('Email address').fill(fx.team.email);
    await lead.getByLabel('Role', { exact: true }).selectOption('observer');
    await lead.getByRole('button', { name: 'Create invitation link' }).click();
    const problem = lead.getByRole('alert').filter({ hasText: 'There is a problem' }).getByRole('link');
    await problem.waitFor();
    expect(await problem.getAttribute('href')).toBe('#invite-email');
  });

  it('accepts the invitation on /invite/:token, signs the invitee in and opens the review', async () => {
    const opened = await e2e.open();
    member = opened.page;
    await member.goto(inviteUrl);
    await member.getByRole('heading', { level: 1, name: 'Accept your invitation' }).waitFor();
    await member.getByText(/You have been invited to Test review as review team member\./).waitFor();
    expect(await member.locator('dd').first().innerText()).toBe(email);

    await member.getByLabel('Your full name').fill('Morgan Member');
    await member.getByLabel('Create a password').fill(TEST_PASSWORD);
    await member.getByLabel('Type the password again').fill('something else entirely');
    await member.getByRole('button', { name: 'Accept and join the review' }).click();
    await member.getByRole('link', { name: 'The passwords do not match' }).waitFor();

    await member.getByLabel('Type the password again').fill(TEST_PASSWORD);
    await member.getByRole('button', { name: 'Accept and join the review' }).click();
    await member.getByRole('heading', { level: 1, name: 'Test review' }).waitFor();
    await member.getByText('Signed in as').getByText('Morgan Member').waitFor();
    expect(new URL(member.url()).pathname).toBe(`/reviews/${fx.reviewId}/overview`);

    // The link works once.
    const again = await e2e.open();
    await again.page.goto(inviteUrl);
    await again.page.getByText('This invitation cannot be used').waitFor();
    expect(await again.page.getByLabel('Your full name').count()).toBe(0);
  });

  it("asks someone who already has an account for that account's password, then joins them to the review", async () => {
    // The outsider already has an account (they belong to another review).
    const inv = await api(e2e.server.url, 'POST', `/api/reviews/${fx.reviewId}/invitations`, {
      cookie: fx.lead.cookie,
      body: { email: fx.outsider.email, role: 'review-team' },
    });
    expect(inv.status).toBe(201);
    const { page } = await e2e.open();
    await page.goto(`/invite/${inv.body.token}`);
    await page.getByLabel('Your full name').fill(fx.outsider.name);
    await page.getByLabel('Create a password').fill('a different password entirely');
    await page.getByLabel('Type the password again').fill('a different password entirely');
    await page.getByRole('button', { name: 'Accept and join the review' }).click();
    const problem = page.getByRole('alert').filter({ hasText: 'There is a problem' }).getByRole('link');
    await problem.waitFor();
    expect(await problem.getAttribute('href')).toBe('#invite-password');
    expect(await problem.innerText()).toMatch(/already exists/);

    await page.getByLabel('Create a password').fill(TEST_PASSWORD);
    await page.getByLabel('Type the password again').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Accept and join the review' }).click();
    await page.getByRole('heading', { level: 1, name: 'Test review' }).waitFor();
    await page.getByRole('link', { name: 'Your reviews', exact: true }).click();
    // Both reviews are now in their list.
    await page.getByRole('list', { name: 'Reviews' }).getByRole('link', { name: 'Another review' }).waitFor();
    await page.getByRole('list', { name: 'Reviews' }).getByRole('link', { name: 'Test review' }).waitFor();
    // A review team member may not start reviews, so the list does not offer it.
    expect(await page.getByRole('link', { name: 'Create a review' }).count()).toBe(0);
  });

  it("changes a member's role; their open register becomes read-only without a reload", async () => {
    await member.goto(`/reviews/${fx.reviewId}/people`);
    await waitForRegister(member);
    await member.getByRole('button', { name: 'Add a person' }).waitFor();

    await lead.reload();
    const row = lead.getByRole('row').filter({ has: lead.getByRole('rowheader', { name: /Morgan Member/ }) });
    await row.getByRole('button', { name: 'Change role for Morgan Member' }).click();
    const select = lead.getByLabel('New role for Morgan Member');
    await select.waitFor();
    expect(await lead.evaluate(() => document.activeElement?.id)).toMatch(/^role-.*-role$/);
    await select.selectOption('observer');
    await lead.getByRole('button', { name: 'Save role' }).click();
    await lead.getByText('Morgan Member is now observer.').waitFor();
    await expect.poll(() => describeFocus(lead), WAIT).toBe('BUTTON|button|Change role for Morgan Member');
    expect(await row.locator('td').nth(1).innerText()).toBe('Observer');

    // The server closed the member's socket; the page re-reads the role and hides every edit control.
    await member.getByText('Read only').waitFor();
    expect(await member.getByRole('button', { name: 'Add a person' }).count()).toBe(0);
    const members = await api(e2e.server.url, 'GET', `/api/reviews/${fx.reviewId}/members`, { cookie: fx.lead.cookie });
    expect(members.body.members.find((m: { email: string }) => m.email === email)?.role).toBe('observer');
  });

  it('refuses to remove the last lead reviewer, with the reason shown beside the form', async () => {
    const self = lead.getByRole('row').filter({ has: lead.getByRole('rowheader', { name: /\(you\)/ }) });
    await self.getByRole('button', { name: /^Change role for/ }).click();
    await lead.getByLabel(/^New role for/).selectOption('review-team');
    await lead.getByRole('button', { name: 'Save role' }).click();
    await lead.getByRole('alert').filter({ hasText: 'at least one lead reviewer' }).waitFor();
    await lead.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => describeFocus(lead), WAIT).toMatch(/^BUTTON\|button\|Change role for /);
  });
});
