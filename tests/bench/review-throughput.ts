import type { Result } from '../../electron/contract';
import type { LabelState } from '../../electron/contract/review';
import { openPage } from './lib/browser';
import { rendererBuild } from './lib/renderer-build';
import { reviewWithKeys, type Decision } from './lib/review-page';
import { reviewProject, type ReviewProject } from './lib/review-project';
import { removeScratch } from './lib/scratch';
import { serveProject } from './lib/serve';
import { median, percentile } from './lib/stats';
import type { Bench, Measure } from './lib/types';

const FULL = 100;
const QUICK = 16;
const TARGET_PER_HOUR = 600;
const OUTCOME = { confirm: 'confirmed', falsePositive: 'false_positive', retype: 'retyped' } as const;

async function labelState(url: string, sampleId: number): Promise<LabelState> {
  const response = await fetch(new URL('api/labels:get', url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ sampleId }),
  });
  const result = (await response.json()) as Result<LabelState>;
  if (!result.ok) throw new Error(`labels:get ${sampleId}: ${result.error.message}`);
  return result.value;
}

/** Images whose stored decision is not the one the script keyed (outcome or final type). */
async function wrongOutcomes(url: string, project: ReviewProject): Promise<number> {
  let wrong = 0;
  for (const plan of project.plans) {
    const state = await labelState(url, plan.sampleId);
    const review = state.predictionReviews[0];
    const region = state.regions.find((r) => r.id === review?.regionId);
    const type = plan.kind === 'falsePositive' ? null : plan.rightType;
    if (review?.outcome !== OUTCOME[plan.kind] || (region?.defectType ?? null) !== type) wrong += 1;
  }
  return wrong;
}

function kindMeasures(decisions: Decision[]): Measure[] {
  return (['confirm', 'falsePositive', 'retype'] as const).flatMap((kind) => {
    const of = decisions.filter((d) => d.kind === kind);
    const keys = Math.max(...of.map((d) => d.keys));
    const limit = kind === 'retype' ? 3 : 1;
    return [
      {
        name: `${kind}: keys per decision`,
        value: keys,
        unit: 'keys',
        target: `≤ ${limit}`,
        pass: keys <= limit,
      },
      {
        name: `${kind}: key-down → next image ready, median (${of.length})`,
        value: median(of.map((d) => d.ms)),
        unit: 'ms',
      },
    ];
  });
}

const bench: Bench = {
  name: 'review-throughput',
  title: 'keyboard-only review of 100 predicted images',
  order: 35,
  method:
    'Copies the first 100 defective boards of shared/data/deeppcb (640×640 JPEG) into a DeepPCB-shaped folder, ' +
    'imports it through the core and imports a predictions file with one region per board over its first ' +
    'ground-truth box: typed right for half (to confirm), with a low score for a quarter (to reject as false ' +
    'positive), with a wrong type for a quarter (to retype). Serves the project on a production renderer build, ' +
    'opens it in headless Chromium (new profile, blind audits off), presses R and decides every image with one ' +
    'key: C, X or the right type’s hotkey. Each decision is timed in the page from the KeyboardEvent timestamp to ' +
    'the first animation frame at which the stage names the next sample as loaded, that image’s bitmap has been ' +
    "drawn (Konva's Layer.drawScene wrapped) and a prediction is selected for the next key. Decisions per hour = " +
    '3600 s / median decision time: the machine’s upper bound, not a person’s. Afterwards every stored outcome is checked. ' +
    'All of it twice, on two copies: with the image strip beside the canvas hidden (Q), then shown, as it starts in ' +
    'this 1600 px window; the shown pass is judged, and the difference of the medians is the strip’s cost.',
  async run({ quick, log }) {
    const count = quick ? QUICK : FULL;
    const stops: (() => Promise<unknown>)[] = [];
    try {
      const build = rendererBuild(log);
      // The strip starts shown in a window this wide: that pass is judged; the hidden one says
      // what the strip costs a step, in the same run.
      const pass = async (strip: boolean) => {
        const project = await reviewProject(count, log);
        const served = await serveProject(project.dir, build.cwd);
        stops.push(served.stop);
        const browser = await openPage();
        stops.push(browser.close);
        log(`reviewing with the image strip ${strip ? 'shown' : 'hidden'}…`);
        const run = await reviewWithKeys(browser.page, served.url, project, strip);
        const wrong = await wrongOutcomes(served.url, project);
        // nothing of this pass may run on during the next
        await browser.close();
        await served.stop();
        return { run, wrong, startMs: served.startMs, times: run.decisions.map((d) => d.ms) };
      };
      const hidden = await pass(false);
      const { run, wrong, startMs, times } = await pass(true);
      const perHour = 3600_000 / median(times);
      const stripMs = median(times) - median(hidden.times);
      return {
        measures: [
          { name: 'predicted images decided', value: run.decisions.length + 1, unit: 'images' },
          { name: 'key-down → next image ready, median', value: median(times), unit: 'ms' },
          {
            name: 'next image ready when the key is released (median ≤ a 120 ms key hold)',
            value: median(times) <= 120 ? 'yes' : 'no',
            target: '≤ 120 ms',
            pass: median(times) <= 120,
          },
          { name: 'key-down → next image ready, p95', value: percentile(times, 95), unit: 'ms' },
          { name: 'key-down → next image ready, max', value: Math.max(...times), unit: 'ms' },
          {
            name: 'key-down → next image drawn, median',
            value: median(run.decisions.map((d) => d.drawMs)),
            unit: 'ms',
          },
          {
            name: 'decisions per hour (upper bound)',
            value: perHour,
            unit: '/h',
            target: `≥ ${TARGET_PER_HOUR}/h`,
            pass: perHour >= TARGET_PER_HOUR,
          },
          ...kindMeasures(run.decisions),
          {
            name: 'stored outcomes not as keyed',
            value: wrong + hidden.wrong,
            unit: 'images',
            target: '0',
            pass: wrong + hidden.wrong === 0,
          },
          {
            name: 'image strip hidden (Q): key-down → next image ready, median',
            value: median(hidden.times),
            unit: 'ms',
          },
          { name: 'image strip’s cost a step (shown − hidden medians)', value: stripMs, unit: 'ms' },
        ],
        notes: [
          `${run.decisions.length} timed decisions a pass; the last one ends the queue and is not timed. ` +
            `The queue showed an image outside the plan ${run.wrongOrder + hidden.run.wrongOrder} time(s).`,
          'Two passes, each on a project of its own: first with the image strip hidden, then shown (as it starts ' +
            'in a window this wide); the measures above the last two are the shown pass’s.',
          'Playwright presses and releases each key at once; a person holds a key about 80–120 ms, so a decision ' +
            'time under that means the next image is ready when the key is released.',
          `Renderer: ${build.describe}; the server took ${(startMs / 1000).toFixed(1)} s to start.`,
        ],
      };
    } finally {
      for (const stop of stops.reverse()) await stop().catch(() => undefined);
      removeScratch();
    }
  },
};

export default bench;
