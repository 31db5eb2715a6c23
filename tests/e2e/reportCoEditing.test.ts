import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page, WebSocketRoute } from 'playwright-core';
import { docName } from '../../shared/docNames.js';
import { readDraftDoc } from '../../shared/report/draftDoc.js';
import type { ReportDraft } from '../../shared/report/draft.js';
import { createReviewWithMembers, inviteAndAccept, TEST_PASSWORD, type Actor } from '../utils/factories.js';
import { TEST_ADMIN } from '../utils/testServer.js';
import { openDoc, synced, type TestClient } from '../utils/yjsClient.js';
import { expectAxeClean, startE2e, WAIT, type E2e } from './harness.js';

/**
 * Issue 13 (no lost work), e2e: the report draft is a co-edited document. Two lead reviewers type in
 * one section at once and in different sections, and every word survives on both pages and on the
 * server; text typed with the connection down survives a reload and reaches the server when it is back.
 * The action plan's long fields are collaborative text too.
 */

let e2e: E2e;
let fx: Awaited<ReturnType<typeof createReviewWithMembers>>;
let colead: Actor;
let ctxA: BrowserContext;
let a: Page;
let b: Page;
let watcher: TestClient;
/** While true, every /yjs WebSocket the first browser opens is closed at once: its network is down. */
let offline = false;
const routed = new Set<WebSocketRoute>();

beforeAll(async () => {
  e2e = await startE2e();
  fx = await createReviewWithMembers(e2e.server.url);
  colead = await inviteAndAccept(e2e.server.url, fx.admin.cookie, fx.reviewId, 'lead-reviewer');
  ({ ctx: ctxA, page: a } = await e2e.signedIn(TEST_ADMIN.email, TEST_ADMIN.password));
  await ctxA.routeWebSocket(/\/yjs\//, (ws) => {
    if (offline) {
      void ws.close();
      return;
    }
    routed.add(ws);
    ws.connectToServer();
  });
  ({ page: b } = await e2e.signedIn(colead.email, TEST_PASSWORD));
  watcher = openDoc(e2e.server.url, docName({ reviewId: fx.reviewId, kind: 'report' }), fx.lead.cookie);
  await synced(watcher);
}, 120_000);
afterAll(async () => {
  watcher?.destroy();
  await e2e?.close();
});

const field = (page: Page, label: string) => page.getByRole('textbox', { name: label, exact: true });
const status = (page: Page) => page.getByTestId('sync-status');
/** The draft as the server holds it, through a real Yjs client that has been open all along. */
const onServer = (): ReportDraft => readDraftDoc(watcher.doc);

/** How many updates the browser's local copies (y-indexeddb) of report docs hold. */
const localCopyUpdates = (page: Page): Promise<number> =>
  page.evaluate(async () => {
    let n = 0;
    for (const { name } of await indexedDB.databases()) {
      if (!name?.endsWith('.report')) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open(name);
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      if (db.objectStoreNames.contains('updates')) {
        n += await new Promise<number>((resolve, reject) => {
          const r = db.transaction('updates').objectStore('updates').count();
          r.onsuccess = () => resolve(r.result);
          r.onerror = () => reject(r.error);
        });
      }
      db.close();
    }
    return n;
  });

/**
 * Waits until the local copy has stored what was typed: its update count no longer grows over three
 * reads. A reload a few milliseconds after a keystroke can still lose it, as in any browser app; this
 * test is about what the local copy keeps, not about that race.
 */
async function localCopySettled(page: Page): Promise<void> {
  let last = -1;
  let same = 0;
  for (let i = 0; i < 100 && same < 3; i++) {
    const n = await localCopyUpdates(page);
    same = n === last && n > 0 ? same + 1 : 0;
    last = n;
    await page.waitForTimeout(100);
  }
  expect(same).toBe(3);
}

/** Opens the builder and waits until the page has the server's copy and nothing unsaved. */
async function openBuilder(page: Page): Promise<void> {
  await page.goto(`/reviews/${fx.reviewId}/report`);
  await field(page, 'Introduction').waitFor(WAIT);
  await status(page).getByText('Connected. All changes saved.').waitFor(WAIT);
}

/** Puts the caret at the start or end of a text field. */
async function caretAt(page: Page, label: string, where: 'start' | 'end'): Promise<void> {
  await field(page, label).focus();
  await field(page, label).evaluate((el, at) => {
    const t = el as HTMLTextAreaElement;
    const i = at === 'start' ? 0 : t.value.length;
    t.setSelectionRange(i, i);
  }, where);
}

describe('the report draft, co-edited', () => {
  it('merges two lead reviewers typing in one section and in different sections, on both pages and on the server', async () => {
    await openBuilder(a);
    await openBuilder(b);

    await caretAt(a, 'Introduction', 'end');
    await a.keyboard.type('Alpha begins.');
    await expect.poll(() => field(b, 'Introduction').inputValue(), WAIT).toBe('Alpha begins.');
    // The other lead reviewer is shown, by name, in the presence list and at their caret, in words.
    await expect.poll(() => b.getByTestId('presence-list').textContent(), WAIT).toContain(`${fx.lead.name} – in Introduction`);
    await expect.poll(() => b.getByTestId('report-introduction-others').textContent(), WAIT).toContain(`${fx.lead.name} is typing here`);
    await expectAxeClean(b, 'report builder with a co-author typing');

    // Both type in the same section at once, one at its start and one at its end.
    await caretAt(b, 'Introduction', 'end');
    await caretAt(a, 'Introduction', 'start');
    await Promise.all([a.keyboard.type('Start: ', { delay: 25 }), b.keyboard.type(' Bravo ends.', { delay: 25 })]);
    // And in different sections at once.
    await caretAt(a, 'Good practice', 'end');
    await caretAt(b, 'Executive summary', 'end');
    await Promise.all([a.keyboard.type('Alpha on good practice.', { delay: 25 }), b.keyboard.type('Bravo summary.', { delay: 25 })]);

    const want = { introduction: 'Start: Alpha begins. Bravo ends.', goodPractice: 'Alpha on good practice.', executiveSummary: 'Bravo summary.' };
    for (const page of [a, b]) {
      await expect.poll(() => field(page, 'Introduction').inputValue(), WAIT).toBe(want.introduction);
      await expect.poll(() => field(page, 'Good practice').inputValue(), WAIT).toBe(want.goodPractice);
      await expect.poll(() => field(page, 'Executive summary').inputValue(), WAIT).toBe(want.executiveSummary);
      await status(page).getByText('Connected. All changes saved.').waitFor(WAIT);
    }
    await expect.poll(() => onServer().introduction, WAIT).toBe(want.introduction);
    expect(onServer()).toMatchObject(want);
  }, 240_000);

  it('keeps text typed with the connection down across a reload, and sends it once the connection is back', async () => {
    a.on('dialog', (d) => void d.accept());
    offline = true;
    for (const ws of routed) await ws.close();
    routed.clear();
    await status(a)
      .getByText(/^Connection lost/)
      .waitFor(WAIT);

    await caretAt(a, 'About the child', 'end');
    await a.keyboard.type('Typed offline, kept over a reload.');
    await status(a)
      .getByText(/waiting to be saved/)
      .waitFor(WAIT);
    await localCopySettled(a);
    await a.reload();
    // The browser's own copy brings the text back before any connection.
    await expect.poll(() => field(a, 'About the child').inputValue(), WAIT).toBe('Typed offline, kept over a reload.');
    expect(onServer().aboutTheChild).toBe('');
    await expectAxeClean(a, 'report builder offline after a reload');

    offline = false;
    await status(a).getByText('Connected. All changes saved.').waitFor(WAIT);
    await expect.poll(() => onServer().aboutTheChild, WAIT).toBe('Typed offline, kept over a reload.');
    await expect.poll(() => field(b, 'About the child').inputValue(), WAIT).toBe('Typed offline, kept over a reload.');
    // Nothing typed before was lost on the way.
    expect(onServer().introduction).toBe('Start: Alpha begins. Bravo ends.');
  }, 240_000);

  it('merges two lead reviewers typing in one action plan field at once', async () => {
    await a.getByRole('button', { name: 'Add a recommendation' }).click();
    await a.getByRole('button', { name: 'Add an action plan row' }).click();
    for (const page of [a, b]) await field(page, 'Agreed actions').waitFor(WAIT);
    await caretAt(a, 'Agreed actions', 'end');
    await a.keyboard.type('Audit referrals.');
    await expect.poll(() => field(b, 'Agreed actions').inputValue(), WAIT).toBe('Audit referrals.');

    await caretAt(b, 'Agreed actions', 'end');
    await caretAt(a, 'Agreed actions', 'start');
    await Promise.all([a.keyboard.type('First: ', { delay: 25 }), b.keyboard.type(' Then train staff.', { delay: 25 })]);
    const want = 'First: Audit referrals. Then train staff.';
    for (const page of [a, b]) await expect.poll(() => field(page, 'Agreed actions').inputValue(), WAIT).toBe(want);
    await expect.poll(() => onServer().actionPlan[0]?.actions, WAIT).toBe(want);
    const othersId = `${await field(b, 'Agreed actions').getAttribute('id')}-others`;
    await expect.poll(() => b.getByTestId(othersId).textContent(), WAIT).toContain(fx.lead.name);
    await expectAxeClean(b, 'report builder with a co-author typing in the action plan');
  }, 240_000);
});
