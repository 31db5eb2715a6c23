import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Page } from 'playwright-core';
import { api, login } from '../utils/api.js';
import { TEST_ADMIN } from '../utils/testServer.js';
import { expectAxeClean, startE2e, type E2e } from './harness.js';

/** Issue 17 (item 5): a new review's empty pages say what to do first, and are axe-clean. */

let e2e: E2e;
let lead: Page;
let reviewId: string;
beforeAll(async () => {
  e2e = await startE2e();
  const cookie = await login(e2e.server.url);
  const created = await api(e2e.server.url, 'POST', '/api/reviews', {
    cookie,
    body: { title: 'New review', kind: 'lcspr', childPseudonym: 'Child N', referralDate: '02/11/2026' },
  });
  reviewId = created.body.id;
  ({ page: lead } = await e2e.signedIn(TEST_ADMIN.email, TEST_ADMIN.password));
});
afterAll(async () => {
  await e2e?.close();
});

describe("a new review's empty pages", () => {
  it('Agencies says to add each agency with the form, then invite its authors', async () => {
    await lead.goto(`/reviews/${reviewId}/agencies`);
    await lead.getByText(/No agencies have been added yet\. Add each agency taking part with the form below; then invite its authors on the Members page/).waitFor();
    await expectAxeClean(lead, 'empty agencies page');
  });

  it('Evidence says to add the agencies first', async () => {
    await lead.goto(`/reviews/${reviewId}/evidence`);
    await lead.getByText(/No evidence has been requested yet\. Add the agencies taking part on the Agencies page first/).waitFor();
    await expectAxeClean(lead, 'empty evidence page');
  });

  it('Members lists no invitations and says where they will appear', async () => {
    await lead.goto(`/reviews/${reviewId}/members`);
    await lead.getByText(/No invitations have been sent yet\. Use the form below to invite someone/).waitFor();
    await expectAxeClean(lead, 'members page without invitations');
  });
});
