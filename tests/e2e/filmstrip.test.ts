import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reviewAs } from './support/api';
import { openScreenFixture, type ScreenFixture } from './support/screen-fixture';
import { shownSample, waitForImage } from './support/viewer';

const UI_MS = 30_000;
const root = resolve(import.meta.dirname, '../..');

let fixture: ScreenFixture;
let page: Page;
let errors: string[];
let gridOrder: number[];
const api = <T>(method: string, input: unknown) => fixture.api<T>(method, input);

const strip = () => page.getByTestId('filmstrip');
const current = () => strip().locator('[data-testid=strip-item][aria-current=true]');
const currentId = async () => Number(await current().getAttribute('data-sample-id', { timeout: UI_MS }));

beforeAll(async () => {
  fixture = await openScreenFixture(root, 'mau-e2e-strip-', { viewport: { width: 1920, height: 1080 } });
  ({ page, errors } = fixture);
  // the grid's order is by path (samples:ids' default)
  ({ ids: gridOrder } = await api<{ ids: number[] }>('samples:ids', { filter: {} }));
  // one image reviewed NG, so the strip has a state to show
  await reviewAs(api, gridOrder[2]!, 'NG');
}, 120_000);

afterAll(() => fixture?.close());

/** Enter on the grid's first image, once the grid has its rows (before that Enter has nothing to open). */
async function openFirstImage(): Promise<void> {
  await page.locator('[data-testid=thumb-tile][aria-selected=true]').waitFor({ timeout: UI_MS });
  await page.keyboard.press('Enter');
}

describe('the image strip beside the canvas', () => {
  it('follows D and A through the grid order, shows review states, and opens a clicked image', async () => {
    await page.goto(fixture.server.url);
    await openFirstImage();
    await waitForImage(page, gridOrder[0]!);
    // on a wide window it is there from the start
    await strip().waitFor({ timeout: UI_MS });
    expect(await currentId()).toBe(gridOrder[0]);
    expect(await strip().locator('.strip__head').innerText()).toMatch(
      new RegExp(`Filter\\s+1/${gridOrder.length}`),
    );

    await page.keyboard.press('d');
    await page.keyboard.press('d');
    await waitForImage(page, gridOrder[2]!);
    expect(await currentId()).toBe(gridOrder[2]);
    // the image a person judged NG shows that state in the strip
    await expect
      .poll(() => current().locator('.state-dot').getAttribute('data-state'), { timeout: UI_MS })
      .toBe('ng');

    await strip().locator(`[data-sample-id="${gridOrder[4]}"]`).click();
    await waitForImage(page, gridOrder[4]!);
    expect(await currentId()).toBe(gridOrder[4]);
    // the grid's selection moved with it: A goes back to the one before
    await page.keyboard.press('a');
    await waitForImage(page, gridOrder[3]!);
    expect(await shownSample(page)).toBe(gridOrder[3]);
  }, 120_000);

  it('shows a new verdict on its dot without asking for any thumbnail again', async () => {
    const thumbCalls: number[][] = [];
    const onRequest = (request: { url(): string; postData(): string | null }) => {
      if (request.url().endsWith('/api/samples:thumbs'))
        thumbCalls.push((JSON.parse(request.postData() ?? '{}') as { ids: number[] }).ids);
    };
    page.on('request', onRequest);
    try {
      const judged = gridOrder[3]!;
      const dot = strip().locator(`[data-sample-id="${judged}"] .state-dot`);
      await expect.poll(() => dot.getAttribute('data-state'), { timeout: UI_MS }).toBe('unreviewed');
      // a label written elsewhere (another window): the strip hears it like the grid does
      await reviewAs(api, judged, 'OK');
      await expect.poll(() => dot.getAttribute('data-state'), { timeout: UI_MS }).toBe('ok');
      // labels leave the images as they were: no thumbnail on screen is fetched again
      expect(thumbCalls).toEqual([]);
    } finally {
      page.off('request', onRequest);
    }
  }, 60_000);

  it('hides on Q, and stays hidden after a reload', async () => {
    await page.keyboard.press('q');
    await strip().waitFor({ state: 'detached', timeout: UI_MS });
    await page.reload();
    await openFirstImage();
    await waitForImage(page, gridOrder[0]!);
    expect(await strip().count()).toBe(0);
    await page.keyboard.press('q');
    await strip().waitFor({ timeout: UI_MS });
    expect(errors).toEqual([]);
  }, 60_000);
});
