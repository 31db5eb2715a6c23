import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Page } from 'playwright-core';
import { docName } from '../../shared/docNames.js';
import { blankPerson } from '../../shared/people.js';
import { PEOPLE_MAP, writePerson } from '../../shared/peopleDoc.js';
import { TEST_ADMIN } from '../utils/testServer.js';
import { createReviewWithMembers } from '../utils/factories.js';
import { openDoc, synced, until, updateFrom, type TestClient } from '../utils/yjsClient.js';
import { WAIT, expectAxeClean, personRow, startE2e, waitForRegister, type E2e } from './harness.js';

/**
 * Issue 12: a hostile or malformed person in the shared register is skipped by the pages that read it,
 * which say so in an accessible status notice, while the good people are still shown. One person holds
 * a 5,000-deep nest (stored as a server without update checks would have stored it); another, written
 * live by a review-team member's WebsocketProvider, has fields of the wrong type.
 */
let e2e: E2e;
let fx: Awaited<ReturnType<typeof createReviewWithMembers>>;
let team: TestClient;
let lead: Page;

beforeAll(async () => {
  e2e = await startE2e();
  fx = await createReviewWithMembers(e2e.server.url);
  const name = docName({ reviewId: fx.reviewId, kind: 'people' });
  await e2e.server.deps.docs.append(
    name,
    updateFrom((d) => {
      let m = new Y.Map<unknown>();
      d.getMap(PEOPLE_MAP).set('deep', m);
      m.set('name', 'Nested');
      for (let i = 0; i < 5_000; i++) {
        const n = new Y.Map<unknown>();
        m.set('n', n);
        m = n;
      }
    }),
  );
  team = openDoc(e2e.server.url, name, fx.team.cookie);
  await synced(team);
  writePerson(team.doc, { ...blankPerson('mum'), name: 'Amy Ward', relationship: 'Mother' });
  writePerson(team.doc, { ...blankPerson('kid'), name: 'Child T', relationship: 'Subject child', isSubject: true });
  team.doc.transact(() => {
    const bad = new Y.Map<unknown>();
    team.doc.getMap(PEOPLE_MAP).set('bad', bad);
    bad.set('name', 'Wrong Types');
    bad.set('gender', 'tree');
  });
  await until(async () => {
    const d = new Y.Doc();
    for (const u of await e2e.server.deps.docs.load(name)) Y.applyUpdate(d, u);
    return d.getMap(PEOPLE_MAP).has('bad') && d.getMap(PEOPLE_MAP).has('kid');
  }, 'people stored');
  ({ page: lead } = await e2e.signedIn(fx.lead.email, TEST_ADMIN.password));
});
afterAll(async () => {
  team?.destroy();
  await e2e?.close();
});

/** The notice a page shows for the register's unreadable records. */
const notice = (page: Page) => page.getByRole('status').filter({ hasText: 'Some records could not be read' });

describe('malformed people in the register', () => {
  it('the register page shows the good people and a status notice counting the others, axe-clean', async () => {
    await lead.goto(`/reviews/${fx.reviewId}/people`);
    await waitForRegister(lead);
    await personRow(lead, /Amy Ward/).waitFor(WAIT);
    await personRow(lead, /Child T/).waitFor(WAIT);
    await expect.poll(() => notice(lead).innerText(), WAIT).toContain('2 records in the people register could not be read and are not shown. They are kept;');
    expect(await lead.getByTestId('people-table').getByText('Wrong Types').count()).toBe(0);
    expect(await lead.getByTestId('people-table').getByText('Nested').count()).toBe(0);
    await expectAxeClean(lead, 'people register with skipped records');
  });

  it('the notice follows the register live: fixing one record leaves one counted', async () => {
    writePerson(team.doc, { ...blankPerson('bad'), name: 'Fixed Person', relationship: 'Uncle' });
    await personRow(lead, /Fixed Person/).waitFor(WAIT);
    await expect.poll(() => notice(lead).innerText(), WAIT).toContain('1 record in the people register could not be read and is not shown. It is kept;');
  });

  it('the genogram and the Rapid Review family table say so too, axe-clean', async () => {
    await lead.goto(`/reviews/${fx.reviewId}/genogram`);
    await expect.poll(() => notice(lead).innerText(), WAIT).toContain('1 record in the people register could not be read');
    await expectAxeClean(lead, 'genogram with a skipped record');
    await lead.goto(`/reviews/${fx.reviewId}/rapid-review`);
    await lead.getByTestId('family-table').waitFor(WAIT);
    await expect.poll(() => notice(lead).innerText(), WAIT).toContain('1 record in the people register could not be read');
    await expectAxeClean(lead, 'Rapid Review record with a skipped record');
  });
});
