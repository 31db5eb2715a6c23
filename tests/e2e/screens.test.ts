import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { blankEntry, exactDate, readEntries, writeEntry } from '../../shared/chronology/index.js';
import { docName } from '../../shared/docNames.js';
import { newId } from '../../shared/ids.js';
import { api, login } from '../utils/api.js';
import { openDoc, synced, until } from '../utils/yjsClient.js';
import { TEST_ADMIN } from '../utils/testServer.js';
import { WAIT, describeFocus, expectAxeClean, startE2e, type E2e } from './harness.js';

/**
 * Issue 17, end to end on the fictional demo review: the genogram (legible, no attribution inside the
 * drawing, tab order by generation, exports with the whole key), the timeline, the chronology's
 * reading view, search, sort and print view. Screenshots go to test-results/screenshots/ for a person
 * to look at; axe checks every new page and state.
 */

/** Where screenshots are kept (test-results/ is ignored by git). */
const SHOTS = path.resolve('test-results/screenshots');

let e2e: E2e;
let demoId: string;
let lead: Page;

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  e2e = await startE2e({ SEED_DEMO: 'true' });
  const reviews = await api(e2e.server.url, 'GET', '/api/reviews', { cookie: await login(e2e.server.url) });
  demoId = reviews.body.reviews.find((r: { fictional: boolean }) => r.fictional).id;
  ({ page: lead } = await e2e.signedIn(TEST_ADMIN.email, TEST_ADMIN.password));
  await lead.setViewportSize({ width: 1600, height: 1000 });
});
afterAll(async () => {
  await e2e?.close();
});

describe('the genogram of the demo family', () => {
  beforeAll(async () => {
    await lead.goto(`/reviews/${demoId}/genogram`);
    await lead
      .getByTestId('sync-status')
      .getByText(/^Connected\./)
      .waitFor();
    await lead.locator('.react-flow__node-person').nth(9).waitFor();
  });

  it('has no attribution inside the drawing, and acknowledges React Flow beneath it', async () => {
    expect(await lead.locator('.react-flow__attribution').count()).toBe(0);
    await lead.getByText(/uses React Flow \(MIT licence\)/).waitFor();
    await lead.getByTestId('genogram-canvas').screenshot({ path: path.join(SHOTS, 'genogram.png') });
    await expectAxeClean(lead, 'genogram');
  });

  it('shows every name whole, on up to two lines', async () => {
    const cut = await lead
      .locator('.gg-node__name')
      .evaluateAll((els) => els.filter((e) => e.scrollHeight > e.clientHeight + 1 || e.scrollWidth > e.clientWidth + 1).map((e) => e.textContent));
    expect(cut).toEqual([]);
    expect(await lead.locator('.gg-node__name', { hasText: 'Thornbury' }).count()).toBe(5);
  });

  it('tabs through people generation by generation, left to right', async () => {
    await lead.locator('.react-flow__node-person').first().focus();
    const order: { y: number; x: number }[] = [];
    for (let i = 0; i < 10; i++) {
      order.push(
        await lead.evaluate(() => {
          const r = document.activeElement!.getBoundingClientRect();
          return { x: Math.round(r.x), y: Math.round(r.y) };
        }),
      );
      expect(await describeFocus(lead)).toMatch(/^DIV\|/);
      await lead.keyboard.press('Tab');
    }
    const sorted = [...order].sort((a, b) => a.y - b.y || a.x - b.x);
    expect(order).toEqual(sorted);
  });

  it('exports a PNG and an SVG whose key is whole and whose labels do not overlap', async () => {
    const save = async (button: string, file: string) => {
      const [download] = await Promise.all([lead.waitForEvent('download', { timeout: 20_000 }), lead.getByRole('button', { name: button }).click()]).catch(async (err) => {
        await lead.screenshot({ path: path.join(SHOTS, 'export-failed.png') });
        throw new Error(`${err}: ${await lead.locator('.gg-export__status').textContent()}`);
      });
      const to = path.join(SHOTS, file);
      fs.copyFileSync(await download.path(), to);
      return to;
    };
    await lead.getByRole('radio', { name: 'Real names' }).check();
    await save('Download PNG', 'genogram-export.png');
    const svgFile = await save('Download SVG', 'genogram-export.svg');
    const check = await e2e.open();
    await check.page.setContent(`<!doctype html><html lang="en"><body style="margin:0">${fs.readFileSync(svgFile, 'utf8').replace(/^<\?xml[^>]*>/, '')}</body></html>`);
    const result = await check.page.evaluate(() => {
      const svg = document.querySelector('svg')!;
      const view = svg.getBoundingClientRect();
      // Screen boxes, so the key's samples (drawn in translated groups) are where they really are.
      const texts = [...svg.querySelectorAll('text')].map((t) => ({ text: t.textContent ?? '', box: t.getBoundingClientRect() }));
      const outside = texts.filter((t) => t.box.x < view.x || t.box.right > view.right || t.box.bottom > view.bottom).map((t) => t.text);
      const overlapping: string[] = [];
      for (let i = 0; i < texts.length; i++) {
        for (let j = i + 1; j < texts.length; j++) {
          const [a, b] = [texts[i]!.box, texts[j]!.box];
          if (a.x < b.x + b.width - 1 && b.x < a.x + a.width - 1 && a.y < b.y + b.height - 1 && b.y < a.y + a.height - 1) overlapping.push(`${texts[i]!.text} / ${texts[j]!.text}`);
        }
      }
      return { outside, overlapping, key: texts.some((t) => t.text === 'Key') };
    });
    expect(result).toEqual({ outside: [], overlapping: [], key: true });
  });
});

describe('the demo chronology on the timeline', () => {
  beforeAll(async () => {
    await lead.goto(`/reviews/${demoId}/chronology?view=timeline`);
    await lead.locator('[data-timeline-ready="true"]').waitFor();
    await lead.locator('.tl-item__button').first().waitFor();
  });

  it('shows the start of each event, and every item whole after Show everything', async () => {
    await lead.getByRole('button', { name: 'Show everything' }).click();
    await lead.locator('.tl-item__event').first().waitFor();
    // Every item (row or cluster) lies inside the lanes, the latest included.
    const outside = await lead.evaluate(() => {
      const lanes = document.querySelector('.vis-panel.vis-center')!.getBoundingClientRect();
      return [...document.querySelectorAll<HTMLElement>('.tl-item__button')]
        .filter((b) => {
          const r = b.getBoundingClientRect();
          // Inside the lanes, and nothing of its content spilling out of it.
          return r.left < lanes.left - 1 || r.right > lanes.right + 1 || b.scrollWidth > b.clientWidth + 1;
        })
        .map((b) => b.textContent);
    });
    expect(outside).toEqual([]);
    await lead.locator('.tl').screenshot({ path: path.join(SHOTS, 'timeline.png') });
    await expectAxeClean(lead, 'timeline of the demo');
  });

  it('shows the whole event on focus, with a line through every lane on that day', async () => {
    const item = lead.locator('.tl-item__button[data-row-id]').first();
    await item.focus();
    const detail = lead.getByTestId('timeline-detail');
    await expect.poll(() => detail.innerText(), WAIT).not.toMatch(/Point at an item/);
    const text = await detail.locator('.tl__detail-text').innerText();
    expect(text.length).toBeGreaterThan(0);
    expect(await item.innerText()).toContain(text.slice(0, 10));
    await lead.locator('.vis-custom-time').first().waitFor();
    await expectAxeClean(lead, 'timeline with an item focused');
  });

  it('takes keyboard focus into a cluster when it is opened', async () => {
    // Six more housing rows in one month: too many for one slot of the screen, so they gather into a cluster.
    const cookie = await login(e2e.server.url);
    const review = await api(e2e.server.url, 'GET', `/api/reviews/${demoId}`, { cookie });
    const housing = review.body.agencies.find((a: { shortCode: string }) => a.shortCode === 'HSG').id as string;
    const client = openDoc(e2e.server.url, docName({ reviewId: demoId, kind: 'chronology', agencyId: housing }), cookie);
    try {
      await synced(client);
      for (let d = 1; d <= 6; d++) {
        writeEntry(client.doc, housing, { ...blankEntry(newId(), housing, exactDate(`2023-07-0${d}`)), keyEvent: `Rent arrears letter ${d}`, source: 'Rent account' });
      }
      await until(() => readEntries(client.doc, housing).length === 7, 'rows written', 20_000);
      await lead.reload();
      await lead.locator('[data-timeline-ready="true"]').waitFor();
      await expect
        .poll(async () => (await lead.locator('.tl-item__button').allInnerTexts()).filter((t) => t.startsWith('HSG')), WAIT)
        .toContainEqual(expect.stringMatching(/^HSG \d+ rows/));
    } finally {
      client.destroy();
    }
    const cluster = lead.locator('.tl-item__button[data-first-row]').first();
    await cluster.waitFor();
    const first = await cluster.getAttribute('data-first-row');
    await cluster.focus();
    await lead.keyboard.press('Enter');
    await expect
      .poll(
        () =>
          lead.evaluate(() => {
            const el = document.activeElement as HTMLElement | null;
            return el?.dataset.rowId ?? el?.dataset.firstRow ?? null;
          }),
        WAIT,
      )
      .toBe(first);
  });
});

describe('the demo chronology to read, find and print', () => {
  beforeAll(async () => {
    await lead.goto(`/reviews/${demoId}/chronology`);
    await lead.getByTestId('chronology-table').waitFor();
    await lead.locator('.chron-row__open').first().waitFor();
  });

  it('opens a row for reading, not editing, with the way to edit it', async () => {
    await lead.locator('.chron-row__open').first().click();
    const dialog = lead.getByRole('dialog', { name: /^The [A-Z]+ row of / });
    await dialog.getByTestId('row-reading').waitFor();
    expect(await dialog.getByRole('textbox').count()).toBe(0);
    await dialog.getByRole('button', { name: 'Edit this row' }).waitFor();
    await expectAxeClean(lead, 'row reading view');
    await lead.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('marks search words in the table and sorts by any column', async () => {
    await lead.getByLabel('Words in the row').fill('school');
    await lead.locator('mark.chron-mark').first().waitFor();
    expect((await lead.locator('mark.chron-mark').first().innerText()).toLowerCase()).toBe('school');
    await expectAxeClean(lead, 'chronology with search words marked');
    await lead.getByLabel('Words in the row').fill('');
    const header = lead.getByRole('columnheader', { name: /Agency/ });
    await header.getByRole('button').click();
    expect(await header.getAttribute('aria-sort')).toBe('ascending');
    const codes = await lead.locator('.chron-row:not(.chron-row--head) .agency-tag__code').allInnerTexts();
    expect(codes).toEqual([...codes].sort());
    await header.getByRole('button').click();
    expect(await header.getAttribute('aria-sort')).toBe('descending');
    await lead.getByRole('columnheader', { name: /Date/ }).getByRole('button').click();
    await expectAxeClean(lead, 'chronology sorted');
  });

  it('shows every word of every row in Full text', async () => {
    await lead.getByRole('button', { name: 'Full text' }).click();
    const table = lead.getByTestId('chronology-full');
    await table.waitFor();
    const clipped = await table.locator('td').evaluateAll((cells) => cells.filter((c) => c.scrollHeight > c.clientHeight + 1).length);
    expect(clipped).toBe(0);
    await expectAxeClean(lead, 'chronology full text');
    await lead.getByRole('button', { name: 'Table', exact: true }).click();
  });

  it('prints the integrated chronology as an A4 landscape table with agency colours, headings and the marking on every page', async () => {
    await lead.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await lead.emulateMedia({ media: 'print' });
    const print = lead.getByTestId('chronology-print');
    await print.waitFor();
    const facts = await lead.evaluate(() => {
      const table = document.querySelector<HTMLElement>('[data-testid="chronology-print"]')!;
      const shown = [...document.body.children].filter((c) => getComputedStyle(c).display !== 'none').map((c) => c.className);
      const firstRow = table.querySelector<HTMLElement>('tbody tr')!;
      return {
        shown,
        head: getComputedStyle(table.querySelector('thead')!).display,
        foot: getComputedStyle(table.querySelector('tfoot')!).display,
        marking: table.querySelector('thead .chron-full__marking')!.textContent,
        colour: getComputedStyle(firstRow).backgroundColor,
        code: firstRow.querySelector('.chron-full__code')!.textContent,
        rows: table.querySelectorAll('tbody tr').length,
      };
    });
    expect(facts.shown).toEqual(['chron-print']);
    expect(facts).toMatchObject({ head: 'table-header-group', foot: 'table-footer-group', marking: 'OFFICIAL-SENSITIVE' });
    expect(facts.colour).not.toBe('rgba(0, 0, 0, 0)');
    expect(facts.code).toMatch(/^[A-Z]{2,6}$/);
    expect(facts.rows).toBeGreaterThan(10);
    await lead.setViewportSize({ width: 1123, height: 794 });
    await lead.screenshot({ path: path.join(SHOTS, 'chronology-print.png') });
    // The real thing: an A4 landscape PDF, more than one page, each with the marking.
    const pdf = await lead.pdf({ preferCSSPageSize: true, printBackground: true });
    fs.writeFileSync(path.join(SHOTS, 'chronology-print.pdf'), pdf);
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThan(1);
    const size = pdf.toString('latin1').match(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)/);
    expect(Number(size![1])).toBeGreaterThan(Number(size![2]));
    await lead.emulateMedia({ media: 'screen' });
    await lead.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await lead.setViewportSize({ width: 1600, height: 1000 });
  });
});

describe('a review run from start to finish', () => {
  it('groups the sections by stage, and a new review says to add agencies first and what that blocks', async () => {
    const cookie = await login(e2e.server.url);
    const created = await api(e2e.server.url, 'POST', '/api/reviews', {
      cookie,
      body: { title: 'Empty review', kind: 'lcspr', childPseudonym: 'Child E', referralDate: '02/11/2026' },
    });
    expect(created.status).toBe(201);
    await lead.goto(`/reviews/${created.body.id}/chronology`);
    const nav = lead.getByRole('navigation', { name: 'Review sections' });
    for (const stage of ['Set-up', 'Rapid Review', 'Local review', 'Workshop', 'Report']) await nav.getByRole('list', { name: stage }).waitFor();
    const next = lead.getByTestId('next-step');
    await next.getByText('Add the agencies taking part.').waitFor();
    await next.getByText(/no agency author can be invited/).waitFor();
    await lead.locator('.chron-empty', { hasText: /No agencies have been added to this review yet/ }).waitFor();
    await expectAxeClean(lead, 'new review: next step and empty chronology');
    await next.getByRole('link', { name: 'Go to Agencies' }).click();
    await lead.getByRole('heading', { level: 2, name: 'Agencies' }).waitFor();
    await lead.screenshot({ path: path.join(SHOTS, 'workspace-next-step.png') });
  });
});
