import { benchCore } from './lib/bench-core';
import { openPage } from './lib/browser';
import { pngSet } from './lib/png-sets';
import { rendererBuild } from './lib/renderer-build';
import { removeScratch, scratchDir } from './lib/scratch';
import { serveProject } from './lib/serve';
import type { Bench } from './lib/types';
import { viewerMeasures } from './lib/viewer-measures';
import { measureViewer } from './lib/viewer-page';

const WIDTH = 2592;
const HEIGHT = 1944;
const FULL = 24;
const QUICK = 10;
const DWELL_MS = 1500;

async function importProject(source: string): Promise<string> {
  const bench = benchCore();
  try {
    const dir = scratchDir('viewer-project');
    await bench.call('project:create', { dir, name: 'bench viewer' });
    const { jobId } = await bench.call('import:start', { source, format: 'folder' });
    await bench.waitForJob(jobId);
    return dir;
  } finally {
    await bench.core.close();
  }
}

const bench: Bench = {
  name: 'next-image-5mp',
  title: 'next image in the viewer, 5 MP PNGs',
  order: 30,
  method:
    `Generates ${FULL} structured, noisy ${WIDTH}×${HEIGHT} RGB PNGs (cached under the temp folder), imports them ` +
    'through the core into a new project, serves it and opens the grid in headless Chromium (new profile). ' +
    'Cold: open image k from the grid, wait, press D to k + 1 (a first visit the app did not read ahead), ' +
    'for k = 0, 3, 6, … Then open the next unvisited image and press D through the last four, ' +
    `pausing ${DWELL_MS / 1000} s on each as a reviewer would (prefetched, when the app read it ahead meanwhile), ` +
    'and A back through them (revisits). Every step is classified by what the page really requested before the ' +
    'key (Resource Timing), and timed from the KeyboardEvent timestamp to the end of the first draw of the ' +
    "stage's image layer holding the new bitmap (read in the page by wrapping Konva's Layer.drawScene).",
  async run({ quick, log }) {
    const count = quick ? QUICK : FULL;
    const stops: (() => Promise<unknown>)[] = [];
    try {
      const set = await pngSet(`mau-bench-5mp-${count}`, count, WIDTH, HEIGHT, log, 500);
      log(
        `${count} 5 MP PNGs ${set.reused ? 'reused' : `generated in ${set.seconds.toFixed(0)} s`}; importing…`,
      );
      const build = rendererBuild(log);
      const project = await importProject(set.dir);
      const served = await serveProject(project, build.cwd);
      stops.push(served.stop);
      const browser = await openPage();
      stops.push(browser.close);
      log('stepping through the images…');
      const steps = await measureViewer(browser.page, served.url, { count, dwellMs: DWELL_MS });
      const wrong = steps.filter((s) => s.wrongSample).length;
      return {
        measures: [{ name: 'images', value: count, unit: 'images' }, ...viewerMeasures(steps)],
        notes: [
          `${count} PNGs of ${WIDTH}×${HEIGHT} in ${set.dir}, ${(set.bytes / count / 2 ** 20).toFixed(1)} MiB each on average.`,
          `Renderer: ${build.describe}; the server took ${(served.startMs / 1000).toFixed(1)} s to start.`,
          'Pass or fail is judged on the median; the p95 of a few steps on a shared machine is mostly other load.',
          wrong
            ? `**${wrong} step(s) ended with the stage naming another sample than expected** (data-sample-id).`
            : 'After every step the stage named the expected sample (data-sample-id).',
        ],
      };
    } finally {
      for (const stop of stops.reverse()) await stop().catch(() => undefined);
      removeScratch();
    }
  },
};

export default bench;
