import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SampleDetail } from '../../electron/contract';
import type { PredictionDetail } from '../../electron/contract/api-inference';
import { heatmapShare } from './support/answers';
import { afterPaint } from './support/browser';
import { allSamples } from './support/project';
import { openScreenFixture, type ScreenFixture } from './support/screen-fixture';
import type { RunningServer } from './support/server';
import { waitForImage } from './support/viewer';

const UI_MS = 30_000;
const root = resolve(import.meta.dirname, '../..');
const PACK = join(root, 'models/test-models/anomalib-v2');
const ARTIFACTS = join(root, 'tests/.artifacts');

let fixture: ScreenFixture;
let server: RunningServer;
let page: Page;
let errors: string[];
let samples: SampleDetail[];
const api = <T>(method: string, input: unknown) => fixture.api<T>(method, input);
const dialog = () => page.getByTestId('models-dialog');
/** Every API call the server refused, by method: only the refusals the test provokes may appear. */
const refused: string[] = [];
/** How many times the window told the core a person acted (keys, clicks) while a job was running. */
let activitySignals = 0;
/** Chromium logs each refused call as a console error; those are checked through `refused` instead. */
const unexpectedErrors = () => errors.filter((e) => !/status of 400 \(Bad Request\)/.test(e));

/** A copy of the test pack whose ONNX file no longer matches the sha256 its model.json states. */
function tamperedPack(): string {
  const dir = join(fixture.temp, 'tampered-pack');
  mkdirSync(dir, { recursive: true });
  copyFileSync(join(PACK, 'model.json'), join(dir, 'model.json'));
  writeFileSync(join(dir, 'model.onnx'), 'not the model the manifest hashed');
  return dir;
}

async function shots(name: string): Promise<void> {
  for (const [width, height] of [
    [1280, 800],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width, height });
    await afterPaint(page);
    await page.screenshot({ path: join(ARTIFACTS, `models-${name}-${width}.png`) });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

beforeAll(async () => {
  fixture = await openScreenFixture(root, 'mau-e2e-models-', { viewport: { width: 1280, height: 800 } });
  ({ server, page, errors } = fixture);
  samples = await allSamples(server.url);
  page.on('response', (response) => {
    if (response.status() >= 400) refused.push(new URL(response.url()).pathname.replace(/^.*\/api\//, ''));
  });
  page.on('request', (request) => {
    if (request.url().endsWith('/api/app:activity')) activitySignals++;
  });
  // The whole anomaly map tinted (threshold 0), so the heatmap check does not hinge on its values.
  await page.addInitScript(() =>
    localStorage.setItem('mau.overlay.v1', JSON.stringify({ opacity: 0.5, threshold: 0 })),
  );
  mkdirSync(ARTIFACTS, { recursive: true });
}, 600_000);

afterAll(() => fixture?.close());

describe('the Models dialog', () => {
  it('adds a pack from a folder, runs it on the whole project, and the heatmap shows on an image', async () => {
    await page.goto(server.url);
    await page.getByTestId('browser-screen').waitFor({ timeout: UI_MS });
    await page.locator('[data-testid=thumb-tile]').first().waitFor({ timeout: UI_MS });

    // M opens it from the grid, with the focus in the pack list.
    await page.keyboard.press('m');
    await dialog().waitFor({ timeout: UI_MS });
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('models-list');

    // A pack whose file does not match its hash is refused, and the dialog says which and why.
    await page.getByTestId('models-add-folder').click();
    const bad = tamperedPack();
    await page.getByTestId('add-folder-path').fill(bad);
    await page.getByTestId('add-folder-path').press('Enter');
    const error = page.getByTestId('models-error');
    await error.waitFor({ timeout: UI_MS });
    const errorText = (await error.textContent()) ?? '';
    expect(errorText).toContain(`Cannot add the model pack in ${bad}`);
    expect(errorText).toMatch(/sha256|hash/i);
    expect(errorText).toContain('model.onnx');
    await shots('bad-pack');

    // The real pack: typed path, Enter adds it and selects it.
    await page.getByTestId('add-folder-path').fill(PACK);
    await page.getByTestId('add-folder-path').press('Enter');
    const pane = page.getByTestId('pack-pane');
    await pane.waitFor({ timeout: UI_MS });
    expect(await error.count()).toBe(0);
    await expect.poll(() => page.getByTestId('models-note').textContent()).toBe('Added anomalib-v2 0.1.0');
    const facts = (await page.getByTestId('pack-facts').textContent()) ?? '';
    expect(facts).toContain('anomalib v2');
    expect(facts).toContain('input [batch, 3, 128, 128] float32 RGB');
    expect(facts).toContain('MIT');
    expect(await page.getByTestId('pack-provider').textContent()).toMatch(/Not run in this project yet/);

    // Whole project, on the CPU, from the dialog; the job row shows it through to done.
    await page.getByTestId('run-scope-project').check();
    await page.getByTestId('run-provider').selectOption('cpu');
    await page.getByTestId('run-start').click();
    const row = page.locator('[data-testid=models-runs] [data-testid=job-row]');
    await row.waitFor({ timeout: UI_MS });
    await page.locator('[data-testid=models-runs] [data-testid=job-row][data-state=done]').waitFor({
      timeout: 120_000,
    });
    expect(await row.textContent()).toContain(`${samples.length} / ${samples.length}`);
    // The finished run re-reads the pack: it predicted every image, and its session ran on the CPU.
    await expect
      .poll(() => page.locator('[data-testid=models-row][data-pack-id^="pack:"]').first().textContent())
      .toContain(`${samples.length} predicted`);
    await expect.poll(() => page.getByTestId('pack-provider').textContent()).toMatch(/^Runs on CPU/);
    await shots('finished-run');

    // Back in the grid, an image shows the pack's heatmap: switching it off (H) changes the picture.
    await page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'detached', timeout: UI_MS });
    const target = samples[0]!;
    const prediction = await api<PredictionDetail | null>('predictions:get', { sampleId: target.id });
    expect(prediction).toMatchObject({ heatmap: true, pack: { name: 'anomalib-v2' } });
    await page.locator(`[data-testid=thumb-tile][data-sample-id="${target.id}"]`).dblclick();
    await waitForImage(page, target.id);
    await page.getByTestId('score-bar').waitFor({ timeout: UI_MS });
    // the bar is red exactly when the model called the part NG, whatever the queue's threshold
    const red = await page.locator('[data-testid=score-bar] .score__fill.is-over').count();
    expect(red).toBe(prediction!.verdict === 'NG' ? 1 : 0);
    expect(await heatmapShare(page)).toBeGreaterThan(0.05);
    await page.screenshot({ path: join(ARTIFACTS, 'models-heatmap-1280.png') });
    expect(refused, 'only the tampered pack was refused').toEqual(['models:add']);
    expect(unexpectedErrors()).toEqual([]);
  }, 240_000);

  it('cancels a forced re-run from the dialog and resumes it there', async () => {
    await page.getByTestId('viewer-back').click();
    await page.getByTestId('browser-screen').waitFor({ timeout: UI_MS });
    await page.keyboard.press('m');
    await dialog().waitFor({ timeout: UI_MS });
    await page.locator('[data-testid=models-row][data-pack-id^="pack:"]').first().click();
    await page.getByTestId('run-scope-project').check();
    await page.getByTestId('run-provider').selectOption('cpu');
    await page.getByTestId('run-force').check();
    const rows = page.locator('[data-testid=models-runs] [data-testid=job-row]');
    // Newest first: the forced run, stopped while it runs. A run of the small fixture can end
    // before the click lands (CI saw it once); then it is run again, at most three times.
    let state: string | null = null;
    for (let attempt = 1; attempt <= 3 && state !== 'cancelled'; attempt++) {
      await page.getByTestId('run-start').click();
      await expect.poll(() => rows.count()).toBe(1 + attempt);
      await rows
        .first()
        .getByTestId('job-cancel')
        .click({ timeout: 5_000 })
        .catch(() => undefined);
      await expect
        .poll(() => rows.first().getAttribute('data-state'), { timeout: UI_MS })
        .toMatch(/^(cancelled|done|failed)$/);
      state = await rows.first().getAttribute('data-state');
    }
    expect(state).toBe('cancelled');
    // the click that stopped the running job told the core first, so the job stepped aside for it
    expect(activitySignals).toBeGreaterThan(0);
    const runsBefore = await rows.count();
    const resume = page.locator('[data-testid=models-resumable] [data-testid=models-resume]');
    await resume.first().waitFor({ timeout: UI_MS });
    await shots('resumable');
    await resume.first().click();
    await expect.poll(() => rows.count()).toBe(runsBefore + 1);
    await expect.poll(() => rows.first().getAttribute('data-state'), { timeout: 120_000 }).toBe('done');
    expect(refused).toEqual(['models:add']);
    expect(unexpectedErrors()).toEqual([]);
  }, 240_000);

  it('removes the pack after a confirmation, keeping its predictions', async () => {
    await page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'detached', timeout: UI_MS });
    await page.getByTestId('models-button').click();
    await dialog().waitFor({ timeout: UI_MS });
    const registered = page.locator('[data-testid=models-row][data-pack-id^="pack:"]');
    await registered.first().click();
    await page.getByTestId('pack-remove').click();
    const confirm = page.getByTestId('pack-confirm');
    expect(await confirm.textContent()).toContain(`Its ${samples.length} predictions are kept`);
    await shots('remove-confirm');
    await page.getByTestId('pack-confirm-remove').click();
    await expect
      .poll(() => page.getByTestId('models-note').textContent())
      .toBe(`Removed anomalib-v2 0.1.0; its ${samples.length} predictions stay in the project`);
    await expect.poll(() => registered.count()).toBe(0);
    const kept = await api<PredictionDetail | null>('predictions:get', { sampleId: samples[0]!.id });
    expect(kept).toMatchObject({ packId: null, pack: { name: 'anomalib-v2' } });
    expect(refused).toEqual(['models:add']);
    expect(unexpectedErrors()).toEqual([]);
  }, 60_000);
});
