import type { Locator, Page } from 'playwright-core';
import { afterPaint } from './browser';

export type Camera = { scale: number; x: number; y: number };

/** The stage's camera as it publishes it on its element (scale, then the image origin on screen). */
export async function cameraOf(page: Page): Promise<Camera> {
  const stage = page.getByTestId('viewer-stage');
  const [scale, x, y] = await Promise.all(
    ['data-scale', 'data-x', 'data-y'].map((a) => stage.getAttribute(a)),
  );
  return { scale: Number(scale), x: Number(x), y: Number(y) };
}

/** An image pixel's position on the page, for mouse gestures. */
export async function pagePoint(page: Page, [x, y]: [number, number]): Promise<[number, number]> {
  const box = (await page.getByTestId('viewer-stage').boundingBox())!;
  const cam = await cameraOf(page);
  return [box.x + cam.x + x * cam.scale, box.y + cam.y + y * cam.scale];
}

/** The same point in the stage element's own CSS pixels (for pixelAt on the stage). */
export async function stagePoint(page: Page, [x, y]: [number, number]): Promise<[number, number]> {
  const cam = await cameraOf(page);
  return [cam.x + x * cam.scale, cam.y + y * cam.scale];
}

export async function dragImage(
  page: Page,
  from: [number, number],
  to: [number, number],
  steps = 6,
): Promise<void> {
  const a = await pagePoint(page, from);
  const b = await pagePoint(page, to);
  await page.mouse.move(...a);
  await page.mouse.down();
  await page.mouse.move(...b, { steps });
  await page.mouse.up();
}

export async function clickImage(page: Page, p: [number, number]): Promise<void> {
  await page.mouse.click(...(await pagePoint(page, p)));
}

export const stage = (page: Page): Locator => page.getByTestId('viewer-stage');

/** Waits until the image view shows `sampleId` with its pixels and its label loaded. */
export async function waitForImage(page: Page, sampleId: number, timeout = 30_000): Promise<void> {
  await page
    .locator(`[data-testid=viewer-stage][data-loaded=true][data-sample-id="${sampleId}"]`)
    .waitFor({ timeout });
  await afterPaint(page);
}

/** The sample the image view shows now (its pixels and label both loaded), or null. */
export async function shownSample(page: Page): Promise<number | null> {
  // The stage names its sample only once the label is in too; pixels alone leave the id empty.
  const id = await page
    .locator('[data-testid=viewer-stage][data-loaded=true]:not([data-sample-id=""])')
    .getAttribute('data-sample-id', { timeout: 30_000 });
  return id ? Number(id) : null;
}

/** Waits until the store acknowledged everything the page sent ("saved ✓" honest). */
export async function waitSaved(page: Page, timeout = 15_000): Promise<void> {
  await page.locator('[data-testid=save-status]', { hasText: 'saved ✓' }).waitFor({ timeout });
}

/** The label revision the image view shows. */
export async function revisionOf(page: Page): Promise<number> {
  return Number((await stage(page).getAttribute('data-revision')) ?? 0);
}

/** Runs `act`, then waits until the view shows a newer acknowledged revision than before it. */
export async function changes(page: Page, act: () => Promise<void>, timeout = 15_000): Promise<number> {
  const before = await revisionOf(page);
  await act();
  const deadline = Date.now() + timeout;
  for (;;) {
    const now = await revisionOf(page);
    const saved = await page
      .getByTestId('save-status')
      .textContent()
      .catch(() => '');
    if (now > before && saved === 'saved ✓') return now;
    if (Date.now() > deadline)
      throw new Error(`no new revision after ${before} (now ${now}, status "${saved}")`);
    await page.waitForTimeout(30);
  }
}
