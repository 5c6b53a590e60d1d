import type { Page } from 'playwright-core';
import {
  imageFetches,
  installViewerProbe,
  tileIds,
  type Draw,
  type Input,
  type ViewerProbe,
} from './viewer-probe';

/**
 * cold: nothing of the image was asked for before the key; prefetched: a first visit the app read
 * ahead; openAhead: an open from the grid of an image the app had read ahead (not counted as cold).
 */
export type StepKind = 'open' | 'openAhead' | 'cold' | 'prefetched' | 'revisit';
export type Step = {
  kind: StepKind;
  ms: number;
  /** Cold steps: the image request, and from its response to the draw (decode, copy, draw). */
  fetchMs: number | null;
  afterFetchMs: number | null;
  fromCache: boolean | null;
  /** The viewer named another sample than the one expected after the step. */
  wrongSample: boolean;
};

const STEP_LIMIT_MS = 30_000;
/** Images left for the forward run: one open, one cold step, then steps the app could read ahead. */
const FORWARD = 4;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
type ProbeWindow = { __benchViewer: ViewerProbe };

function readProbe(page: Page): Promise<{ inputs: Input[]; draws: Draw[] }> {
  return page.evaluate(() => {
    const p = (window as unknown as ProbeWindow).__benchViewer;
    return { inputs: p.inputs, draws: p.draws };
  });
}

/** Runs `act` (a key press or double-click) and waits until a new image reaches the canvas. */
async function step(
  page: Page,
  kind: StepKind,
  key: string,
  target: number,
  act: () => Promise<void>,
): Promise<Step> {
  const before = await readProbe(page);
  await act();
  await page.waitForFunction(
    (n) => (window as unknown as ProbeWindow).__benchViewer.draws.length > n,
    before.draws.length,
    {
      timeout: STEP_LIMIT_MS,
      polling: 'raf',
    },
  );
  const after = await readProbe(page);
  const input = after.inputs.slice(before.inputs.length).find((i) => i.key === key);
  const draw = after.draws[before.draws.length] as Draw;
  if (!input) throw new Error(`the page saw no ${key} event`);
  const fetches = await page.evaluate(imageFetches, target);
  const ahead = fetches.some((f) => f.start < input.t);
  const fetch = fetches.find((f) => f.start >= input.t) ?? null;
  const shown = page.locator(`[data-testid="viewer-stage"][data-sample-id="${target}"]`);
  const wrongSample = !(await shown.waitFor({ timeout: 5000 }).then(
    () => true,
    () => false,
  ));
  const observed: StepKind =
    kind === 'cold' && ahead ? 'prefetched' : kind === 'prefetched' && !ahead ? 'cold' : kind;
  const cold = observed === 'cold' || observed === 'open';
  return {
    kind: observed,
    ms: draw.t - input.t,
    fetchMs: cold && fetch ? fetch.end - fetch.start : null,
    afterFetchMs: cold && fetch ? draw.t - fetch.end : null,
    fromCache: cold && fetch ? fetch.fromCache : null,
    wrongSample,
  };
}

export type ViewerPlan = { count: number; dwellMs: number };

/**
 * Cold visits: open image k from the grid, wait, press D to k + 1, for k = 0, 3, 6, … (k + 2 is
 * skipped: the app may read it ahead). Then open the next unvisited image, press D through the
 * last four after a reviewer's pause each (the app may read the next image ahead meanwhile), and
 * A back through them (revisits). Each step is classified by what the page really requested.
 */
export async function measureViewer(page: Page, url: string, plan: ViewerPlan): Promise<Step[]> {
  await page.addInitScript(installViewerProbe);
  await page.goto(url);
  const tiles = page.getByTestId('thumb-tile');
  await tiles.nth(plan.count - 1).waitFor({ timeout: 60_000 });
  await page.waitForFunction(() => (window as unknown as ProbeWindow).__benchViewer.patched, undefined, {
    timeout: 30_000,
  });
  const ids = (await page.evaluate(tileIds)).slice(0, plan.count);
  const steps: Step[] = [];
  const press = (key: string) => () => page.keyboard.press(key);
  const openFromGrid = async (index: number) => {
    if (await page.getByTestId('viewer-screen').isVisible()) await page.keyboard.press('Escape');
    await tiles.nth(index).waitFor();
    await pause(300);
    steps.push(await step(page, 'open', 'dblclick', ids[index] as number, () => tiles.nth(index).dblclick()));
    await pause(plan.dwellMs);
  };
  const pairs = Math.floor((plan.count - FORWARD) / 3);
  if (pairs < 1) throw new Error(`the viewer bench needs at least ${FORWARD + 3} images`);
  for (let k = 0; k < pairs * 3; k += 3) {
    await openFromGrid(k);
    steps.push(await step(page, 'cold', 'd', ids[k + 1] as number, press('d')));
  }
  const start = pairs * 3;
  await openFromGrid(start);
  for (let i = start + 1; i < plan.count; i++) {
    steps.push(await step(page, i === start + 1 ? 'cold' : 'prefetched', 'd', ids[i] as number, press('d')));
    await pause(plan.dwellMs);
  }
  for (let i = plan.count - 2; i >= start; i--) {
    steps.push(await step(page, 'revisit', 'a', ids[i] as number, press('a')));
    await pause(plan.dwellMs);
  }
  return steps;
}
