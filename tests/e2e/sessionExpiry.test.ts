import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { docName } from '../../shared/docNames.js';
import { readPeople } from '../../shared/peopleDoc.js';
import { readDraftDoc } from '../../shared/report/draftDoc.js';
import { createReviewWithMembers } from '../utils/factories.js';
import { TEST_ADMIN } from '../utils/testServer.js';
import { openDoc, synced } from '../utils/yjsClient.js';
import { WAIT, expectAxeClean, personRow, startE2e, waitForRegister, type E2e } from './harness.js';

/**
 * Issue 13 (no lost work), e2e: the session ends while someone is typing in the people register, and
 * in the report builder. The page stays, with the half-filled form or the half-written section; sign-in
 * happens in a dialog on the same page; afterwards the typing carries on and every word reaches the server.
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

/** The signed-in user's id, as the page knows it. */
function myId(): Promise<string> {
  return page.evaluate(async () => ((await (await fetch('/api/me')).json()) as { user: { id: string } }).user.id);
}

/** The page's session cookie, for a Yjs client reading what the server holds. */
async function pageCookie(): Promise<string> {
  return (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
}

/** Signs in again in the dialog the page shows when its session has ended, staying on `path`. */
async function signInAgain(path: string, what: string): Promise<void> {
  const signIn = page.getByRole('dialog', { name: 'Your session has ended' });
  await signIn.waitFor(WAIT);
  expect(page.url()).toContain(path);
  await expectAxeClean(page, what);
  await signIn.getByLabel('Password').fill(TEST_ADMIN.password);
  await signIn.getByRole('button', { name: 'Sign in' }).click();
  await signIn.waitFor({ state: 'detached' });
}

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
    const userId = await myId();
    await page.getByRole('button', { name: 'Add a person' }).click();
    const panel = page.getByRole('dialog', { name: 'Add a person' });
    await panel.getByLabel('Name', { exact: true }).fill('Sasha Typed-During-Expiry');

    // The session ends on the server (as at the idle timeout): its sockets close and requests get 401.
    await e2e.server.deps.auth.endUserSessions(userId);
    await signInAgain(`/reviews/${fx.reviewId}/people`, 'sign-in dialog over the page');

    // The half-filled form is still there; the typing carries on and is saved.
    await expect.poll(() => panel.getByLabel('Name', { exact: true }).inputValue(), WAIT).toBe('Sasha Typed-During-Expiry');
    await panel.getByLabel('Relationship to the child').fill('Aunt');
    await panel.getByRole('button', { name: 'Add to register' }).click();
    await personRow(page, /Sasha Typed-During-Expiry/).waitFor();
    await page.getByTestId('sync-status').getByText('Connected. All changes saved.').waitFor(WAIT);
    expect(await serverNames(await pageCookie())).toContain('Sasha Typed-During-Expiry');
  });

  it('loses nothing typed in the report builder when the session ends mid-sentence', async () => {
    await page.goto(`/reviews/${fx.reviewId}/report`);
    const intro = page.getByRole('textbox', { name: 'Introduction', exact: true });
    await intro.waitFor(WAIT);
    await page.getByTestId('sync-status').getByText('Connected. All changes saved.').waitFor(WAIT);
    const userId = await myId();
    await intro.focus();
    await page.keyboard.type('Typed before the session ended,');

    // The session ends while the section is half written: the socket closes and the page asks for sign-in.
    await e2e.server.deps.auth.endUserSessions(userId);
    await signInAgain(`/reviews/${fx.reviewId}/report`, 'sign-in dialog over the report builder');

    // The section still holds what was typed; the typing carries on and every word reaches the server.
    await expect.poll(() => intro.inputValue(), WAIT).toBe('Typed before the session ended,');
    await intro.focus();
    await intro.evaluate((el) => {
      const t = el as HTMLTextAreaElement;
      t.setSelectionRange(t.value.length, t.value.length);
    });
    await page.keyboard.type(' and after signing in again.');
    const want = 'Typed before the session ended, and after signing in again.';
    await expect.poll(() => intro.inputValue(), WAIT).toBe(want);
    await page.getByTestId('sync-status').getByText('Connected. All changes saved.').waitFor(WAIT);
    const c = openDoc(e2e.server.url, docName({ reviewId: fx.reviewId, kind: 'report' }), await pageCookie());
    try {
      await synced(c);
      expect(readDraftDoc(c.doc).introduction).toBe(want);
    } finally {
      c.destroy();
    }
  });
});
