import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Taxonomy } from '../../electron/contract';
import type { HistoryEntry, LabelState, ReviewStats } from '../../electron/contract/review';
import { callApi } from './support/api';
import { planPredictions, writePredictionsFile, type ImagePlan } from './support/predictions';
import { allSamples } from './support/project';
import type { RunningServer } from './support/server';
import { openScreenFixture, type ScreenFixture } from './support/screen-fixture';
import { cameraOf, changes, dragImage, shownSample, waitForImage } from './support/viewer';

const root = resolve(import.meta.dirname, '../..');

let server: RunningServer;
let fixture: ScreenFixture;
let page: Page;
let errors: string[];
let plans: ImagePlan[];
let hotkey: Map<string, string>;
let temp: string;
const api = <T>(method: string, input: unknown) => callApi<T>(server.url, method, input);

beforeAll(async () => {
  fixture = await openScreenFixture(root, 'mau-e2e-review-', { viewport: { width: 1280, height: 800 } }, [
    { dataset: 'deeppcb', format: 'deeppcb' },
  ]);
  ({ server, page, errors, temp } = fixture);
  const taxonomy = await api<Taxonomy>('taxonomy:get', {});
  hotkey = new Map(taxonomy.defectTypes.map((t) => [t.name, t.hotkey ?? '']));
  // Five defective boards; the model passes the fourth as OK (it missed everything there).
  const samples = (await allSamples(server.url)).filter((s) => s.regions.length >= 3).slice(0, 5);
  plans = planPredictions(samples, [...hotkey.keys()], { passed: [3] });
  const file = join(temp, 'predictions.json');
  writePredictionsFile(file, plans);
  const report = await api<{ imported: number; problems: unknown[] }>('predictions:import', { file });
  expect(report).toMatchObject({ imported: 5, problems: [] });
  // Every image the model passed comes back as a blind audit (a workstation setting).
  await page.addInitScript(() =>
    localStorage.setItem('mau.review.v1', JSON.stringify({ threshold: 0.5, auditShare: 1 })),
  );
});

afterAll(() => fixture?.close());

/**
 * Presses a key that ends the image's review and waits for the queue to show the next image. The
 * blind audit goes to a seeded random place, the queue's end one project in 40: there the last
 * image stays and the viewer says the queue is done.
 */
async function advancesWith(key: string, from: number, mayEndQueue = false): Promise<void> {
  const end = page.getByTestId('toasts-viewer').getByText('End of the review queue');
  await page.keyboard.press(key);
  const moved = async () => (await shownSample(page)) !== from || (mayEndQueue && (await end.isVisible()));
  await expect.poll(moved, { timeout: 15_000 }).toBe(true);
}

/** "+ missed" (M), then the defect drawn over the ground-truth region the model left out, typed with its key. */
async function addMissed(plan: ImagePlan): Promise<void> {
  const missed = plan.missed[0]!;
  if (missed.shape.kind !== 'box') throw new Error('DeepPCB regions are boxes');
  const { x, y, w, h } = missed.shape;
  // M then Esc changes nothing: the banner goes and the tool in hand before is in hand again.
  const banner = page.getByTestId('missed-armed');
  const inHand = () => page.locator('[data-testid^=tool-][aria-pressed=true]').getAttribute('data-testid');
  const before = await inHand();
  await page.keyboard.press('m');
  await banner.waitFor();
  await page.keyboard.press('Escape');
  await banner.waitFor({ state: 'detached' });
  expect(await inHand()).toBe(before);
  await page.keyboard.press('m');
  await banner.waitFor();
  await changes(page, () => dragImage(page, [x, y], [x + w, y + h]));
  await banner.waitFor({ state: 'detached' });
  // as a reviewer does: type the new region once it shows selected (CI once pressed the key first)
  await page.locator('[data-testid=region-item].is-selected').waitFor({ timeout: 15_000 });
  // A region is drawn with the last type chosen (retyping sets it): when that is already the
  // missed type, the key changes nothing and makes no revision, so it is not pressed.
  const state = await api<LabelState>('labels:get', { sampleId: plan.sampleId });
  const drawn = state.regions.filter((r) => r.reviewOutcome === 'missed').sort((a, b) => b.id - a.id)[0];
  if (drawn?.defectType !== missed.defectType)
    await changes(page, () => page.keyboard.press(hotkey.get(missed.defectType!)!));
}

const decisionKey = (r: ImagePlan['regions'][number]) =>
  r.truth === 'correct' ? 'c' : r.truth === 'falsePositive' ? 'x' : hotkey.get(r.trueType!)!;

describe('a reviewer works through the review queue with the keyboard', () => {
  it('confirms, rejects, retypes, adds a missed defect and judges a blind audit, and the store has every decision', async () => {
    await page.goto(server.url);
    await page.getByTestId('browser-screen').waitFor();
    await page.keyboard.press('r');
    await page.getByTestId('review-mode').waitFor();

    const byId = new Map(plans.map((p) => [p.sampleId, p]));
    const done = new Set<number>();
    let zoomed: { scale: number; x: number; y: number } | null = null;
    let missedOn: number | null = null;
    for (let guard = 0; done.size < plans.length && guard < 60; guard++) {
      const id = (await shownSample(page))!;
      await waitForImage(page, id);
      const plan = byId.get(id);
      if (!plan || done.has(id)) {
        await advancesWith('d', id);
        continue;
      }
      if (zoomed) expect(await cameraOf(page)).toEqual(zoomed);
      if (plan.passed) {
        // Blind: nothing of the model on screen, and the reviewer finds the defect it let through.
        await page.getByTestId('audit-note').waitFor();
        expect(await page.getByTestId('prediction-list').count()).toBe(0);
        expect(await page.getByTestId('score-bar').count()).toBe(0);
        await addMissed(plan);
        await advancesWith('n', id, done.size === plans.length - 1);
      } else {
        if (!zoomed) {
          await page.keyboard.press('+');
          zoomed = await cameraOf(page);
        }
        if (missedOn === null) {
          await addMissed(plan);
          await page.keyboard.press('Tab');
          missedOn = id;
        }
        // What the reviewer sees before pressing C: the first undecided prediction selected.
        await page.locator('[data-testid=prediction-item].is-selected').waitFor();
        const decisions = plan.regions.map(decisionKey);
        for (const key of decisions.slice(0, -1)) await changes(page, () => page.keyboard.press(key));
        await advancesWith(decisions[decisions.length - 1]!, id, done.size === plans.length - 1);
      }
      done.add(id);
    }
    expect(done.size).toBe(plans.length);

    for (const plan of plans) {
      const state = await api<LabelState>('labels:get', { sampleId: plan.sampleId });
      const missed = state.regions.filter((r) => r.reviewOutcome === 'missed');
      if (plan.passed) {
        expect(state).toMatchObject({ audit: true, verdict: 'NG' });
        expect(missed.map((r) => r.defectType)).toEqual([plan.missed[0]!.defectType]);
        continue;
      }
      const predicted = state.prediction!.regions;
      expect(predicted).toHaveLength(plan.regions.length);
      plan.regions.forEach((expected, i) => {
        const review = state.predictionReviews.find((r) => r.predictionRegionId === predicted[i]!.id);
        const region = state.regions.find((r) => r.id === review?.regionId);
        const outcome = { correct: 'confirmed', wrongType: 'retyped', falsePositive: 'false_positive' }[
          expected.truth
        ];
        expect(review?.outcome, `${plan.relPath} p${i + 1}`).toBe(outcome);
        expect(region?.defectType ?? null).toBe(expected.trueType);
      });
      expect(state.verdict).toBe('NG');
      expect(state.reviewState).toBe('corrected');
      expect(state.audit).toBe(false);

      // The revision log names each decision and the prediction it came from.
      const history = await api<HistoryEntry[]>('labels:history', { sampleId: plan.sampleId });
      const fromModel = history.filter((e) => e.predictionId === state.prediction!.id);
      expect(fromModel).toHaveLength(plan.regions.length);
      expect(fromModel.map((e) => e.summary).join('\n')).toMatch(/predicted region/);
      if (plan.regions.some((r) => r.truth === 'falsePositive'))
        expect(history.some((e) => /false positive/.test(e.summary))).toBe(true);
    }
    const first = await api<LabelState>('labels:get', { sampleId: missedOn! });
    const plan = byId.get(missedOn!)!;
    expect(first.regions.filter((r) => r.reviewOutcome === 'missed').map((r) => r.defectType)).toEqual([
      plan.missed[0]!.defectType,
    ]);

    const stats = await api<ReviewStats>('review:stats', {});
    expect(stats).toMatchObject({ auditsReviewed: 1, auditsFoundNg: 1 });
    await expect.poll(() => page.getByTestId('review-left-count').textContent()).toBe(String(stats.left));
    expect(errors).toEqual([]);
  });
});
