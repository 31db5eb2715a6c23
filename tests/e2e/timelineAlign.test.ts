import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { exactDate } from '../../shared/chronology/index.js';
import { newId } from '../../shared/ids.js';
import { api } from '../utils/api.js';
import { seedChronologyRow } from '../utils/chronologyRows.js';
import { createReviewWithMembers } from '../utils/factories.js';
import { TEST_ADMIN } from '../utils/testServer.js';
import { until } from '../utils/yjsClient.js';
import { WAIT, expectAxeClean, startE2e, type E2e } from './harness.js';

/**
 * Issue 17 (timeline): events that several agencies recorded on the same day line up across the
 * agency lanes, so what each knew that day can be read down one line; events on other days do not.
 * Rows of three agencies on 03/02/2022, and two rows on other days, are seeded through the server.
 */
const SHOTS = path.resolve('test-results/screenshots');
let e2e: E2e;
let lead: Page;
const sameDay: string[] = [];
let earlier: string;
let later: string;

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  e2e = await startE2e();
  const fx = await createReviewWithMembers(e2e.server.url);
  const third = await api(e2e.server.url, 'POST', `/api/reviews/${fx.reviewId}/agencies`, {
    cookie: fx.admin.cookie,
    body: { name: 'Test School', shortCode: 'SCH', partnerType: 'education' },
  });
  expect(third.status).toBe(201);
  const agencies = [...fx.agencies.map((a) => a.id), third.body.id as string];
  const seed = async (agencyId: string, iso: `${number}-${number}-${number}`, keyEvent: string) => {
    const entryId = newId();
    await seedChronologyRow(e2e.server.deps.sync, fx.reviewId, agencyId, { entryId, changeId: newId() }, { date: exactDate(iso), keyEvent });
    return entryId;
  };
  for (const [i, agencyId] of agencies.entries()) sameDay.push(await seed(agencyId, '2022-02-03', `Same-day event ${i + 1} with a longer description`));
  earlier = await seed(agencies[1]!, '2022-01-20', 'An earlier health visit');
  later = await seed(agencies[0]!, '2022-02-17', 'A later police visit');
  ({ page: lead } = await e2e.signedIn(fx.lead.email, TEST_ADMIN.password));
  await lead.setViewportSize({ width: 1400, height: 900 });
  await lead.goto(`/reviews/${fx.reviewId}/chronology?view=timeline`);
  await lead.locator('[data-timeline-ready="true"]').waitFor(WAIT);
  await until(async () => (await lead.locator('.tl-item__button').count()) === 5, 'every row on the timeline', WAIT.timeout);
});
afterAll(async () => {
  await e2e?.close();
});

/** The left edge, in CSS pixels, of the timeline item (the vis-timeline box) holding a row. */
async function leftEdge(rowId: string): Promise<number> {
  const box = await lead.locator(`.vis-item:has(.tl-item__button[data-row-id="${rowId}"])`).boundingBox();
  expect(box, `item of ${rowId}`).not.toBeNull();
  return box!.x;
}

describe('events of several agencies on one day', () => {
  it('line up across the lanes, while events on other days do not', async () => {
    // Three different lanes: one item per agency on the day.
    const lanes = await Promise.all(sameDay.map((id) => lead.locator(`.vis-group:has(.tl-item__button[data-row-id="${id}"])`).boundingBox()));
    expect(new Set(lanes.map((b) => Math.round(b!.y))).size).toBe(3);
    const lefts = await Promise.all(sameDay.map(leftEdge));
    for (const x of lefts) expect(Math.abs(x - lefts[0]!)).toBeLessThanOrEqual(2);
    const [before, after] = [await leftEdge(earlier), await leftEdge(later)];
    expect(lefts[0]! - before).toBeGreaterThan(20);
    expect(after - lefts[0]!).toBeGreaterThan(20);
    await lead.locator('.tl').screenshot({ path: path.join(SHOTS, 'timeline-same-day.png') });
    await expectAxeClean(lead, 'timeline with three agencies on one day');
  });

  it('draws the day line through every lane at the same place as the items', async () => {
    await lead.locator(`.tl-item__button[data-row-id="${sameDay[1]}"]`).focus();
    const marker = lead.locator('.vis-custom-time');
    await marker.waitFor(WAIT);
    const line = await marker.boundingBox();
    const left = await leftEdge(sameDay[2]!);
    expect(Math.abs(line!.x + line!.width / 2 - left)).toBeLessThanOrEqual(2);
    await expectAxeClean(lead, 'timeline with a same-day item focused');
  });
});
