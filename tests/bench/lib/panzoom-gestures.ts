import type { Page } from 'playwright-core';
import { stageCentre, startFrames, stopFrames } from './big-image-page';

export type GesturePlan = { wheelSteps: number; panSteps: number; intervalMs: number };
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Wheel-zooms in and back out over points around the stage centre, then drags with the middle
 * button (pan) across and back, recording every animation frame meanwhile. Returns the stamps.
 */
export async function panZoom(page: Page, plan: GesturePlan, centreOf = stageCentre): Promise<number[]> {
  const c = await centreOf(page);
  await page.evaluate(startFrames);
  for (let i = 0; i < plan.wheelSteps; i++) {
    const dir = i < plan.wheelSteps / 2 ? -1 : 1;
    await page.mouse.move(c.x + ((i % 5) - 2) * 40, c.y + ((i % 3) - 1) * 30);
    await page.mouse.wheel(0, dir * 120);
    await pause(plan.intervalMs);
  }
  await page.mouse.move(c.x - 300, c.y);
  await page.mouse.down({ button: 'middle' });
  for (let i = 0; i < plan.panSteps; i++) {
    const t = i / plan.panSteps;
    await page.mouse.move(c.x - 300 + 600 * Math.sin(t * Math.PI), c.y + 150 * Math.sin(t * 2 * Math.PI));
    await pause(plan.intervalMs / 2);
  }
  await page.mouse.up({ button: 'middle' });
  return page.evaluate(stopFrames);
}

/** Frames with nothing happening: the display period as the page sees it. */
export async function idleFrames(page: Page, ms: number): Promise<number[]> {
  await page.evaluate(startFrames);
  await pause(ms);
  return page.evaluate(stopFrames);
}

/** The same gestures on a static page of one stage-sized canvas with no handlers. */
export async function panZoomControl(page: Page, plan: GesturePlan): Promise<number[]> {
  await page.goto('about:blank');
  await page.setContent(
    '<!doctype html><body style="margin:0;background:#1e2126"><canvas data-testid="viewer-stage" width="1600" height="1000" ' +
      'style="background:#3a3f47"></canvas></body>',
  );
  return panZoom(page, plan);
}
