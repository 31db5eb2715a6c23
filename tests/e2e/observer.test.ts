import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Page } from 'playwright-core';
import { docName } from '../../shared/docNames.js';
import { blankPerson } from '../../shared/people.js';
import { readPeople, writePerson } from '../../shared/peopleDoc.js';
import { createReviewWithMembers, TEST_PASSWORD } from '../utils/factories.js';
import { TEST_ADMIN } from '../utils/testServer.js';
import { openDoc, synced } from '../utils/yjsClient.js';
import { personRow, sendRawYjs, startE2e, updateFrame, waitForRegister, type E2e } from './harness.js';

/**
 * Issue 2 (e2e e): an observer sees the people register read-only, with no edit controls, and an edit
 * sent from the observer's own browser session anyway never reaches anyone else or storage. The same
 * crafted edit from a review team member's browser does arrive, which shows the check can fail.
 */

let e2e: E2e;
let fx: Awaited<ReturnType<typeof createReviewWithMembers>>;
let lead: Page;
let observer: Page;
let team: Page;
let people: string;

/** A Yjs update that adds one person, made outside any app, as a crafted client would. */
function craftedAddition(name: string): Uint8Array {
  const doc = new Y.Doc();
  writePerson(doc, { ...blankPerson(`crafted-${name.replace(/\W+/g, '-').toLowerCase()}`), name, relationship: 'Other Adult' });
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

beforeAll(async () => {
  e2e = await startE2e();
  fx = await createReviewWithMembers(e2e.server.url);
  people = docName({ reviewId: fx.reviewId, kind: 'people' });
  ({ page: lead } = await e2e.signedIn(fx.lead.email, TEST_ADMIN.password));
  ({ page: observer } = await e2e.signedIn(fx.observer.email, TEST_PASSWORD));
  ({ page: team } = await e2e.signedIn(fx.team.email, TEST_PASSWORD));
  for (const page of [lead, observer, team]) {
    await page.goto(`/reviews/${fx.reviewId}/people`);
    await waitForRegister(page);
  }
  // The lead puts someone in the register for the observer to look at.
  await lead.getByRole('button', { name: 'Add a person' }).click();
  const dialog = lead.getByRole('dialog', { name: 'Add a person' });
  await dialog.getByLabel('Name', { exact: true }).fill('Pat Lead-Added');
  await dialog.getByLabel('Relationship to the child').fill('Mother');
  await dialog.getByLabel('NHS number (optional)').fill('485 777 3456');
  await dialog.getByRole('button', { name: 'Add to register' }).click();
  await dialog.waitFor({ state: 'detached' });
});
afterAll(async () => {
  await e2e?.close();
});

describe('an observer and the people register', () => {
  it('shows the register read-only, with no control that edits', async () => {
    const row = personRow(observer, /Pat Lead-Added/);
    await row.waitFor(); // the lead's addition arrived live
    await observer.getByText('Read only').waitFor();
    await observer.getByText('As observer you can view the register but not change it.').waitFor();
    expect(await observer.getByTestId('sync-status').innerText()).toBe('Connected. Showing the latest version.');
    expect(await observer.getByRole('button', { name: 'Add a person' }).count()).toBe(0);
    expect(await observer.getByRole('button', { name: /^Edit/ }).count()).toBe(0);

    await row.getByRole('button', { name: 'View Pat Lead-Added' }).click();
    const panel = observer.getByRole('dialog', { name: 'Pat Lead-Added' });
    await panel.waitFor();
    expect(await panel.locator('dd').allInnerTexts()).toEqual(expect.arrayContaining(['Pat Lead-Added', 'Mother', '485 777 3456', 'Mother']));
    for (const role of ['textbox', 'checkbox', 'radio', 'combobox'] as const) {
      expect(await panel.getByRole(role).count(), role).toBe(0);
    }
    expect(await panel.getByRole('button').allInnerTexts()).toEqual([expect.stringMatching(/^Close/), 'Close']);
    await panel.getByRole('button', { name: 'Close', exact: true }).click();
    await panel.waitFor({ state: 'detached' });

    // No other tab offers the observer a way to change the review either.
    await observer.getByRole('navigation', { name: 'Review sections' }).getByRole('link', { name: 'Agencies' }).click();
    await observer.getByText('Only the lead reviewer can add agencies.').waitFor();
    expect(await observer.getByRole('button', { name: 'Add agency' }).count()).toBe(0);
    await observer.getByRole('navigation', { name: 'Review sections' }).getByRole('link', { name: 'Members and invitations' }).click();
    await observer.getByText('Only the lead reviewer can invite people, change roles or remove members.').waitFor();
    expect(await observer.getByRole('button', { name: /Change role|Create invitation link|Remove|Revoke/ }).count()).toBe(0);
    await observer.getByRole('navigation', { name: 'Review sections' }).getByRole('link', { name: 'People register' }).click();
    await waitForRegister(observer);
  });

  it("drops an edit sent from the observer's own session, while the same edit from a team member arrives", async () => {
    // 1. The observer's browser sends an addition over its own authenticated socket. Once the server
    //    has answered the sync step 1 sent after it, the addition has been handled (and dropped).
    await sendRawYjs(observer, people, [updateFrame(craftedAddition('Olly Observer-Crafted'))]);
    // 2. Then the team member's browser sends the same kind of addition.
    await sendRawYjs(team, people, [updateFrame(craftedAddition('Tess Team-Crafted'))]);
    // 3. The lead receives the team member's addition. Had the observer's been relayed, it would have
    //    reached the lead's socket first, because the server handled it first.
    await personRow(lead, /Tess Team-Crafted/).waitFor();
    expect(await personRow(lead, /Olly Observer-Crafted/).count()).toBe(0);
    await personRow(observer, /Tess Team-Crafted/).waitFor();
    expect(await personRow(observer, /Olly Observer-Crafted/).count()).toBe(0);

    // Storage agrees: a fresh client, and the observer's own reloaded page, read no trace of it.
    const client = openDoc(e2e.server.url, people, fx.lead.cookie);
    try {
      await synced(client);
      const names = readPeople(client.doc)
        .map((p) => p.name)
        .sort();
      expect(names).toEqual(['Pat Lead-Added', 'Tess Team-Crafted']);
    } finally {
      client.destroy();
    }
    await observer.reload();
    await waitForRegister(observer);
    await personRow(observer, /Tess Team-Crafted/).waitFor();
    expect(await personRow(observer, /Olly Observer-Crafted/).count()).toBe(0);
  });
});
