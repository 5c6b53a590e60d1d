import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Job } from '../../electron/contract';
import type { EvaluationReport } from '../../electron/contract/api-evaluation';
import { UNIT_PLOT } from '../../electron/contract/evaluation-report/svg-charts';
import { finishedJob, reviewAs } from './support/api';
import { afterPaint } from './support/browser';
import { pathPoints, percentText, pixelsNear, tabTo } from './support/evaluation';
import { hexRgb } from './support/pixels';
import { allSamples } from './support/project';
import { openScreenFixture, type ScreenFixture } from './support/screen-fixture';
import type { RunningServer } from './support/server';

const UI_MS = 60_000;
const root = resolve(import.meta.dirname, '../..');
const PACKS = ['anomalib-v1-score', 'anomalib-v2'] as const;
const ARTIFACTS = join(root, 'tests/.artifacts');
// The evaluation screen's colours (renderer/src/evaluation/evaluation.css).
const CURVE = hexRgb('#58a6ff');
const OK_BAR = hexRgb('#3fb950');

let fixture: ScreenFixture;
let server: RunningServer;
let page: Page;
let errors: string[];
let ngLabels = 0;
const api = <T>(method: string, input: unknown) => fixture.api<T>(method, input);

beforeAll(async () => {
  fixture = await openScreenFixture(root, 'mau-e2e-eval-', {
    viewport: { width: 1280, height: 800 },
    acceptDownloads: true,
  });
  ({ server, page, errors } = fixture);
  // Both packs predict every image (no models dialog in the renderer: the API the UI would call).
  for (const name of PACKS) {
    const pack = await api<{ packId: string }>('models:add', { dir: join(root, 'models/test-models', name) });
    const { jobId } = await api<{ jobId: string }>('inference:start', {
      packId: pack.packId,
      providers: ['cpu'],
      threads: 1,
    });
    expect(await finishedJob(api, jobId)).toMatchObject({ state: 'done', failed: 0 });
  }
  // A reviewer found a defect on a part the import called OK: the labels now differ from the truth imported.
  const samples = await allSamples(server.url);
  const passed = samples.find((s) => s.verdict === 'OK')!;
  await reviewAs(api, passed.id, 'NG');
  ngLabels = samples.filter((s) => s.verdict === 'NG').length + 1;
  mkdirSync(ARTIFACTS, { recursive: true });
}, 180_000);

afterAll(() => fixture?.close());

/** The two evaluation jobs the screen started, newest first, as pack name → report. */
async function reportsByPack(): Promise<Map<string, EvaluationReport>> {
  const jobs = (await api<Job[]>('jobs:list', {})).filter(
    (j) => j.kind === 'evaluation' && j.state === 'done',
  );
  const reports = await Promise.all(jobs.map((j) => api<EvaluationReport>('eval:report', { jobId: j.id })));
  return new Map(reports.map((r) => [r.pack.name, r]));
}

const text = (testId: string) => page.getByTestId(testId).textContent();

describe('the evaluation screen', () => {
  it('is reached by keyboard, runs two packs side by side, plots them and saves the report', async () => {
    await page.goto(server.url);
    await page.getByTestId('browser-screen').waitFor({ timeout: UI_MS });
    await page.keyboard.press('e');
    await page.getByTestId('evaluation-screen').waitFor({ timeout: UI_MS });
    await tabTo(page, 'eval-pack-a');
    await page.keyboard.type(PACKS[0]);
    await tabTo(page, 'eval-pack-b');
    await page.keyboard.type(PACKS[1]);
    const chosen = await Promise.all(
      ['eval-pack-a', 'eval-pack-b'].map((id) => page.getByTestId(id).inputValue()),
    );
    expect(chosen.every((v) => v.length > 0) && chosen[0] !== chosen[1]).toBe(true);
    await tabTo(page, 'eval-run');
    await page.keyboard.press('Enter');
    await page.locator('[data-testid=eval-results][data-comparing=true]').waitFor({ timeout: 120_000 });

    const reports = await reportsByPack();
    const a = reports.get(PACKS[0])!;
    const b = reports.get(PACKS[1])!;
    // The corrected label is the truth the packs were scored against.
    for (const r of [a, b])
      expect({ evaluated: r.evaluated, ng: r.total.ng }).toEqual({ evaluated: 40, ng: ngLabels });

    // Compare columns: both packs, their AUROCs, the better one marked.
    expect(await text('eval-headline-pack-a')).toContain(PACKS[0]);
    expect(await text('eval-headline-pack-b')).toContain(PACKS[1]);
    expect(await text('eval-column-name-a')).toContain(PACKS[0]);
    expect(await text('eval-column-name-b')).toContain(PACKS[1]);
    expect(await text('eval-value-auroc-a')).toContain(a.total.auroc!.toFixed(3));
    expect(await text('eval-value-auroc-b')).toContain(b.total.auroc!.toFixed(3));
    const betterAuroc = a.total.auroc! > b.total.auroc! ? 'a' : 'b';
    expect(await page.getByTestId(`eval-value-auroc-${betterAuroc}`).getAttribute('data-better')).toBe(
      'true',
    );
    expect(await page.locator('[data-metric=auroc] [data-better]').count()).toBe(1);
    // The pack's own stored verdicts, as the review screen shows them, beside the one-threshold rows.
    for (const [slot, r] of [['a', a] as const, ['b', b] as const]) {
      const { tp, fp, fn, tn } = r.modelVerdicts;
      expect(await text(`eval-value-verdictAccuracy-${slot}`)).toContain(
        `${((100 * (tp + tn)) / (tp + fp + fn + tn)).toFixed(1)} %`,
      );
    }

    // Charts drawn: curves with their points, bars, cells, and pixels of them on screen.
    for (const slot of ['a', 'b']) {
      const roc = page.getByTestId(`eval-chart-roc-${slot}`);
      expect(await pathPoints(roc, 'path.curve')).toBe((slot === 'a' ? a : b).curves.roc.length);
      expect(await pathPoints(page.getByTestId(`eval-chart-pr-${slot}`), 'path.curve')).toBeGreaterThan(2);
      // bars carry a tooltip (the legend's swatch does not); probabilities are binned on logits
      const histogram = page.getByTestId(`eval-chart-histogram-${slot}`);
      expect(await histogram.locator('rect.ok:has(title):not([height="0"])').count()).toBeGreaterThan(0);
      expect(await histogram.locator('svg').textContent()).toContain('image score (logit scale)');
      expect(
        await page.getByTestId(`eval-chart-confusion-${slot}`).locator('rect.cell').count(),
      ).toBeGreaterThan(3);
      expect(await roc.locator('svg').getAttribute('aria-label')).toMatch(/ROC/);
    }
    await page.getByTestId('eval-chart-roc-a').scrollIntoViewIfNeeded();
    await afterPaint(page);
    expect(await pixelsNear(page.getByTestId('eval-chart-roc-a'), CURVE)).toBeGreaterThan(150);
    expect(await pixelsNear(page.getByTestId('eval-chart-histogram-b'), OK_BAR)).toBeGreaterThan(50);
    await page.screenshot({ path: join(ARTIFACTS, 'evaluation-compare-1280.png') });

    // The slider starts at the run's threshold and agrees with the report there.
    expect(await text('eval-overkill-a')).toBe(percentText(a.total.atThreshold.overkillRate!));
    expect(await text('eval-escape-a')).toBe(percentText(a.total.atThreshold.escapeRate!));
    // Home: everything NG; End: nothing NG; in between, each stop is one ROC point of the report.
    const slider = page.getByTestId('eval-slider-a');
    // The slider starts on the stop that decides like the run's threshold, and says so when the
    // threshold itself lies between two scores; moved elsewhere, it no longer claims that.
    const runNote = page.getByTestId('eval-thr-run-a');
    const startStop = Number(await slider.inputValue());
    if ([...a.curves.roc].reverse()[startStop]!.threshold === a.threshold)
      expect(await runNote.count()).toBe(0);
    else expect(await runNote.textContent()).toContain(`the same decisions as the run's ${a.threshold}`);
    await slider.focus();
    await page.keyboard.press('Home');
    expect([await text('eval-overkill-a'), await text('eval-escape-a')]).toEqual(['100.0 %', '0.0 %']);
    if (startStop !== 0) expect(await runNote.count()).toBe(0);
    await page.keyboard.press('End');
    expect([await text('eval-overkill-a'), await text('eval-escape-a')]).toEqual(['0.0 %', '100.0 %']);
    const stops = [...a.curves.roc].reverse();
    await page.keyboard.press('Home');
    let previous = { overkill: 2, escape: -1 };
    for (const k of [1, 3, Math.floor(stops.length / 2), stops.length - 3]) {
      while (Number(await slider.inputValue()) < k) await page.keyboard.press('ArrowRight');
      const p = stops[k]!;
      const overkill = p.fpr;
      const escape = 1 - p.tpr;
      const accuracy = (p.tpr * a.total.ng + (1 - p.fpr) * a.total.ok) / (a.total.ok + a.total.ng);
      expect(await text('eval-overkill-a')).toBe(percentText(overkill));
      expect(await text('eval-escape-a')).toBe(percentText(escape));
      expect(await text('eval-accuracy-a')).toBe(percentText(accuracy));
      expect(await text('eval-thr-value-a')).toBe(p.threshold!.toFixed(4));
      const cx = Number(await page.locator('#roc-marker-a').getAttribute('cx'));
      expect(cx).toBeCloseTo(UNIT_PLOT.left + p.fpr * UNIT_PLOT.width, 3);
      // Raising the threshold trades overkill for escapes, never the other way.
      expect(overkill).toBeLessThanOrEqual(previous.overkill);
      expect(escape).toBeGreaterThanOrEqual(previous.escape);
      previous = { overkill, escape };
    }

    // Save report: one self-contained HTML page with the charts and nothing fetched from elsewhere.
    const download = page.waitForEvent('download');
    await page.getByTestId('eval-save-b').focus();
    await page.keyboard.press('Enter');
    const file = await (await download).path();
    const html = readFileSync(file, 'utf8');
    expect(html).toContain('<svg');
    expect(html).toContain(PACKS[1]);
    expect(html).not.toMatch(/https?:\/\//);

    await page.getByTestId('eval-headline').scrollIntoViewIfNeeded();
    await page.setViewportSize({ width: 1920, height: 1080 });
    await afterPaint(page);
    await page.screenshot({ path: join(ARTIFACTS, 'evaluation-compare-1920.png') });
    await page.getByTestId('eval-slices-a').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, 'evaluation-slices-1920.png') });

    // Esc goes back to the grid.
    await page.getByTestId('eval-back').focus();
    await page.keyboard.press('Escape');
    await page.getByTestId('browser-screen').waitFor();
    // The shortcut sheet lists the way in.
    await page.keyboard.press('F1');
    const sheet = page.getByTestId('shortcut-sheet');
    await sheet.waitFor();
    expect(await sheet.textContent()).toContain('Evaluate model packs');
    expect(errors).toEqual([]);
  });
});
