import type { CDPSession, Page } from 'playwright-core';
import type { Point } from '../shared/genogram/index.js';
import { percentile } from './benchUtils.js';

/**
 * What bench/genogramDrag.ts reads from the page while a person is dragged: frame intervals from an
 * in-page requestAnimationFrame loop, mousemoves handled, where React Flow drew a node, and Chromium's
 * main-thread time.
 */

/** One frame at 60 Hz; a longer interval (beyond 0.5 ms of jitter) is a missed frame. */
export const FRAME_60HZ = 1000 / 60;
/** Two frames at 60 Hz: a longer interval is below 30 frames a second. */
export const FRAME_30HZ = 1000 / 30;

/**
 * Starts recording frame intervals, counting the mousemoves the page handles, and counting the frames
 * in which the person `id` was drawn somewhere new, until `__stopFrames`.
 */
export function startFrames(page: Page, id: string | null): Promise<void> {
  return page.evaluate((who) => {
    const w = window as unknown as { __frames: number[]; __moves: number; __moved: number; __stopFrames?: () => void };
    w.__frames = [];
    w.__moves = 0;
    w.__moved = 0;
    const el = who ? document.querySelector<HTMLElement>(`.react-flow__node[data-id="${who}"]`) : null;
    let where = el?.style.transform;
    let last = -1;
    let on = true;
    const moved = () => {
      w.__moves++;
    };
    window.addEventListener('mousemove', moved, true);
    const frame = (now: number) => {
      if (!on) return;
      if (last >= 0) w.__frames.push(now - last);
      last = now;
      if (el && el.style.transform !== where) {
        where = el.style.transform;
        w.__moved++;
      }
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
    w.__stopFrames = () => {
      on = false;
      window.removeEventListener('mousemove', moved, true);
    };
  }, id);
}

/** Stops the recorder; returns the frame intervals (ms), the mousemoves handled and the frames the person moved in. */
export function stopFrames(page: Page): Promise<{ frames: number[]; moves: number; movedFrames: number }> {
  return page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __moves: number; __moved: number; __stopFrames(): void };
    w.__stopFrames();
    return { frames: w.__frames, moves: w.__moves, movedFrames: w.__moved };
  });
}

/** Waits for two animation frames, so what was changed has been painted. */
export function painted(page: Page): Promise<void> {
  return page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));
}

/** Where React Flow draws a node, in drawing units, read from its transform. */
export async function drawnAt(page: Page, id: string): Promise<Point> {
  const transform = await page.locator(`.react-flow__node-person[data-id="${id}"]`).evaluate((el) => (el as HTMLElement).style.transform);
  const m = /translate\((-?[\d.]+)px,\s*(-?[\d.]+)px\)/.exec(transform);
  if (!m) throw new Error(`no position in ${transform}`);
  return { x: Number(m[1]), y: Number(m[2]) };
}

/** The viewport's zoom, from React Flow's transform. */
export async function zoomOf(page: Page): Promise<number> {
  const t = await page.locator('.react-flow__viewport').evaluate((el) => (el as HTMLElement).style.transform);
  const m = /scale\(([\d.]+)\)/.exec(t);
  return m ? Number(m[1]) : 1;
}

/** Frame-time figures for a list of frame intervals. */
export function frameStats(xs: number[]) {
  const r1 = (n: number) => Math.round(n * 10) / 10;
  return {
    frames: xs.length,
    p50: r1(percentile(xs, 50)),
    p95: r1(percentile(xs, 95)),
    p99: r1(percentile(xs, 99)),
    max: r1(Math.max(...xs)),
    over16_7msPct: r1((100 * xs.filter((x) => x > FRAME_60HZ + 0.5).length) / xs.length),
    over33msPct: r1((100 * xs.filter((x) => x > FRAME_30HZ + 0.5).length) / xs.length),
  };
}

/** Main-thread time (ms) Chromium has spent so far: all tasks, scripts, layout and style. */
export async function busy(cdp: CDPSession): Promise<{ task: number; script: number; layout: number; style: number }> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const get = (name: string) => 1000 * (metrics.find((m) => m.name === name)?.value ?? 0);
  return { task: get('TaskDuration'), script: get('ScriptDuration'), layout: get('LayoutDuration'), style: get('RecalcStyleDuration') };
}
