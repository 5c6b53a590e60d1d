import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SampleDetail, Shape } from '../../electron/contract';
import type { LabelState } from '../../electron/contract/review';
import {
  changedPixels,
  heatmapShare,
  paceTokens,
  rawShot,
  recordAnswers,
  type Box,
  type TokenPacer,
} from './support/answers';
import { readableAnswer, withPredictionIds } from '../../renderer/src/review/readableAnswer';
import { finishedJob } from './support/api';
import { afterPaint } from './support/browser';
import { allSamples } from './support/project';
import { openScreenFixture, type ScreenFixture } from './support/screen-fixture';
import type { RunningServer } from './support/server';
import { cameraOf, stage, waitForImage } from './support/viewer';

const UI_MS = 30_000;
const root = resolve(import.meta.dirname, '../..');
const TINY = join(root, 'models/test-models/mau-gpt-tiny');
const ARTIFACTS = join(root, 'tests/.artifacts');
const LEVELS = ['1', '2', '3', '4', '5'] as const;

let fixture: ScreenFixture;
let server: RunningServer;
let page: Page;
let errors: string[];
let target: SampleDetail;
let other: SampleDetail;
let tokens: TokenPacer;
const api = <T>(method: string, input: unknown) => fixture.api<T>(method, input);

beforeAll(async () => {
  fixture = await openScreenFixture(root, 'mau-e2e-answers-', { viewport: { width: 1280, height: 800 } });
  ({ server, page, errors } = fixture);
  const samples = await allSamples(server.url);
  // A gear flank with pitting the model should mark, and another image the same job streams too.
  target = samples.find((s) => s.regions.length > 0)!;
  other = samples.find((s) => s.id !== target.id)!;
  tokens = await paceTokens(page, 80);
  // The whole anomaly map tinted (threshold 0), so the pixel check does not hinge on the map's values.
  await page.addInitScript(() =>
    localStorage.setItem('mau.overlay.v1', JSON.stringify({ opacity: 0.5, threshold: 0 })),
  );
  mkdirSync(ARTIFACTS, { recursive: true });
}, 180_000);

afterAll(() => fixture?.close());

function imageBounds(shape: Shape): Box {
  if (shape.kind !== 'polygon')
    return { x0: shape.x, y0: shape.y, x1: shape.x + shape.w, y1: shape.y + shape.h };
  const xs = shape.points.map((p) => p[0]);
  const ys = shape.points.map((p) => p[1]);
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

/** The predicted regions' bounds in the stage element's CSS pixels, widened by `margin`. */
async function screenBounds(shapes: Shape[], margin: number): Promise<Box> {
  const cam = await cameraOf(page);
  const boxes = shapes.map(imageBounds);
  return {
    x0: cam.x + Math.min(...boxes.map((b) => b.x0)) * cam.scale - margin,
    y0: cam.y + Math.min(...boxes.map((b) => b.y0)) * cam.scale - margin,
    x1: cam.x + Math.max(...boxes.map((b) => b.x1)) * cam.scale + margin,
    y1: cam.y + Math.max(...boxes.map((b) => b.y1)) * cam.scale + margin,
  };
}

const answerText = (level: string) => page.getByTestId(`answer-l${level}-text`).textContent();

describe('MAU-GPT answers beside the image', () => {
  it('streams the five answers while the pack runs, then shows the stored texts, the heatmap and the linked regions', async () => {
    await page.goto(server.url);
    await page.getByTestId('browser-screen').waitFor({ timeout: UI_MS });
    await page.locator(`[data-testid=thumb-tile][data-sample-id="${target.id}"]`).dblclick();
    await waitForImage(page, target.id);
    await expect
      .poll(() => page.getByTestId('model-answers-empty').textContent())
      .toBe('No model answers yet — run a MAU-GPT pack (Models)');
    await page.screenshot({ path: join(ARTIFACTS, 'mau-gpt-answers-empty-1280.png') });

    // No models dialog in the renderer yet: the pack is added and run through the API the UI would call.
    const pack = await api<{ packId: string; kind: string }>('models:add', { dir: TINY });
    expect(pack.kind).toBe('mau-gpt');
    const snapshots = await recordAnswers(page);
    const { jobId } = await api<{ jobId: string }>('inference:start', {
      packId: pack.packId,
      sampleIds: [other.id, target.id],
      providers: ['cpu'],
      threads: 1,
    });
    // Tokens are paced (80 ms each) so a person, and a screenshot, can see the answer grow.
    await page.locator('[data-testid=model-answers][data-streaming=true]').waitFor({ timeout: 60_000 });
    await page.screenshot({ path: join(ARTIFACTS, 'mau-gpt-answers-streaming-1280.png') });
    expect(await finishedJob(api, jobId)).toMatchObject({ state: 'done', failed: 0 });

    // The stored texts replace the stream, level by level.
    const state = await api<LabelState>('labels:get', { sampleId: target.id });
    const stored = state.prediction!.texts;
    expect(Object.keys(stored).sort()).toEqual([...LEVELS]);
    await page.locator('[data-testid=model-answers][data-streaming=false]').waitFor({ timeout: UI_MS });
    // shown as people write it (readableAnswer), regions by their list names, stored as generated
    const shown = (text: string) => withPredictionIds(readableAnswer(text));
    for (const level of LEVELS) await expect.poll(() => answerText(level)).toBe(shown(stored[level]!));

    // Streamed, not pasted: the page got the tokens and rendered partial answers on the way.
    expect(tokens.delivered(target.id)).toBeGreaterThan(5);
    expect(tokens.delivered(other.id), 'the job streamed the other image too').toBeGreaterThan(0);
    const seen = (await snapshots()).filter((s) => s.streaming);
    const shownWhole = (i: number) => shown(stored[LEVELS[i]!]!);
    const partial = seen.filter((s) =>
      s.texts.some((text, i) => text.length > 0 && text !== shownWhole(i) && shownWhole(i).startsWith(text)),
    );
    expect(partial.length, `${seen.length} streaming states rendered`).toBeGreaterThan(0);
    // Nothing streamed for the other image ever reached this image's panel.
    // (up to the word still being written: "r" becomes "p1" once its digit arrives)
    const settled = (text: string) => text.replace(/\S+$/, '');
    for (const s of seen)
      s.texts.forEach((text, i) => expect(shownWhole(i).startsWith(settled(text))).toBe(true));

    // The heatmap is drawn: switching it off (H) changes the picture of the part.
    expect(await heatmapShare(page)).toBeGreaterThan(0.05);

    // Hovering L3 (where) emphasises the predicted regions, and nothing else on the canvas.
    const regions = state.prediction!.regions;
    expect(regions.length, 'the tiny pack marks a region on this image').toBeGreaterThan(0);
    await afterPaint(page);
    const before = await rawShot(stage(page));
    await page.getByTestId('answer-l3').hover();
    await afterPaint(page);
    const hovered = await rawShot(stage(page));
    const lit = changedPixels(before, hovered);
    expect(lit.count).toBeGreaterThan(0);
    const allowed = await screenBounds(
      regions.map((r) => r.shape),
      8,
    );
    expect(lit.box!.x0).toBeGreaterThanOrEqual(allowed.x0);
    expect(lit.box!.y0).toBeGreaterThanOrEqual(allowed.y0);
    expect(lit.box!.x1).toBeLessThanOrEqual(allowed.x1);
    expect(lit.box!.y1).toBeLessThanOrEqual(allowed.y1);
    await page.screenshot({ path: join(ARTIFACTS, 'mau-gpt-answers-hover-l3-1280.png') });
    await page.mouse.move(1, 1);
    await afterPaint(page);
    expect(changedPixels(before, await rawShot(stage(page))).count).toBe(0);

    // The same from the keyboard: G reaches the answers, Tab walks the levels and the focused one
    // lights its regions.
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid'));
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('g');
    expect(await focused()).toBe('answer-l1-text');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('answer-l2-text');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'answer-l3-text',
    );
    await afterPaint(page);
    expect(changedPixels(hovered, await rawShot(stage(page))).count).toBe(0);
    await page.keyboard.press('Tab');
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await afterPaint(page);
    expect(changedPixels(before, await rawShot(stage(page))).count).toBe(0);

    await page.setViewportSize({ width: 1920, height: 1080 });
    await afterPaint(page);
    await page.screenshot({ path: join(ARTIFACTS, 'mau-gpt-answers-1920.png') });
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(errors).toEqual([]);
  }, 240_000);

  it('wraps a long answer and scrolls it inside its level, within the panel', async () => {
    const samples = await allSamples(server.url);
    const next = samples[samples.findIndex((s) => s.id === target.id) + 1]!;
    const long = `${'A pit cluster along the flank, '.repeat(30)}${'x'.repeat(120)}`;
    const file = join(fixture.temp, 'long-answers.json');
    writeFileSync(
      file,
      JSON.stringify({
        format: 'mau-studio-predictions',
        version: 1,
        model: { name: 'long-talker', version: '1', kind: 'external', threshold: 0.5 },
        predictions: [
          {
            image: next.relPath,
            score: 0.9,
            regions: [],
            texts: { '1': 'Yes.', '3': long, '4': long, '5': long },
          },
        ],
      }),
    );
    expect(await api<{ imported: number }>('predictions:import', { file })).toMatchObject({ imported: 1 });
    await page.keyboard.press('d');
    await waitForImage(page, next.id);
    const text = page.getByTestId('answer-l4-text');
    await expect.poll(() => text.textContent()).toBe(long);
    expect(await page.getByTestId('answer-l2-text').textContent()).toBe('—');
    const sizes = await text.evaluate((el) => ({ scroll: el.scrollHeight, client: el.clientHeight }));
    expect(sizes.scroll).toBeGreaterThan(sizes.client);
    await text.focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => text.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
    const panel = page.getByTestId('review-panel');
    // Nothing in the panel is wider than it (a long token would push a horizontal scroll bar).
    const wide = await panel.evaluate((el) =>
      [...el.querySelectorAll<HTMLElement>('*')]
        .filter((child) => child.getBoundingClientRect().right > el.getBoundingClientRect().right + 1)
        .map((child) => child.className || child.tagName),
    );
    expect(wide).toEqual([]);
    const [panelBox, textBox] = [(await panel.boundingBox())!, (await text.boundingBox())!];
    expect(textBox.x).toBeGreaterThanOrEqual(panelBox.x);
    expect(textBox.x + textBox.width).toBeLessThanOrEqual(panelBox.x + panelBox.width);
    await page.getByTestId('model-answers').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, 'mau-gpt-answers-long-1280.png') });
    expect(errors).toEqual([]);
  }, 60_000);
});
