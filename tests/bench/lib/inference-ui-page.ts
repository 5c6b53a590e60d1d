import type { Page } from 'playwright-core';
import { installViewerProbe, type Draw, type Input, type ViewerProbe } from './viewer-probe';

const STEP_LIMIT_MS = 30_000;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type KeyFrames = { __benchKeyFrames: number[] };
type ProbeWindow = { __benchViewer: ViewerProbe } & KeyFrames;

/** In the page: for every key-down, the time to the next animation frame (the first paint that can show it). */
export function installKeyFrameProbe(): void {
  const w = window as unknown as KeyFrames;
  w.__benchKeyFrames = [];
  addEventListener(
    'keydown',
    (e) => requestAnimationFrame((t) => w.__benchKeyFrames.push(t - e.timeStamp)),
    true,
  );
}

/** A step whose image was not drawn within STEP_LIMIT_MS counts as that long, flagged `timedOut`. */
export type NavStep = { imageMs: number; frameMs: number; timedOut: boolean };
export { STEP_LIMIT_MS };

function readProbe(page: Page): Promise<{ inputs: Input[]; draws: Draw[]; frames: number[] }> {
  return page.evaluate(() => {
    const w = window as unknown as ProbeWindow;
    return { inputs: w.__benchViewer.inputs, draws: w.__benchViewer.draws, frames: w.__benchKeyFrames };
  });
}

/** Opens the app and the first image of the grid in the viewer, with both probes installed. */
export async function openViewer(page: Page, url: string): Promise<void> {
  await page.addInitScript(installViewerProbe);
  await page.addInitScript(installKeyFrameProbe);
  await page.goto(url);
  const tile = page.getByTestId('thumb-tile').first();
  await tile.waitFor({ timeout: 60_000 });
  await page.waitForFunction(() => (window as unknown as ProbeWindow).__benchViewer.patched, undefined, {
    timeout: 30_000,
  });
  const before = (await readProbe(page)).draws.length;
  await tile.dblclick();
  await page.waitForFunction(
    (n) => (window as unknown as ProbeWindow).__benchViewer.draws.length > n,
    before,
    {
      timeout: STEP_LIMIT_MS,
    },
  );
}

/**
 * Presses `key` (next image) `count` times, `dwellMs` apart; each step is timed in the page from
 * the KeyboardEvent timestamp to (a) the next animation frame and (b) the end of the first draw of
 * the stage's image layer holding the new image (the viewer probe's Layer.drawScene wrapper).
 */
export async function navigate(page: Page, key: string, count: number, dwellMs: number): Promise<NavStep[]> {
  const steps: NavStep[] = [];
  for (let i = 0; i < count; i++) {
    const before = await readProbe(page);
    await page.keyboard.press(key);
    const drawn = await page
      .waitForFunction(
        (n) => (window as unknown as ProbeWindow).__benchViewer.draws.length > n,
        before.draws.length,
        { timeout: STEP_LIMIT_MS, polling: 'raf' },
      )
      .then(
        () => true,
        () => false,
      );
    const after = await readProbe(page);
    if (!drawn) {
      const frame = after.frames[before.frames.length];
      steps.push({ imageMs: STEP_LIMIT_MS, frameMs: frame ?? STEP_LIMIT_MS, timedOut: true });
      continue;
    }
    const input = after.inputs.slice(before.inputs.length).find((e) => e.key === key);
    const draw = after.draws[before.draws.length];
    const frame = after.frames[before.frames.length];
    if (!input || !draw || frame === undefined)
      throw new Error(`step ${i}: the page recorded no ${key} key or draw`);
    steps.push({ imageMs: draw.t - input.t, frameMs: frame, timedOut: false });
    await pause(dwellMs);
  }
  return steps;
}
