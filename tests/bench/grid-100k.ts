import { BROWSER_SETTLE_MS, openPage, settleBrowser, VIEWPORT } from './lib/browser';
import { timeInProcess, timeOverHttp } from './lib/grid-api';
import { gridImages } from './lib/grid-images';
import { loadGrid } from './lib/grid-load';
import { apiMeasures, loadMeasures, scrollMeasures } from './lib/grid-measures';
import { scrollGrid } from './lib/grid-page';
import { seedGridProject } from './lib/grid-project';
import { rendererBuild } from './lib/renderer-build';
import { scrollControl } from './lib/scroll-control';
import { removeScratch } from './lib/scratch';
import { serveProject } from './lib/serve';
import type { Bench } from './lib/types';

const FULL = { rows: 100_000, distinct: 2_000, steps: 120 };
const QUICK = { rows: 20_000, distinct: 500, steps: 40 };
const WHEEL = { deltaPx: 240, intervalMs: 50 };
const RELOADS = 2;

const count = (n: number) => n.toLocaleString('en-US');

const bench: Bench = {
  name: 'grid-100k',
  title: 'grid of 100,000 samples: first paint, scrolling, API',
  order: 20,
  method:
    'Writes a project of 100,000 rows straight through the store (`upsertImportedSample` in one ' +
    'transaction; five sources, seven categories, splits, verdicts, defect types, boxes on most NG rows), ' +
    'whose files are hard links to a few thousand generated 320×240 PNGs with their thumbnails already in ' +
    'the project cache, as an import leaves them. Starts `mau-studio serve --port 0 --project <dir>` on a ' +
    `production build of the renderer and opens it in headless Chromium (${VIEWPORT.width}×${VIEWPORT.height}, new profile). ` +
    'First paint is read in the page: from navigation start to the animation frame after every tile on ' +
    `screen has its image loaded and decoded. It is measured in a browser that has finished starting (launched, then ` +
    `${BROWSER_SETTLE_MS / 1000} s on a blank page, then the app's URL with an empty cache, as a user opens the printed URL ` +
    'in the browser they already run), and, for comparison, in another browser the moment it is launched, whose own ' +
    'start-up shares the two cores. Then the page is reloaded twice. Scrolling: mouse-wheel ' +
    'steps over the grid while every requestAnimationFrame timestamp is recorded; a frame interval of n ' +
    'display periods counts n − 1 dropped frames. API: median of 7 calls (after one warm-up) over HTTP, ' +
    'and through `dispatch` in-process.',
  async run({ quick, log }) {
    const size = quick ? QUICK : FULL;
    const stops: (() => Promise<unknown>)[] = [];
    try {
      const build = rendererBuild(log);
      const images = await gridImages(size.rows, size.distinct, log);
      log(`writing ${size.rows} rows…`);
      const project = seedGridProject(images);
      log(`rows written in ${(project.seedMs / 1000).toFixed(1)} s; timing the API in-process…`);
      const local = await timeInProcess(project.dir);
      const served = await serveProject(project.dir, build.cwd);
      stops.push(served.stop);
      log(`serving at ${served.url}; opening the grid in a browser just launched…`);
      const launched = await openPage();
      const atLaunch = await loadGrid(launched.page, served.url, 0).finally(launched.close);
      log('opening the grid in a new browser that has finished starting…');
      const browser = await openPage();
      stops.push(browser.close);
      await settleBrowser(browser.page);
      const loads = await loadGrid(browser.page, served.url, RELOADS);
      log('scrolling…');
      const scroll = await scrollGrid(browser.page, { steps: size.steps, ...WHEEL });
      const control = await scrollControl(browser.page, { steps: size.steps, ...WHEEL });
      log('timing the API over HTTP…');
      const http = await timeOverHttp(served.url);
      return {
        measures: [
          { name: 'samples in the project', value: size.rows, unit: 'rows' },
          {
            name: 'rows written through upsertImportedSample',
            value: size.rows / (project.seedMs / 1000),
            unit: 'rows/s',
          },
          ...loadMeasures(loads.cold, loads.warm, atLaunch.cold),
          ...scrollMeasures(scroll, control),
          ...apiMeasures(http, local),
        ],
        notes: [
          `${count(size.rows)} rows over ${count(size.distinct)} distinct images; ${size.steps} wheel steps of ` +
            `${WHEEL.deltaPx} px, one every ${WHEEL.intervalMs} ms (slower when the page falls behind: ` +
            `Playwright waits for the page to take each wheel event); display period ${scroll.vsyncMs.toFixed(2)} ms.`,
          `Renderer: ${build.describe}; the server took ${(served.startMs / 1000).toFixed(1)} s to start (not part of first paint).`,
          `The write rate includes the store's moved-file check, which stats every earlier row with the same ` +
            `content hash: ${Math.round(size.rows / size.distinct)} rows share each image here, far more than in real data.`,
          `API requests of the first load, sent–answered in ms after navigation start: ${loads.cold.timeline.calls.join(', ')}.`,
          `Script time in the long frames of the scroll, by caller: ${scroll.longFrames.top.join('; ') || 'none'}.`,
          'Headless Chromium without a GPU rasterises on the CPU, which the other processes of this machine share.',
        ],
      };
    } finally {
      for (const stop of stops.reverse()) await stop().catch(() => undefined);
      removeScratch();
    }
  },
};

export default bench;
