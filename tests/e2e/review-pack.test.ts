import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finishedJob } from './support/api';
import { tabTo } from './support/evaluation';
import { openScreenFixture, type ScreenFixture } from './support/screen-fixture';
import { waitForImage } from './support/viewer';

const UI_MS = 30_000;
const root = resolve(import.meta.dirname, '../..');
// run in this order: the second is the newest prediction of every image
const PACKS = ['anomalib-v1-score', 'anomalib-v2'] as const;

let fixture: ScreenFixture;
let page: Page;
let other: Page;
let errors: string[];
let order: number[];
const packIds: Record<string, string> = {};
const api = <T>(method: string, input: unknown) => fixture.api<T>(method, input);

/** The exact score a pack gave an image, from the API. */
async function scoreOf(sampleId: number, pack: string): Promise<number> {
  const prediction = await api<{ score: number }>('predictions:get', { sampleId, packId: packIds[pack] });
  return prediction.score;
}

/** The score the verdict bar shows, read from its title (the bar's text is rounded). */
const shownScore = async (p: Page) =>
  Number(/score ([\d.]+)/.exec((await p.getByTestId('score-bar').getAttribute('title')) ?? '')?.[1]);

async function openFirst(p: Page): Promise<void> {
  await p.goto(fixture.server.url);
  await p.locator('[data-testid=thumb-tile][aria-selected=true]').waitFor({ timeout: UI_MS });
  await p.keyboard.press('Enter');
  await waitForImage(p, order[0]!);
}

beforeAll(async () => {
  fixture = await openScreenFixture(root, 'mau-e2e-review-pack-', { viewport: { width: 1280, height: 800 } });
  ({ page, errors } = fixture);
  for (const name of PACKS) {
    const pack = await api<{ packId: string }>('models:add', { dir: join(root, 'models/test-models', name) });
    packIds[name] = pack.packId;
    const { jobId } = await api<{ jobId: string }>('inference:start', {
      packId: pack.packId,
      providers: ['cpu'],
      threads: 1,
    });
    expect(await finishedJob(api, jobId)).toMatchObject({ state: 'done', failed: 0 });
  }
  ({ ids: order } = await api<{ ids: number[] }>('samples:ids', { filter: {} }));
  // a second window on the same project, as a colleague's browser tab
  other = await fixture.browser.newPage({ viewport: { width: 1280, height: 800 } });
}, 180_000);

afterAll(() => fixture?.close());

describe('choosing whose predictions review shows', () => {
  it('switches every image and every window to the chosen pack, and back to the newest', async () => {
    await openFirst(page);
    await openFirst(other);
    const choice = page.getByTestId('model-choice');
    expect(await choice.inputValue()).toBe('');
    expect(await choice.locator('option:checked').innerText()).toBe('newest of any (anomalib-v2)');
    expect(await shownScore(page)).toBeCloseTo(await scoreOf(order[0]!, 'anomalib-v2'), 6);

    await choice.selectOption(packIds['anomalib-v1-score']!);
    const older = await scoreOf(order[0]!, 'anomalib-v1-score');
    await expect.poll(() => shownScore(page), { timeout: UI_MS }).toBeCloseTo(older, 6);
    // the review keys still work: the list gave the focus back
    await page.keyboard.press('d');
    await waitForImage(page, order[1]!);
    expect(await shownScore(page)).toBeCloseTo(await scoreOf(order[1]!, 'anomalib-v1-score'), 6);
    // the other window heard of it and shows the same pack's prediction
    await expect.poll(() => shownScore(other), { timeout: UI_MS }).toBeCloseTo(older, 6);
    expect(await other.getByTestId('model-choice').inputValue()).toBe(packIds['anomalib-v1-score']);

    await choice.selectOption('');
    await expect
      .poll(() => shownScore(page), { timeout: UI_MS })
      .toBeCloseTo(await scoreOf(order[1]!, 'anomalib-v2'), 6);
  }, 120_000);

  it('is also made from the Models dialog, by keyboard', async () => {
    // Esc clears the region selection first, then goes back to the grid
    for (let i = 0; i < 3 && !(await page.getByTestId('browser-screen').count()); i++)
      await page.keyboard.press('Escape');
    await page.getByTestId('browser-screen').waitFor({ timeout: UI_MS });
    await page.keyboard.press('m');
    const list = page.getByTestId('models-list');
    await list.waitFor({ timeout: UI_MS });
    // arrow down the list to the older pack
    const wanted = packIds['anomalib-v1-score']!;
    for (let i = 0; i < 10; i++) {
      if ((await page.getByTestId('pack-pane').getAttribute('data-pack-id')) === wanted) break;
      await list.press('ArrowDown');
    }
    const row = page.getByTestId('pack-review');
    await expect
      .poll(() => row.innerText(), { timeout: UI_MS })
      .toContain('Review shows the newest prediction');
    await tabTo(page, 'pack-review-toggle');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => row.innerText(), { timeout: UI_MS })
      .toContain('Review shows this pack’s predictions');
    expect((await api<{ underReview: string | null }>('models:reviewPacks', {})).underReview).toBe(wanted);
    await page.keyboard.press('Enter');
    await expect.poll(() => row.innerText(), { timeout: UI_MS }).toContain('newest prediction of any pack');
    expect(errors).toEqual([]);
  }, 60_000);
});
