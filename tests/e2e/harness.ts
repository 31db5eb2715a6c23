import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { expect } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestServer } from '../utils/testServer.js';
import type { Config } from '../../server/config.js';
import { launchBrowser, newContext, axeViolations, signInThroughUi } from '../utils/browser.js';

/**
 * What every end-to-end file shares: the real server started in this process on port 0 serving the
 * built client, Debian's Chromium, and a few page helpers. Nothing here waits on the clock: helpers
 * wait for things the page shows.
 */

/**
 * How long expect.poll keeps looking for something the page will show (its default is one second,
 * too short on a busy two-core machine). A bound on waiting, not a timing assertion.
 */
export const WAIT = { timeout: 20_000, interval: 50 } as const;

/** Where `vite build` puts the client (vite.config.ts). */
export const CLIENT_DIR = path.resolve('dist/client');

/** Builds the client once if the test command did not (running a single e2e file by hand). */
export function ensureClientBuilt(): void {
  if (fs.existsSync(path.join(CLIENT_DIR, 'index.html'))) return;
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit', timeout: 180_000 });
  if (!fs.existsSync(path.join(CLIENT_DIR, 'index.html'))) throw new Error('vite build did not produce dist/client/index.html');
}

/** A running server and browser for one test file. */
export type E2e = {
  server: Awaited<ReturnType<typeof startTestServer>>;
  browser: Browser;
  /** A fresh browser context (its own cookies) on the server's origin, and a page in it. */
  open(): Promise<{ ctx: BrowserContext; page: Page }>;
  /** Opens a context and signs in through the sign-in page. */
  signedIn(email: string, password: string): Promise<{ ctx: BrowserContext; page: Page }>;
  close(): Promise<void>;
};

/** Starts the server (with extra environment, e.g. SEED_DEMO, and configuration a test shortens) and Chromium. */
export async function startE2e(env: Record<string, string> = {}, config: Partial<Config> = {}): Promise<E2e> {
  ensureClientBuilt();
  const server = await startTestServer({ env, config: { clientDir: CLIENT_DIR, ...config } });
  let browser: Browser;
  try {
    browser = await launchBrowser();
  } catch (err) {
    await server.close();
    throw err;
  }
  const contexts = new Set<BrowserContext>();
  const open = async () => {
    const ctx = await newContext(browser, server.url);
    contexts.add(ctx);
    const page = await ctx.newPage();
    return { ctx, page };
  };
  return {
    server,
    browser,
    open,
    async signedIn(email, password) {
      const opened = await open();
      await signInThroughUi(opened.page, email, password);
      return opened;
    },
    async close() {
      for (const ctx of contexts) await ctx.close().catch(() => undefined);
      await browser.close().catch(() => undefined);
      await server.close();
    },
  };
}

/** Fails with the list of problems when axe finds any WCAG 2.2 A or AA violation. */
export async function expectAxeClean(page: Page, what: string): Promise<void> {
  const problems = await axeViolations(page);
  expect(problems, `${what}: ${JSON.stringify(problems, null, 1)}`).toEqual([]);
}

/** The people register's row for someone, found by the name in its row header. */
export function personRow(page: Page, name: string | RegExp) {
  return page
    .getByTestId('people-table')
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name }) });
}

/** Waits until the people register says it is connected and has the server's copy. */
export async function waitForRegister(page: Page): Promise<void> {
  await page
    .getByTestId('sync-status')
    .getByText(/^Connected\./)
    .waitFor();
}

/** A short description of the focused element: tag, type, accessible label text or own text. */
export function describeFocus(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return 'BODY';
    const input = el as HTMLInputElement;
    const labelled = input.labels && input.labels.length > 0 ? input.labels[0]!.textContent : null;
    const text = (labelled ?? el.getAttribute('aria-label') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim();
    return `${el.tagName}|${input.type ?? ''}|${text}`;
  });
}

/** True when the focused element shows a focus indicator: an outline at least 2px wide, or a box shadow. */
export function focusVisible(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return false;
    const s = getComputedStyle(el);
    return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none';
  });
}

/**
 * Presses Tab until the focused element's description (see describeFocus) matches `want`, and fails if
 * it is not reached within `max` presses. Only the keyboard moves focus.
 */
export async function tabTo(page: Page, want: RegExp, max = 40, key: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<string> {
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    const d = await describeFocus(page);
    seen.push(d);
    if (want.test(d)) return d;
  }
  throw new Error(`Tab never reached ${want}; focus went through:\n${seen.join('\n')}`);
}

/** A y-websocket message that asks the server for everything (sync step 1 with an empty state vector). */
export function syncStep1Frame(): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0); // messageSync
  syncProtocol.writeSyncStep1(e, new Y.Doc());
  return encoding.toUint8Array(e);
}

/** A y-websocket sync message carrying one Yjs update, as a crafted client would send it. */
export function updateFrame(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0); // messageSync
  syncProtocol.writeUpdate(e, update);
  return encoding.toUint8Array(e);
}

/** A y-websocket awareness message for one client id claiming `state`. */
export function awarenessFrame(clientId: number, clock: number, state: Record<string, unknown>): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, 1);
  encoding.writeVarUint(inner, clientId);
  encoding.writeVarUint(inner, clock);
  encoding.writeVarString(inner, JSON.stringify(state));
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1); // messageAwareness
  encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
  return encoding.toUint8Array(e);
}

/**
 * Opens a raw WebSocket to /yjs/<docName> from inside the page, so it carries that browser's session
 * cookie and Origin exactly as the app's own socket does, and sends `frames` as they are. It then asks
 * for sync step 2 and waits for the answer: the server handles one socket's messages in order, so once
 * the answer arrives every frame before it has been applied or dropped. With `keepOpen` the socket
 * stays open (as window.__rawYjs) until closeRawYjs.
 */
export async function sendRawYjs(page: Page, docName: string, frames: Uint8Array[], opts: { keepOpen?: boolean } = {}): Promise<void> {
  await page.evaluate(
    async ({ name, frames: raw, step1, keepOpen }) => {
      const ws = new WebSocket(`${location.origin.replace(/^http/, 'ws')}/yjs/${name}`);
      ws.binaryType = 'arraybuffer';
      await new Promise<void>((resolve, reject) => {
        ws.onopen = () => resolve();
        ws.onerror = () => reject(new Error('raw Yjs socket refused'));
      });
      const answered = new Promise<void>((resolve, reject) => {
        ws.onmessage = (ev) => {
          const b = new Uint8Array(ev.data as ArrayBuffer);
          if (b[0] === 0 && b[1] === 1) resolve(); // sync step 2
        };
        ws.onclose = (ev) => reject(new Error(`raw Yjs socket closed ${ev.code}`));
      });
      for (const f of raw) ws.send(new Uint8Array(f));
      ws.send(new Uint8Array(step1));
      await answered;
      ws.onclose = null;
      if (keepOpen) (window as unknown as { __rawYjs?: WebSocket }).__rawYjs = ws;
      else ws.close();
    },
    { name: docName, frames: frames.map((f) => Array.from(f)), step1: Array.from(syncStep1Frame()), keepOpen: opts.keepOpen === true },
  );
}

/** Closes the socket sendRawYjs left open. */
export async function closeRawYjs(page: Page): Promise<void> {
  await page.evaluate(() => (window as unknown as { __rawYjs?: WebSocket }).__rawYjs?.close());
}

/** The CSS rgb() form of a #rrggbb colour, as getComputedStyle reports it. */
export function rgb(hex: string): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
}
