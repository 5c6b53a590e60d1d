import type { Page } from 'playwright-core';
import { installGridProbe, pageTimeline, type FirstPaint, type GridProbe, type Timeline } from './grid-probe';

export type GridLoad = FirstPaint & { timeline: Timeline };

const MIN_TILES = 8;
const FIRST_PAINT_LIMIT_MS = 60_000;

/** Loads (or reloads) the app and waits for the first screen of tiles with their images. */
async function load(page: Page, navigate: () => Promise<unknown>): Promise<GridLoad> {
  await navigate();
  await page.waitForFunction(
    () => (window as unknown as { __benchGrid?: GridProbe }).__benchGrid?.firstPaint,
    undefined,
    { timeout: FIRST_PAINT_LIMIT_MS, polling: 100 },
  );
  const paint = await page.evaluate(
    () => (window as unknown as { __benchGrid: GridProbe }).__benchGrid.firstPaint,
  );
  if (!paint) throw new Error('the first paint was not recorded');
  return { ...paint, timeline: await page.evaluate(pageTimeline) };
}

/**
 * The first load in a new profile (nothing cached), then `reloads` reloads (the app's script
 * and versioned media from the HTTP cache, the API and thumbnails asked again).
 */
export async function loadGrid(
  page: Page,
  url: string,
  reloads: number,
): Promise<{ cold: GridLoad; warm: GridLoad[] }> {
  await page.addInitScript(installGridProbe, MIN_TILES);
  const cold = await load(page, () => page.goto(url, { waitUntil: 'commit' }));
  const warm: GridLoad[] = [];
  for (let i = 0; i < reloads; i++) warm.push(await load(page, () => page.reload({ waitUntil: 'commit' })));
  return { cold, warm };
}
