import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { callApi } from './api';
import { collectErrors, launchChromium } from './browser';
import type { ImportFormat } from '../../../electron/contract';
import { importFixture, projectWithFixture, sharedData } from './project';
import { ensureRendererBuild, startServer, type RunningServer } from './server';

/** A dataset of shared/data whose test fixture is imported, and the importer that reads it. */
export type FixtureData = { dataset: string; format: ImportFormat };

/**
 * The app served on a new project of dataset fixtures (BSData unless told; none: no project
 * open), and a browser page to drive it.
 */
export type ScreenFixture = {
  /** A temp folder of the test's own (settings and project live in it); removed by close. */
  temp: string;
  server: RunningServer;
  browser: Browser;
  page: Page;
  /** The page's console and uncaught errors, for the test to fail on at the end. */
  errors: string[];
  api: <T>(method: string, input: unknown) => Promise<T>;
  close(): Promise<void>;
};

export async function openScreenFixture(
  root: string,
  tempPrefix: string,
  pageOptions: BrowserContextOptions,
  data: readonly FixtureData[] = [{ dataset: 'bsdata', format: 'bsdata' }],
): Promise<ScreenFixture> {
  const temp = mkdtempSync(join(tmpdir(), tempPrefix));
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close();
    await server?.stop();
    rmSync(temp, { recursive: true, force: true });
  };
  try {
    await ensureRendererBuild(root);
    server = await startServer(root, { MAU_STUDIO_SETTINGS_DIR: join(temp, 'settings') });
    const url = server.url;
    const [first, ...more] = data;
    if (first)
      await projectWithFixture(url, join(temp, 'project'), sharedData(root, first.dataset), first.format);
    for (const next of more) await importFixture(url, sharedData(root, next.dataset), next.format);
    browser = await launchChromium();
    const page = await browser.newPage(pageOptions);
    const api = <T>(method: string, input: unknown) => callApi<T>(url, method, input);
    return { temp, server, browser, page, errors: collectErrors(page), api, close };
  } catch (error) {
    // Half a fixture would outlive the test: a server process, a browser, a temp folder.
    await close();
    throw error;
  }
}
