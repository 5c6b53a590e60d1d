import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvaluationReport } from '../../../electron/contract/api-evaluation';
import { asJobId } from '../../../electron/contract';
import { sharedData, tempDir } from '../../helpers/paths';
import { inferenceCore, TEST_MODELS, waitForJob, type TestCore } from '../inference-jobs/helpers';
import { runCli } from '../transports/run-cli';

const BSDATA = join(sharedData, 'bsdata');

/** The BSData fixture rows (manifest, images, LabelMe files) copied, so a test may move a file. */
function copyFixture(to: string): { count: number; ng: number; images: string[] } {
  const [header, ...rows] = readFileSync(join(BSDATA, 'manifest.csv'), 'utf8').trim().split('\n');
  const fixture = rows.filter((r) => r.endsWith(',1'));
  for (const row of fixture) {
    const [image, , annotation] = row.split(',');
    for (const file of [image!, annotation!].filter(Boolean)) {
      mkdirSync(dirname(join(to, file)), { recursive: true });
      copyFileSync(join(BSDATA, file), join(to, file));
    }
  }
  writeFileSync(join(to, 'manifest.csv'), `${[header, ...fixture].join('\n')}\n`);
  return {
    count: fixture.length,
    ng: fixture.filter((r) => r.split(',')[1] !== 'normal').length,
    images: fixture.map((r) => r.split(',')[0]!),
  };
}

describe('evaluating a model pack against the BSData fixture labels', () => {
  let t: TestCore;
  let tmp: string;
  let project: string;
  let fixture: ReturnType<typeof copyFixture>;
  let report: EvaluationReport;

  beforeAll(async () => {
    tmp = tempDir('eval');
    const source = join(tmp, 'bsdata');
    fixture = copyFixture(source);
    t = inferenceCore();
    project = join(tmp, 'project');
    await t.call('project:create', { dir: project, name: 'Ball screws' });
    const imported = await waitForJob(
      t.call,
      (await t.call('import:start', { source, format: 'bsdata' })).jobId,
    );
    expect(imported).toMatchObject({ state: 'done', done: fixture.count });
    // every image but the first two gets a prediction; then one predicted image moves away
    const ids = (await t.call('samples:ids', {})).ids;
    const { jobId } = await t.call('inference:start', {
      packId: 'shipped:anomalib-v2' as never,
      sampleIds: ids.slice(2),
      providers: ['cpu'],
      threads: 1,
    });
    expect(await waitForJob(t.call, jobId)).toMatchObject({ state: 'done', done: ids.length - 2 });
    const moved = await t.call('samples:get', { id: ids[2]! });
    rmSync(moved.path);
    // one image labelled unsure: no truth to score against
    await t.call('labels:apply', {
      sampleId: ids[3]!,
      baseRevision: (await t.call('labels:get', { sampleId: ids[3]! })).revision,
      command: { type: 'setVerdict', verdict: 'unsure' },
    });

    const started = await t.call('eval:start', { model: { name: 'anomalib-v2' } });
    const job = await waitForJob(t.call, started.jobId);
    expect(job).toMatchObject({ state: 'done', kind: 'evaluation' });
    report = await t.call('eval:report', { jobId: started.jobId });
  }, 180_000);

  afterAll(async () => {
    await t.core.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('counts every chosen image once: scored, or skipped with its reason', () => {
    expect(report.selected).toBe(fixture.count);
    expect(report.skippedBy).toEqual({
      noPrediction: 2,
      noScore: 0,
      fileMissing: 1,
      unreadable: 0,
      noTruth: 1,
    });
    expect(report.evaluated + report.skipped).toBe(report.selected);
    expect(report.evaluated).toBe(fixture.count - 4);
    expect(report.problems.map((p) => p.reason)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/moved or deleted/),
        expect.stringMatching(/no prediction/),
      ]),
    );
    expect(report.total.ok + report.total.ng).toBe(report.evaluated);
    const t0 = report.total.atThreshold;
    expect(t0.tp + t0.fn).toBe(report.total.ng);
    expect(t0.fp + t0.tn).toBe(report.total.ok);
  });

  it('reports image and pixel metrics in range, from the heat maps of every scored image', () => {
    const { total } = report;
    expect(total.ng).toBeGreaterThan(0);
    expect(total.ok).toBeGreaterThan(0);
    for (const v of [
      total.auroc,
      total.averagePrecision,
      total.f1Max?.f1,
      total.pixel?.auroc,
      total.pixel?.aupro,
    ]) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1);
    }
    expect(total.pixel!.images + Object.values(report.pixelSkippedBy).reduce((s, n) => s + n, 0)).toBe(
      report.evaluated,
    );
    expect(total.pixel!.regions).toBeGreaterThanOrEqual(total.ng);
    expect(report.curves.roc[0]).toMatchObject({ fpr: 0, tpr: 0 });
    expect(report.curves.roc.at(-1)).toMatchObject({ fpr: 1, tpr: 1 });
    const histogram = report.scoreHistogram;
    expect(histogram.ok.reduce((s, n) => s + n, 0)).toBe(total.ok);
    expect(histogram.ng.reduce((s, n) => s + n, 0)).toBe(total.ng);
  });

  it('slices by domain, category and defect type, OK images counting in every type', () => {
    const byType = report.slices.defectType;
    expect(byType.map((s) => s.name)).toContain('pitting');
    for (const s of byType) expect(s.ok).toBe(report.total.ok);
    expect(byType.reduce((sum, s) => sum + s.ng, 0)).toBeGreaterThanOrEqual(report.total.ng);
    expect(report.slices.category.reduce((sum, s) => sum + s.images, 0)).toBe(report.evaluated);
    expect(report.slices.domain.reduce((sum, s) => sum + s.images, 0)).toBe(report.evaluated);
    const confusionTotal = report.confusion.matrix.flat().reduce((s, n) => s + n, 0);
    expect(confusionTotal).toBe(report.evaluated);
    expect(report.regions.truth).toBeGreaterThanOrEqual(report.total.ng);
  });

  it("scores only a given list of images when asked (a fine-tune's held-out ones)", async () => {
    const { ids } = await t.call('samples:ids', { filter: { verdicts: ['NG'] } });
    const chosen = ids.slice(0, 3);
    const started = await t.call('eval:start', { model: { name: 'anomalib-v2' }, sampleIds: chosen });
    expect(await waitForJob(t.call, started.jobId)).toMatchObject({ state: 'done' });
    const scoped = await t.call('eval:report', { jobId: started.jobId });
    expect(scoped.selected).toBe(chosen.length);
    expect(scoped.evaluated + scoped.skipped).toBe(chosen.length);
    expect(scoped.total.ng).toBe(scoped.evaluated);
  });

  it('refuses a pack with no predictions here and a report of an unknown job, naming them', async () => {
    await expect(t.failure('eval:start', { model: { name: 'no-such-pack' } })).resolves.toMatch(
      /NOT_FOUND no model pack no-such-pack in this project \(packs here: anomalib-v2@0\.1\.0\)/,
    );
    await expect(t.failure('eval:report', { jobId: asJobId('job:nothing') })).resolves.toMatch(/NOT_FOUND/);
  });

  it('mau-studio eval prints a summary and writes JSON and one self-contained HTML file', async () => {
    await t.call('project:close', {});
    const env = { MAU_STUDIO_SETTINGS_DIR: join(tmp, 'settings'), MAU_STUDIO_MODELS_DIR: TEST_MODELS };
    const html = join(tmp, 'report.html');
    const json = join(tmp, 'report.json');
    const run = await runCli(
      ['eval', project, '--model', 'anomalib-v2', '--html', html, '--json', json],
      env,
    );
    expect(run.stderr).not.toMatch(/Error/);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      new RegExp(`Evaluated anomalib-v2 0\\.1\\.0 \\(anomalib\\): ${report.evaluated} of ${report.selected}`),
    );
    expect(run.stdout).toMatch(/AUROC/);
    const written = JSON.parse(readFileSync(json, 'utf8')) as EvaluationReport;
    // beside the one threshold: the verdicts the pack stored, as the review screen shows them
    const { tp, fp, fn, tn } = written.modelVerdicts;
    expect(run.stdout).toContain(
      `The pack's own verdicts (each category of part at its own threshold, as the review screen shows them), ${tp + fp + fn + tn} images: accuracy ${((100 * (tp + tn)) / (tp + fp + fn + tn)).toFixed(1)} %`,
    );
    expect(written.total.auroc).toBeCloseTo(report.total.auroc!, 12);
    const page = readFileSync(html, 'utf8');
    expect(page.match(/<svg /g)?.length).toBeGreaterThanOrEqual(4);
    expect(page).toMatch(/<input id="thr" type="range"/);
    expect(page).not.toMatch(/https?:\/\//);
    expect(page).not.toMatch(/<(link|img|iframe)\b|\bsrc=/);
  }, 120_000);
});
