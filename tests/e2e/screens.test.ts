import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { api, login } from '../utils/api.js';
import { TEST_ADMIN } from '../utils/testServer.js';
import { describeFocus, expectAxeClean, startE2e, type E2e } from './harness.js';

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
    await lead.getByTestId('sync-status').getByText(/^Connected\./).waitFor();
    await lead.locator('.react-flow__node-person').nth(9).waitFor();
  });

  it('has no attribution inside the drawing, and acknowledges React Flow beneath it', async () => {
    expect(await lead.locator('.react-flow__attribution').count()).toBe(0);
    await lead.getByText(/uses React Flow \(MIT licence\)/).waitFor();
    await lead.getByTestId('genogram-canvas').screenshot({ path: path.join(SHOTS, 'genogram.png') });
    await expectAxeClean(lead, 'genogram');
  });

  it('shows every name whole, on up to two lines', async () => {
    const cut = await lead.locator('.gg-node__name').evaluateAll((els) =>
      els.filter((e) => e.scrollHeight > e.clientHeight + 1 || e.scrollWidth > e.clientWidth + 1).map((e) => e.textContent));
    expect(cut).toEqual([]);
    expect(await lead.locator('.gg-node__name', { hasText: 'Thornbury' }).count()).toBe(5);
  });

  it('tabs through people generation by generation, left to right', async () => {
    await lead.locator('.react-flow__node-person').first().focus();
    const order: { y: number; x: number }[] = [];
    for (let i = 0; i < 10; i++) {
      order.push(await lead.evaluate(() => {
        const r = document.activeElement!.getBoundingClientRect();
        return { x: Math.round(r.x), y: Math.round(r.y) };
      }));
      expect(await describeFocus(lead)).toMatch(/^DIV\|/);
      await lead.keyboard.press('Tab');
    }
    const sorted = [...order].sort((a, b) => a.y - b.y || a.x - b.x);
    expect(order).toEqual(sorted);
  });

  it('exports a PNG and an SVG whose key is whole and whose labels do not overlap', async () => {
    const save = async (button: string, file: string) => {
      const [download] = await Promise.all([lead.waitForEvent('download', { timeout: 20_000 }), lead.getByRole('button', { name: button }).click()])
        .catch(async (err) => {
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
