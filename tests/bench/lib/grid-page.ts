import type { Page } from 'playwright-core';
import { frameStats, vsyncFrom, type FrameStats } from './frames';
import { startFrames, stopFrames, whenVisibleTilesLoaded } from './grid-probe';
import { startLongFrames, stopLongFrames, type LongFrames } from './long-frames';

export type ScrollResult = {
  idle: FrameStats;
  scroll: FrameStats;
  vsyncMs: number;
  rowsScrolled: number;
  scrolledPx: number;
  /** How long the wheel steps took (the plan's pace, or longer when the page fell behind). */
  scrollMs: number;
  settleMs: number;
  settledComplete: boolean;
  /** Frames over 50 ms during the scroll and where their time went. */
  longFrames: LongFrames;
};

/** `steps` wheel notches of `deltaPx`, one every `intervalMs` (a fast, steady turn of the wheel). */
export type ScrollPlan = { steps: number; deltaPx: number; intervalMs: number };

const IDLE_MS = 1000;
const SETTLE_LIMIT_MS = 30_000;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function wheel(page: Page, plan: ScrollPlan): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < plan.steps; i++) {
    const due = start + (i + 1) * plan.intervalMs;
    await page.mouse.wheel(0, plan.deltaPx);
    await pause(Math.max(0, due - performance.now()));
  }
  return performance.now() - start;
}

/**
 * On a loaded grid: records a second of idle frames (the display period), then wheels down the
 * grid while recording every animation frame, then waits for the thumbnails where it stopped.
 */
export async function scrollGrid(
  page: Page,
  plan: ScrollPlan,
  options: { waitForTiles: boolean } = { waitForTiles: true },
): Promise<ScrollResult> {
  const grid = page.getByTestId('thumb-grid');
  const box = await grid.boundingBox();
  if (!box) throw new Error('the grid has no box on screen');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await pause(300);

  await page.evaluate(startFrames);
  await pause(IDLE_MS);
  const idleStamps = await page.evaluate(stopFrames);
  const vsyncMs = vsyncFrom(idleStamps);

  const before = await grid.evaluate((el) => el.scrollTop);
  await page.evaluate(startLongFrames);
  await page.evaluate(startFrames);
  const scrollMs = await wheel(page, plan);
  const scrollStamps = await page.evaluate(stopFrames);
  const longFrames = await page.evaluate(stopLongFrames);
  const after = await grid.evaluate((el) => el.scrollTop);
  const rowPitch = await page.evaluate(() => {
    const rows = document.querySelectorAll<HTMLElement>('[data-testid="thumb-grid"] [role="row"]');
    const [a, b] = [rows[0], rows[1]].map((row) => row?.getBoundingClientRect().top ?? 0);
    return Math.abs((b ?? 0) - (a ?? 0));
  });
  const settleStart = await page.evaluate(() => performance.now());
  const settled = options.waitForTiles
    ? await page.evaluate(whenVisibleTilesLoaded, SETTLE_LIMIT_MS)
    : { at: settleStart, complete: true };

  return {
    idle: frameStats(idleStamps, vsyncMs),
    scroll: frameStats(scrollStamps, vsyncMs),
    vsyncMs,
    scrolledPx: after - before,
    scrollMs,
    rowsScrolled: rowPitch ? Math.round((after - before) / rowPitch) : Number.NaN,
    settleMs: settled.at - settleStart,
    settledComplete: settled.complete,
    longFrames,
  };
}
