import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { docName } from '../../shared/docNames.js';
import { readPeople } from '../../shared/peopleDoc.js';
import { createReviewWithMembers, TEST_PASSWORD } from '../utils/factories.js';
import { TEST_ADMIN } from '../utils/testServer.js';
import { openDoc, synced } from '../utils/yjsClient.js';
import { WAIT, awarenessFrame, closeRawYjs, personRow, sendRawYjs, startE2e, waitForRegister, type E2e } from './harness.js';

/**
 * Issue 2, item 12 (e2e b): two browser contexts, the lead reviewer and an invited review team
 * member, co-edit the people register live through Yjs, and each sees the other in the presence list
 * under the name the server set (awareness `user.name`), with the person they are editing.
 */

let e2e: E2e;
let fx: Awaited<ReturnType<typeof createReviewWithMembers>>;
let lead: Page;
let team: Page;
beforeAll(async () => {
  e2e = await startE2e();
  fx = await createReviewWithMembers(e2e.server.url);
  ({ page: lead } = await e2e.signedIn(fx.lead.email, TEST_ADMIN.password));
  ({ page: team } = await e2e.signedIn(fx.team.email, TEST_PASSWORD));
  await lead.goto(`/reviews/${fx.reviewId}/people`);
  await team.goto(`/reviews/${fx.reviewId}/people`);
  await waitForRegister(lead);
  await waitForRegister(team);
});
afterAll(async () => {
  await e2e?.close();
});

/** The names in a page's presence list, as written out. */
function presence(page: Page) {
  return page.getByRole('region', { name: 'Here now' }).getByRole('listitem');
}

/** Adds a person through the panel and waits for the panel to close. */
async function addPerson(page: Page, name: string, relationship: string): Promise<void> {
  await page.getByRole('button', { name: 'Add a person' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a person' });
  await dialog.getByLabel('Name', { exact: true }).fill(name);
  await dialog.getByLabel('Relationship to the child').fill(relationship);
  await dialog.getByRole('button', { name: 'Add to register' }).click();
  await dialog.waitFor({ state: 'detached' });
}

describe('two people co-editing the register', () => {
  it('shows each the other in the presence list under the name the server knows', async () => {
    await presence(lead).filter({ hasText: fx.team.name }).waitFor();
    await presence(team).filter({ hasText: fx.lead.name }).waitFor();
    const texts = await presence(lead).allInnerTexts();
    expect(texts).toHaveLength(2);
    expect(texts[0]).toContain(`${fx.lead.name} (you)`); // oneself first
    expect(texts[1]).toContain(fx.team.name);
    expect(texts[1]).not.toContain('(you)');
  });

  it('shows a person added in one context in the other, live', async () => {
    await addPerson(lead, 'Alex Added-By-Lead', 'Mother');
    await personRow(team, /Alex Added-By-Lead/).waitFor();
    expect(
      await personRow(team, /Alex Added-By-Lead/)
        .locator('td')
        .first()
        .innerText(),
    ).toBe('Mother');

    await addPerson(team, 'Sam Added-By-Team', 'Partner of Mother');
    await personRow(lead, /Sam Added-By-Team/).waitFor();
  });

  it('shows who is editing which person, and their saved change, in the other context', async () => {
    await personRow(team, /Alex Added-By-Lead/)
      .getByRole('button', { name: /^Edit/ })
      .click();
    const panel = team.getByRole('dialog', { name: 'Edit Alex Added-By-Lead' });
    await panel.waitFor();

    // The lead sees the team member's name on the row and in the presence list.
    const row = personRow(lead, /Alex Added-By-Lead/);
    await row.locator('td').nth(3).getByText(fx.team.name).waitFor();
    await presence(lead)
      .filter({ hasText: `${fx.team.name} – editing Mother` })
      .waitFor();

    await panel.getByLabel('Date of birth (optional)').fill('02/07/1996');
    await panel.getByRole('button', { name: 'Save changes' }).click();
    await panel.waitFor({ state: 'detached' });
    await expect.poll(() => row.locator('td').nth(2).innerText(), WAIT).toBe('02/07/1996');
    // Closing the panel clears the marker.
    await expect.poll(() => row.locator('td').nth(3).innerText(), WAIT).toBe('No one');
    await presence(lead).filter({ hasText: fx.team.name }).filter({ hasNotText: 'editing' }).waitFor();
  });

  it('merges two people changing different fields of the same person at once', async () => {
    await personRow(lead, /Sam Added-By-Team/)
      .getByRole('button', { name: /^Edit/ })
      .click();
    await personRow(team, /Sam Added-By-Team/)
      .getByRole('button', { name: /^Edit/ })
      .click();
    const leadPanel = lead.getByRole('dialog', { name: 'Edit Sam Added-By-Team' });
    const teamPanel = team.getByRole('dialog', { name: 'Edit Sam Added-By-Team' });
    await leadPanel.getByLabel('Ethnicity (optional)').fill('Mixed White and Black Caribbean');
    await teamPanel.getByLabel('Notes (optional)').fill('Moved in during 2025.');

    await teamPanel.getByRole('button', { name: 'Save changes' }).click();
    await teamPanel.waitFor({ state: 'detached' });
    // The notes are shared as they are typed, so the lead's open panel already shows the team's words
    // (nothing is stale, so no notice), and saving keeps both changes.
    await expect.poll(() => leadPanel.getByLabel('Notes (optional)').inputValue(), WAIT).toBe('Moved in during 2025.');
    await expect(leadPanel.getByText(/changed this person while you were editing/).count()).resolves.toBe(0);
    await leadPanel.getByRole('button', { name: 'Save changes' }).click();
    await leadPanel.waitFor({ state: 'detached' });

    // Both fields are on the server, as a fresh client reads them from the sync server.
    const client = openDoc(e2e.server.url, docName({ reviewId: fx.reviewId, kind: 'people' }), fx.lead.cookie);
    try {
      await synced(client);
      await expect
        .poll(() => readPeople(client.doc).find((p) => p.name === 'Sam Added-By-Team'), WAIT)
        .toMatchObject({
          ethnicity: 'Mixed White and Black Caribbean',
          notes: 'Moved in during 2025.',
          relationship: 'Partner of Mother',
        });
    } finally {
      client.destroy();
    }
  });

  it('shows a removal in the other context', async () => {
    await personRow(team, /Sam Added-By-Team/)
      .getByRole('button', { name: /^Edit/ })
      .click();
    const panel = team.getByRole('dialog', { name: 'Edit Sam Added-By-Team' });
    await panel.getByRole('button', { name: 'Remove from register' }).click();
    await panel.getByRole('button', { name: 'Yes, remove' }).click();
    await panel.waitFor({ state: 'detached' });
    await personRow(lead, /Sam Added-By-Team/).waitFor({ state: 'detached' });
    expect(await personRow(lead, /Alex Added-By-Lead/).count()).toBe(1);
  });

  it('names everyone from the server: a client that claims another name is shown under its own', async () => {
    const people = docName({ reviewId: fx.reviewId, kind: 'people' });
    // A second socket from the team member's browser claims to be someone else.
    await sendRawYjs(team, people, [awarenessFrame(424_242, 1, { user: { name: 'Not Really The Lead' }, editing: null })], { keepOpen: true });
    await expect.poll(() => presence(lead).count(), WAIT).toBe(3);
    const texts = await presence(lead).allInnerTexts();
    expect(texts.filter((t) => t.includes('Not Really'))).toEqual([]);
    expect(texts.filter((t) => t.includes(fx.team.name))).toHaveLength(2);
    await closeRawYjs(team);
    await expect.poll(() => presence(lead).count(), WAIT).toBe(2);
  });

  it('drops the other person from the presence list when they leave the register', async () => {
    await team.getByRole('navigation', { name: 'Review sections' }).getByRole('link', { name: 'Overview' }).click();
    await team.getByRole('heading', { level: 2, name: 'Overview' }).waitFor();
    await presence(lead).filter({ hasText: fx.team.name }).waitFor({ state: 'detached' });
    expect(await presence(lead).count()).toBe(1);
  });
});
