import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import type { Page } from 'playwright-core';
import { blankEntry, blankTeamFields, writeEntries, writeTeamFields, type ChronologyDate, type ChronologyEntry } from '../shared/chronology/index.js';
import { docName } from '../shared/docNames.js';
import { newId } from '../shared/ids.js';
import { blankPerson } from '../shared/people.js';
import { writePerson } from '../shared/peopleDoc.js';
import { api } from '../tests/utils/api.js';
import { launchBrowser, newContext, signInThroughUi } from '../tests/utils/browser.js';
import { createReviewWithMembers } from '../tests/utils/factories.js';
import { COMPILED_SERVER, TEST_ADMIN, spawnServer, tempDataDir } from '../tests/utils/testServer.js';
import { openDoc, synced, type TestClient } from '../tests/utils/yjsClient.js';
import { percentile, writeResult } from './benchUtils.js';

/**
 * Issue 3, item 9 and issue 18, item 5: the chronology tab with CHRONOLOGY_ROWS rows (default 5,000)
 * across CHRONOLOGY_AGENCIES agencies (default 6), in Chromium, against the production server bundle
 * (dist/server/main.js, built if missing) in its own process (so its memory can be read alone). The rows are written as Yjs
 * updates through real y-websocket clients, as the tab writes them. Measured:
 *  - navigation to the table being interactive: every row merged (the table reports 5,000), a row
 *    button focusable, and the main thread idle again (two frames in a row under 50 ms);
 *  - navigation straight to the timeline until it has drawn every row and is idle; and switching
 *    from the table to the timeline;
 *  - filter response: from the input event to the updated table painted;
 *  - frame times while scrolling through the whole table;
 *  - the server's resident memory, idle and with the 8 documents loaded and a browser connected.
 * Targets: interactive < 1.5 s at 5,000 rows and < 2 s at 20,000; filter response p95 < 100 ms in
 * both views, over at least 20 changes each. BENCH_RESULT names the result file (default
 * chronologyRender at 5,000 rows, chronologyRender-<rows> otherwise).
 * CHRONOLOGY_CPU_PROFILE=<dir> also writes Chromium CPU profiles (CDP Profiler) of the first table
 * load, the timeline load and each view's filter changes there, to open in DevTools.
 * Usage: CHRONOLOGY_ROWS=20000 node --import tsx bench/chronologyRender.ts
 */
const ROWS = Number(process.env.CHRONOLOGY_ROWS ?? 5_000);
const AGENCIES = Number(process.env.CHRONOLOGY_AGENCIES ?? 6);
const RUNS = Number(process.env.CHRONOLOGY_RUNS ?? 3);
const RESULT = process.env.BENCH_RESULT ?? (ROWS === 5_000 ? 'chronologyRender' : `chronologyRender-${ROWS}`);
const CLIENT_DIR = path.resolve('dist/client');
const PROFILE_DIR = process.env.CHRONOLOGY_CPU_PROFILE ?? null;
/** The changes each filter p95 is taken over: 22 text changes (each changes the count), then agency boxes. */
const FILTER_TEXTS = [
  'event 1',
  'event 12',
  'event 123',
  '',
  'home visit',
  'escalation',
  '',
  'POL event 2',
  '',
  'zzz no match',
  '',
  'event 4',
  'event 45',
  '',
  'CSC event',
  '',
  'event 7',
  'event 78',
  '',
  'HOS event 3',
  '',
  'event 99',
  '',
];

/** A chronology date spread over 16 years: mostly exact days, some months, years and uncertain dates. */
function dateFor(i: number): ChronologyDate {
  const year = 2008 + (i % 16);
  const month = 1 + ((i * 7) % 12);
  const day = 1 + ((i * 13) % 28);
  const uncertainty = i % 17 === 0 ? ('query' as const) : i % 23 === 0 ? ('circa' as const) : ('none' as const);
  if (i % 20 === 0) return { precision: 'year', year, month: null, day: null, uncertainty };
  if (i % 7 === 0) return { precision: 'month', year, month, day: null, uncertainty };
  return { precision: 'day', year, month, day, uncertainty };
}

const CATEGORIES = ['referral', 'assessment', 'strategy-discussion', 'hospital-attendance', 'house-move', 'police-incident', 'school-change', 'other'] as const;

function rowsFor(agencyId: string, code: string, count: number, offset: number, people: string[]): ChronologyEntry[] {
  return Array.from({ length: count }, (_, k) => {
    const i = offset + k;
    return {
      ...blankEntry(newId(), agencyId, dateFor(i)),
      time: i % 5 === 0 ? `${String(8 + (i % 10)).padStart(2, '0')}:${String((i * 7) % 60).padStart(2, '0')}` : null,
      sequence: i % 3,
      source: ['Case notes', 'GP record', 'Police log', 'School record'][i % 4]!,
      childContact: (['none', 'seen', 'seen-alone', 'not-seen'] as const)[i % 4]!,
      childContactBy: i % 4 ? 'Health visitor' : '',
      familyContactIds: i % 3 ? [people[i % people.length]!] : [],
      familyContactBy: i % 3 ? 'Social worker' : '',
      keyEvent: `${code} event ${i}: home visit; the child was seen with the mother and the home conditions were noted.`,
      comment: i % 2 ? 'Potential learning about information sharing and escalation when concerns persist.' : '',
      category: CATEGORIES[i % CATEGORIES.length]!,
    };
  });
}

/** Resident memory of a process in MiB, from /proc. */
function rssMiB(pid: number): number {
  const m = /^VmRSS:\s+(\d+) kB$/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : NaN;
}

/**
 * Installed before the app's scripts on every navigation: records (performance.now(), so from
 * navigation start) when the table first shows every row with a focusable row, when the timeline
 * has drawn with every row merged, and when the main thread is idle after each.
 */
function readinessProbe(expected: number) {
  const w = window as unknown as Record<string, number | undefined>;
  let last = performance.now();
  let quiet = 0;
  const allMerged = () => document.querySelector('[data-testid="chronology-count"]')?.textContent === `Showing all ${expected.toLocaleString('en-GB')} rows.`;
  const frame = (now: number) => {
    const delta = now - last;
    last = now;
    if (w.__shell === undefined && document.querySelector('h2#section-heading')) w.__shell = now;
    if (w.__connected === undefined && /^Connected\./.test(document.querySelector('[data-testid="sync-status"]')?.textContent ?? '')) w.__connected = now;
    if (w.__tableReady === undefined && allMerged() && document.querySelector('[data-testid="chronology-table"] button[data-row-index]')) w.__tableReady = now;
    if (w.__timelineReady === undefined && allMerged() && document.querySelector('[data-timeline-ready="true"]')) w.__timelineReady = now;
    quiet = delta < 50 ? quiet + 1 : 0;
    if (w.__tableReady !== undefined && w.__tableIdle === undefined && quiet >= 2) w.__tableIdle = now;
    if (w.__timelineReady !== undefined && w.__timelineIdle === undefined && quiet >= 2) w.__timelineIdle = now;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

/** When each step of opening the tab happened, from navigation start (ms). */
type Timing = { ready: number; idle: number; shell: number; connected: number };

async function probe(page: Page, key: '__tableIdle' | '__timelineIdle', ready: '__tableReady' | '__timelineReady'): Promise<Timing> {
  try {
    await page.waitForFunction((k) => (window as unknown as Record<string, number | undefined>)[k] !== undefined, key, { timeout: 120_000 });
  } catch (err) {
    const shown = await page
      .getByTestId('chronology-count')
      .textContent()
      .catch(() => null);
    throw new Error(`${key} never came; the page says ${JSON.stringify(shown)}: ${String(err)}`);
  }
  return page.evaluate(
    ([k, r]) => {
      const w = window as unknown as Record<string, number>;
      return { ready: Math.round(w[r]!), idle: Math.round(w[k]!), shell: Math.round(w.__shell ?? NaN), connected: Math.round(w.__connected ?? NaN) };
    },
    [key, ready] as const,
  );
}

/** Times filter changes in the page: from the input event to the next painted frame after the count changed. */
async function timeFilters(page: Page, texts: string[], agencyBoxes: number): Promise<number[]> {
  return page.evaluate(
    async ({ texts: qs, boxes }) => {
      const input = document.getElementById('filter-text') as HTMLInputElement;
      const count = document.querySelector('[data-testid="chronology-count"]')!;
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      const painted = () => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const changed = (before: string | null) =>
        new Promise<boolean>((resolve) => {
          if (count.textContent !== before) return resolve(true);
          const timer = setTimeout(() => {
            mo.disconnect();
            resolve(false);
          }, 3_000);
          const mo = new MutationObserver(() => {
            if (count.textContent !== before) {
              clearTimeout(timer);
              mo.disconnect();
              resolve(true);
            }
          });
          mo.observe(count, { childList: true, characterData: true, subtree: true });
        });
      const out: number[] = [];
      const time = async (act: () => void) => {
        const before = count.textContent;
        const t0 = performance.now();
        act();
        const ok = await changed(before);
        await painted();
        if (ok) out.push(performance.now() - t0);
        await new Promise((r) => setTimeout(r, 60));
      };
      for (const q of qs) {
        await time(() => {
          setValue.call(input, q);
          input.dispatchEvent(new Event('input', { bubbles: true }));
        });
      }
      const checkboxes = [...document.querySelectorAll<HTMLInputElement>('input[id^="filter-agency-"]')].slice(0, boxes);
      for (const box of checkboxes) await time(() => box.click());
      for (const box of checkboxes) await time(() => box.click());
      return out;
    },
    { texts, boxes: agencyBoxes },
  );
}

/** Scrolls the table from top to bottom in big steps, one per frame, and returns the frame times. */
async function scrollFrames(page: Page): Promise<{ frames: number[]; maxRowsInDom: number }> {
  return page.evaluate(async () => {
    const el = document.querySelector<HTMLElement>('[data-testid="chronology-scroller"]')!;
    el.scrollTop = 0;
    const frames: number[] = [];
    let maxRows = 0;
    let last = await new Promise<number>((r) => requestAnimationFrame(r));
    const step = Math.ceil(el.scrollHeight / 150);
    while (el.scrollTop + el.clientHeight < el.scrollHeight - 1) {
      el.scrollTop += step;
      const now = await new Promise<number>((r) => requestAnimationFrame(r));
      frames.push(now - last);
      last = now;
      maxRows = Math.max(maxRows, el.querySelectorAll('[role="row"][data-row-id]').length);
    }
    return { frames, maxRowsInDom: maxRows };
  });
}

/** Runs `work` under the CDP CPU profiler when CHRONOLOGY_CPU_PROFILE is set, writing <dir>/<name>.cpuprofile. */
async function profiled<T>(page: Page, name: string, work: () => Promise<T>): Promise<T> {
  if (!PROFILE_DIR) return work();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = await cdp.send('Profiler.stop');
    fs.mkdirSync(PROFILE_DIR, { recursive: true });
    fs.writeFileSync(path.join(PROFILE_DIR, `${name}.cpuprofile`), JSON.stringify(profile));
    await cdp.detach();
  }
}

const med = (xs: number[]) => percentile(xs, 50);
const stats = (xs: number[]) => ({ n: xs.length, p50: Math.round(med(xs)), p95: Math.round(percentile(xs, 95)), max: Math.round(Math.max(...xs)) });

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(CLIENT_DIR, 'index.html'))) {
    execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit', timeout: 180_000 });
  }
  if (!fs.existsSync(COMPILED_SERVER)) execFileSync('npm', ['run', '--silent', 'build:server'], { stdio: 'inherit', timeout: 180_000 });
  const server = await spawnServer(tempDataDir('rr-bench-chron-'), { LOG_LEVEL: 'warn' }, 0, { compiled: true });
  const url = server.url;
  const clients: TestClient[] = [];
  try {
    const rssStart = rssMiB(server.child.pid!);
    const fx = await createReviewWithMembers(url);
    const agencies = [...fx.agencies];
    for (const [name, shortCode, partnerType] of [
      ['Children’s Social Care', 'CSC', 'local-authority'],
      ['Schools', 'EDU', 'education'],
      ['Hospital Trust', 'HOS', 'other'],
      ['Health Visiting', 'HV', 'other'],
    ] as const) {
      if (agencies.length >= AGENCIES) break;
      const r = await api(url, 'POST', `/api/reviews/${fx.reviewId}/agencies`, { cookie: fx.lead.cookie, body: { name, shortCode, partnerType } });
      if (r.status !== 201) throw new Error(`add agency failed ${r.status}`);
      agencies.push({ id: r.body.id, shortCode });
    }
    // More agencies than the six above, if asked for: generic names and codes.
    while (agencies.length < AGENCIES) {
      const n = agencies.length + 1;
      const r = await api(url, 'POST', `/api/reviews/${fx.reviewId}/agencies`, {
        cookie: fx.lead.cookie,
        body: { name: `Agency ${n}`, shortCode: `AG${n}`, partnerType: 'other' },
      });
      if (r.status !== 201) throw new Error(`add agency failed ${r.status}`);
      agencies.push({ id: r.body.id, shortCode: `AG${n}` });
    }
    // Workshop phases, drawn behind the timeline's lanes.
    const ws = await api(url, 'POST', `/api/reviews/${fx.reviewId}/workshops`, { cookie: fx.lead.cookie, body: { date: '2026-12-01' } });
    const list = await api(url, 'GET', `/api/reviews/${fx.reviewId}/workshops`, { cookie: fx.lead.cookie });
    await api(url, 'PUT', `/api/reviews/${fx.reviewId}/workshops/${ws.body.id}/setup`, {
      cookie: fx.lead.cookie,
      body: {
        ...list.body.workshops[0].setup,
        phases: [
          { id: 'before-birth', title: 'Before birth', start: '2008-01-01', end: '2012-12-31' },
          { id: 'early-years', title: 'Early years', start: '2013-01-01', end: '2018-12-31' },
          { id: 'school', title: 'School years', start: '2019-01-01', end: '2023-12-31' },
        ],
      },
    });

    // The register, then every agency's rows, each written as one update through a real client.
    const peopleDoc = openDoc(url, docName({ reviewId: fx.reviewId, kind: 'people' }), fx.lead.cookie);
    clients.push(peopleDoc);
    await synced(peopleDoc);
    const people = ['Mother', 'Father', 'Partner of Mother', 'Sibling', 'Maternal Grandmother', 'Aunt', 'Family Friend'].map((relationship, i) => {
      const p = { ...blankPerson(`person-${i}`), name: `Person ${i}`, relationship, reportLabel: relationship };
      writePerson(peopleDoc.doc, p);
      return p.id;
    });
    writePerson(peopleDoc.doc, {
      ...blankPerson('subject'),
      name: 'Subject Child',
      relationship: 'Subject child',
      isSubject: true,
      reportLabel: 'Child T',
      dateOfBirth: '2013-05-01',
    });
    const written: ChronologyEntry[] = [];
    const seedStart = performance.now();
    for (const [a, agency] of agencies.entries()) {
      const count = Math.floor(ROWS / AGENCIES) + (a < ROWS % AGENCIES ? 1 : 0);
      const rows = rowsFor(agency.id, agency.shortCode, count, a * 1_000, people);
      const c = openDoc(url, docName({ reviewId: fx.reviewId, kind: 'chronology', agencyId: agency.id }), fx.lead.cookie);
      clients.push(c);
      await synced(c);
      writeEntries(c.doc, agency.id, rows);
      written.push(...rows);
    }
    // Key practice learning events on every 20th row, written by the lead reviewer into the team document.
    const team = openDoc(url, docName({ reviewId: fx.reviewId, kind: 'chronology-team' }), fx.lead.cookie);
    clients.push(team);
    await synced(team);
    team.doc.transact(() => {
      written.forEach((e, i) => {
        if (i % 20 === 0) writeTeamFields(team.doc, e.id, { ...blankTeamFields(), keyLearning: true, phaseId: i % 40 === 0 ? 'early-years' : null });
      });
    });
    // Wait until the server has every row and mark (the updates travel over the sockets).
    for (let tries = 0; ; tries++) {
      const seen = await api(url, 'GET', `/api/reviews/${fx.reviewId}/chronology`, { cookie: fx.lead.cookie });
      const rows = seen.body.rows as { team: { keyLearning: boolean } }[];
      if (rows.length === ROWS && rows.filter((r) => r.team.keyLearning).length === Math.ceil(ROWS / 20)) break;
      if (tries > 300) throw new Error(`server has ${rows.length} rows, expected ${ROWS}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    const seedMs = Math.round(performance.now() - seedStart);
    for (const c of clients.splice(0)) c.destroy();
    const rssSeeded = rssMiB(server.child.pid!);

    const browser = await launchBrowser();
    try {
      const ctx = await newContext(browser, url, { width: 1280, height: 900 });
      // tsx names functions with an `__name` helper; functions sent into the page need it there too.
      await ctx.addInitScript({ content: 'window.__name = (f) => f;' });
      await ctx.addInitScript(readinessProbe, ROWS);
      const page = await ctx.newPage();
      page.on('pageerror', (e) => process.stderr.write(`page error: ${e.message}\n`));
      await signInThroughUi(page, fx.lead.email, TEST_ADMIN.password);
      const chronology = `/reviews/${fx.reviewId}/chronology`;

      const table: Timing[] = [];
      for (let r = 0; r < RUNS; r++) {
        await page.goto('/');
        table.push(
          await profiled(page, `table-${r}`, async () => {
            await page.goto(chronology);
            return probe(page, '__tableIdle', '__tableReady');
          }),
        );
      }
      const rssWithBrowser = rssMiB(server.child.pid!);
      const heap = await page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? null);

      // Filters, on the loaded table.
      const filterTable = await profiled(page, 'filter-table', () => timeFilters(page, FILTER_TEXTS, 3));
      const scroll = await scrollFrames(page);

      // Table to timeline on the loaded page (the timeline code is fetched on first use).
      await page.evaluate(() => {
        const w = window as unknown as Record<string, number | undefined>;
        w.__timelineReady = undefined;
        w.__timelineIdle = undefined;
        w.__switchStart = performance.now();
      });
      await page.getByRole('button', { name: 'Timeline' }).click();
      const sw = await probe(page, '__timelineIdle', '__timelineReady');
      const switchStart = await page.evaluate(() => (window as unknown as Record<string, number>).__switchStart!);
      const filterTimeline = await profiled(page, 'filter-timeline', () => timeFilters(page, FILTER_TEXTS, 3));
      // What vis-timeline holds at the full extent: single rows, our clusters, and its own (a safety net).
      const rowItemsInDom = await page.locator('.vis-item.tl-item:not(.tl-cluster):not(.vis-line):not(.vis-dot)').count();
      const ourClustersInDom = await page.locator('.vis-item.tl-cluster').count();
      const visClustersInDom = await page.locator('.vis-item.vis-cluster').count();

      const timeline: Timing[] = [];
      for (let r = 0; r < RUNS; r++) {
        await page.goto('/');
        timeline.push(
          await profiled(page, `timeline-${r}`, async () => {
            await page.goto(`${chronology}?view=timeline`);
            return probe(page, '__timelineIdle', '__timelineReady');
          }),
        );
      }

      const tableIdle = table.map((t) => t.idle);
      const timelineIdle = timeline.map((t) => t.idle);
      const target = ROWS > 5_000 ? 2_000 : 1_500;
      writeResult(RESULT, {
        rows: ROWS,
        agencies: AGENCIES,
        server: 'production bundle (dist/server/main.js) in its own process',
        loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
        seedMs,
        viewport: '1280x900',
        tableMs: {
          note: 'navigation start to: the tab heading drawn (shell), every document synced (connected), every row merged with a focusable row (ready), then main thread idle (interactive); first run has a cold cache',
          runs: table,
          firstInteractive: tableIdle[0],
          medianInteractive: med(tableIdle),
        },
        timelineMs: {
          note: 'navigation start (?view=timeline) to: vis-timeline drawn with every row merged (ready), then idle',
          runs: timeline,
          firstIdle: timelineIdle[0],
          medianIdle: med(timelineIdle),
          switchFromTableMs: { ready: Math.round(sw.ready - switchStart), idle: Math.round(sw.idle - switchStart) },
          atFullExtent: { rowItemsInDom, ourClustersInDom, visClustersInDom },
        },
        filterResponseMs: { table: stats(filterTable), timeline: stats(filterTimeline) },
        scroll: { frameMs: stats(scroll.frames), maxRowsInDom: scroll.maxRowsInDom },
        clientHeapMiB: heap === null ? null : Math.round(heap / 2 ** 20),
        serverRssMiB: { start: rssStart, seededDocsLoaded: rssSeeded, withBrowserOnChronology: rssWithBrowser },
        targets: { interactiveMs: target, filterP95Ms: 100, filterChangesAtLeast: 20 },
        met: {
          tableInteractive: med(tableIdle) < target,
          timelineRendered: med(timelineIdle) < target,
          filterTable: percentile(filterTable, 95) < 100 && filterTable.length >= 20,
          filterTimeline: percentile(filterTimeline, 95) < 100 && filterTimeline.length >= 20,
        },
      });
    } finally {
      await browser.close();
    }
  } finally {
    for (const c of clients) c.destroy();
    await server.kill9();
  }
}

await main();
process.exit(0);
