import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';

/**
 * Browser helpers for end-to-end tests: Debian's Chromium driven by playwright-core (no browser is
 * ever downloaded), and an axe-core check for WCAG 2.2 AA.
 */

/** Launches Debian's Chromium headless with flags that keep it off the network and quiet in CI. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** The axe tags that together cover WCAG 2.0, 2.1 and 2.2 at levels A and AA. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** One axe violation, reduced to what a failing test message needs. */
export type AxeProblem = { id: string; impact: string; help: string; targets: string[] };

/**
 * Runs axe on the page as it is now and returns every WCAG 2.2 A/AA violation, whatever its impact
 * (empty when clean): "axe-core clean" means no violation at all, not only no serious one.
 */
export async function axeViolations(page: Page): Promise<AxeProblem[]> {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  return results.violations.map((v) => ({ id: v.id, impact: v.impact ?? '', help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
}

/** A new browser context on the server's origin, with an en-GB locale and London time zone. */
export function newContext(browser: Browser, baseURL: string, opts: { width?: number; height?: number } = {}): Promise<BrowserContext> {
  return browser.newContext({
    baseURL,
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    viewport: { width: opts.width ?? 1280, height: opts.height ?? 900 },
  });
}

/** Signs in through the sign-in page and waits for the reviews list. */
export async function signInThroughUi(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Your reviews' }).waitFor();
}
