import type { Locator, Page } from 'playwright-core';
import { rawShot } from './answers';
import type { Rgb } from './pixels';

/** Presses Tab until the element with `testId` has the focus (the page is driven by keys only). */
export async function tabTo(page: Page, testId: string, maxTabs = 20): Promise<void> {
  for (let i = 0; i < maxTabs; i++) {
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);
    if (focused === testId) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${testId}`);
}

/** The points of the first `<path>` with `selector` inside the chart (M and L commands). */
export async function pathPoints(chart: Locator, selector: string): Promise<number> {
  const d = (await chart.locator(selector).first().getAttribute('d')) ?? '';
  return (d.match(/[ML]/g) ?? []).length;
}

/** Pixels of the element's screenshot within `tolerance` (Euclidean, RGB) of `colour`. */
export async function pixelsNear(element: Locator, colour: Rgb, tolerance = 60): Promise<number> {
  const shot = await rawShot(element);
  let count = 0;
  for (let o = 0; o < shot.data.length; o += shot.channels) {
    const d = Math.hypot(
      shot.data[o]! - colour[0],
      shot.data[o + 1]! - colour[1],
      shot.data[o + 2]! - colour[2],
    );
    if (d <= tolerance) count++;
  }
  return count;
}

export const percentText = (v: number) => `${(v * 100).toFixed(1)} %`;
