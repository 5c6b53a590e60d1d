import type { Page } from 'playwright-core';

/** Opens the only image of the project from the grid and waits until the stage has drawn it. */
export async function openOnlyImage(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByTestId('thumb-tile').first().dblclick({ timeout: 60_000 });
  await page.locator('[data-testid=viewer-stage][data-loaded=true]').waitFor({ timeout: 120_000 });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/** Records every requestAnimationFrame timestamp until stopFrames is evaluated. */
export function startFrames(): void {
  const w = window as unknown as { __benchFrames: { stamps: number[]; on: boolean } };
  w.__benchFrames = { stamps: [], on: true };
  const tick = (t: number) => {
    if (!w.__benchFrames.on) return;
    w.__benchFrames.stamps.push(t);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

export function stopFrames(): number[] {
  const w = window as unknown as { __benchFrames: { stamps: number[]; on: boolean } };
  w.__benchFrames.on = false;
  return w.__benchFrames.stamps;
}

/** The stage box's centre on the page. */
export async function stageCentre(page: Page): Promise<{ x: number; y: number }> {
  const box = await page.getByTestId('viewer-stage').boundingBox();
  if (!box) throw new Error('the viewer stage has no box on the page');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}
