import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { scratchDir } from './scratch';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export const VIEWPORT = { width: 1600, height: 1000 };

export type BenchPage = { page: Page; context: BrowserContext; close(): Promise<void> };

/**
 * Headless Chromium with a new profile of its own: an empty HTTP cache on disk, as a browser
 * has (a Playwright incognito context keeps its cache in memory and skips large responses).
 */
export async function openPage(): Promise<BenchPage> {
  const context = await chromium.launchPersistentContext(scratchDir('chromium-profile'), {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: VIEWPORT,
    deviceScaleFactor: 1,
  });
  // tsx compiles with keepNames, which wraps the functions handed to page.evaluate in __name(…).
  await context.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (error) => process.stderr.write(`[page error] ${error.message}\n`));
  return { page, context, close: () => context.close() };
}

/**
 * A just-launched Chromium spends about two seconds of both cores starting its own processes; a
 * page loaded in that time measures the launch as much as the page. Waits that out on a blank page.
 */
export const BROWSER_SETTLE_MS = 3_000;

export async function settleBrowser(page: Page): Promise<void> {
  await page.goto('about:blank');
  await page.waitForTimeout(BROWSER_SETTLE_MS);
}
