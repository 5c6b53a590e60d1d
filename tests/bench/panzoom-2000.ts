import { bigImageProject } from './lib/big-image-project';
import { openOnlyImage } from './lib/big-image-page';
import { openPage } from './lib/browser';
import { frameStats, vsyncFrom, type FrameStats } from './lib/frames';
import { startLongFrames, stopLongFrames } from './lib/long-frames';
import { idleFrames, panZoom, panZoomControl } from './lib/panzoom-gestures';
import { pngSet } from './lib/png-sets';
import { rendererBuild } from './lib/renderer-build';
import { removeScratch } from './lib/scratch';
import { serveProject } from './lib/serve';
import type { Bench, Measure } from './lib/types';

const SIZE = { width: 2592, height: 1944 };
const FULL = { regions: 2000, wheelSteps: 40, panSteps: 120, intervalMs: 40 };
const QUICK = { regions: 2000, wheelSteps: 12, panSteps: 30, intervalMs: 40 };
const TARGET_FPS = 55;

const fps = (ms: number) => 1000 / ms;

function frameMeasures(label: string, stats: FrameStats, target: boolean): Measure[] {
  const p50 = fps(stats.p50);
  return [
    {
      name: `${label}: fps p50`,
      value: p50,
      unit: 'fps',
      ...(target ? { target: `≥ ${TARGET_FPS} fps`, pass: p50 >= TARGET_FPS } : {}),
    },
    { name: `${label}: fps p5 (interval p95)`, value: fps(stats.p95), unit: 'fps' },
    { name: `${label}: dropped frames`, value: stats.droppedShare, unit: '%' },
  ];
}

const bench: Bench = {
  name: 'panzoom-2000',
  title: 'pan and zoom, 2,000 regions and a heatmap on a 5 MP image',
  order: 36,
  method:
    `Takes the first of next-image-5mp's generated ${SIZE.width}×${SIZE.height} PNGs and writes a project of that one image ` +
    'through the store with 2,000 label regions (two thirds boxes, one third six-point polygons, four defect types) and ' +
    "a prediction whose 256×192 heat map is written by the inference code's PNG writer. Serves it on a production renderer " +
    'build, opens the image in headless Chromium, turns the heatmap on (H) and records every requestAnimationFrame ' +
    'timestamp while wheel steps zoom in and out around the centre, then a middle-button drag pans across and back. ' +
    'fps = 1000 / frame interval; p5 fps is the 95th percentile interval. Control: the same gestures on a static page ' +
    'with one canvas, in the same browser.',
  async run({ quick, log }) {
    const plan = quick ? QUICK : FULL;
    const stops: (() => Promise<unknown>)[] = [];
    try {
      const build = rendererBuild(log);
      const set = await pngSet('mau-bench-5mp-10', 10, SIZE.width, SIZE.height, log, 500);
      const project = await bigImageProject(set.files[0]!, SIZE, plan.regions, true);
      const served = await serveProject(project, build.cwd);
      stops.push(served.stop);
      const browser = await openPage();
      stops.push(browser.close);
      const { page } = browser;
      await openOnlyImage(page, served.url);
      const toggle = page.getByTestId('toggle-heatmap');
      await toggle.waitFor({ timeout: 30_000 }).catch(() => undefined);
      if ((await toggle.getAttribute('aria-pressed').catch(() => null)) !== 'true')
        await page.keyboard.press('h');
      await page.waitForTimeout(1000);
      const heatmapOn = (await toggle.getAttribute('aria-pressed').catch(() => null)) === 'true';
      const vsyncMs = vsyncFrom(await idleFrames(page, 1000));
      log('zooming and panning…');
      await page.evaluate(startLongFrames);
      const app = frameStats(await panZoom(page, plan), vsyncMs);
      const long = await page.evaluate(stopLongFrames);
      const control = frameStats(await panZoomControl(page, plan), vsyncMs);
      return {
        measures: [
          { name: 'regions on the image', value: plan.regions, unit: 'regions' },
          ...frameMeasures('app', app, true),
          ...frameMeasures('static control', control, false),
          { name: 'frames recorded (app)', value: app.frames, unit: 'frames' },
        ],
        notes: [
          `Heatmap overlay ${heatmapOn ? 'on' : '**not confirmed on** (the toggle did not report aria-pressed=true)'}; ` +
            `${plan.wheelSteps} wheel steps of 120 and ${plan.panSteps} drag moves, ${plan.intervalMs} ms apart; display period ${vsyncMs.toFixed(2)} ms.`,
          `Long animation frames (over 50 ms) during the app's gestures: ${long.count}, ${Math.round(long.totalMs)} ms in all, ` +
            `${Math.round(long.scriptMs)} ms of it script, ${Math.round(long.layoutMs)} ms style and layout; script by caller: ${long.top.join('; ') || 'none'}.`,
          'Headless Chromium without a GPU rasterises on the CPU, which the other processes of this machine share; ' +
            'read the app against the control.',
          `Renderer: ${build.describe}.`,
        ],
      };
    } finally {
      for (const stop of stops.reverse()) await stop().catch(() => undefined);
      removeScratch();
    }
  },
};

export default bench;
