import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { docName } from '../../shared/docNames.js';
import { readPeople } from '../../shared/peopleDoc.js';
import { createReviewWithMembers } from '../utils/factories.js';
import { TEST_ADMIN } from '../utils/testServer.js';
import { openDoc, synced } from '../utils/yjsClient.js';
import { WAIT, expectAxeClean, personRow, startE2e, waitForRegister, type E2e } from './harness.js';

/**
 * Issue 13 (no lost work), e2e: the session ends while someone is typing in the people register. The
 * page stays, with the half-filled form; sign-in happens in a dialog on the same page; afterwards the
 * typing carries on and the edit reaches the server.
 */

let e2e: E2e;
let fx: Awaited<ReturnType<typeof createReviewWithMembers>>;
let page: Page;
beforeAll(async () => {
  e2e = await startE2e();
  fx = await createReviewWithMembers(e2e.server.url);
  ({ page } = await e2e.signedIn(fx.lead.email, TEST_ADMIN.password));
});
afterAll(async () => {
  await e2e?.close();
});

/** The people register as the server holds it. */
async function serverNames(cookie: string): Promise<string[]> {
  const c = openDoc(e2e.server.url, docName({ reviewId: fx.reviewId, kind: 'people' }), cookie);
  try {
    await synced(c);
    return readPeople(c.doc).map((p) => p.name);
  } finally {
    c.destroy();
  }
}

describe('session expiry', () => {
  it('loses nothing typed when the session ends mid-edit: sign-in happens in a dialog and the work is sent after', async () => {
    await page.goto(`/reviews/${fx.reviewId}/people`);
    await waitForRegister(page);
    const userId = await page.evaluate(async () => ((await (await fetch('/api/me')).json()) as { user: { id: string } }).user.id);
    await page.getByRole('button', { name: 'Add a person' }).click();
    const panel = page.getByRole('dialog', { name: 'Add a person' });
    await panel.getByLabel('Name', { exact: true }).fill('Sasha Typed-During-Expiry');

    // The session ends on the server (as at the idle timeout): its sockets close and requests get 401.
    await e2e.server.deps.auth.endUserSessions(userId);
    const signIn = page.getByRole('dialog', { name: 'Your session has ended' });
    await signIn.waitFor(WAIT);
    expect(page.url()).toContain(`/reviews/${fx.reviewId}/people`);
    await expectAxeClean(page, 'sign-in dialog over the page');
    await signIn.getByLabel('Password').fill(TEST_ADMIN.password);
    await signIn.getByRole('button', { name: 'Sign in' }).click();
    await signIn.waitFor({ state: 'detached' });

    // The half-filled form is still there; the typing carries on and is saved.
    await expect.poll(() => panel.getByLabel('Name', { exact: true }).inputValue(), WAIT).toBe('Sasha Typed-During-Expiry');
    await panel.getByLabel('Relationship to the child').fill('Aunt');
    await panel.getByRole('button', { name: 'Add to register' }).click();
    await personRow(page, /Sasha Typed-During-Expiry/).waitFor();
    await page.getByTestId('sync-status').getByText('Connected. All changes saved.').waitFor(WAIT);
    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    expect(await serverNames(cookie)).toContain('Sasha Typed-During-Expiry');
  });
});
