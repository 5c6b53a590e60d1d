import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reviewAs } from './support/api';
import { tabTo } from './support/evaluation';
import { openScreenFixture, type ScreenFixture } from './support/screen-fixture';

const UI_MS = 30_000;
const root = resolve(import.meta.dirname, '../..');
// BSData's later, larger frames: every one of them shows pitting (shared/data/bsdata/README.md)
const SEARCH = 'crop_1';

let fixture: ScreenFixture;
let page: Page;
let errors: string[];
let filtered: number[];
const api = <T>(method: string, input: unknown) => fixture.api<T>(method, input);

beforeAll(async () => {
  fixture = await openScreenFixture(root, 'mau-e2e-export-', { viewport: { width: 1280, height: 800 } });
  ({ page, errors } = fixture);
  ({ ids: filtered } = await api<{ ids: number[] }>('samples:ids', { filter: { search: SEARCH } }));
  // A reviewer decided one of them; the others are as imported.
  await reviewAs(api, filtered[0]!, 'NG');
}, 120_000);

afterAll(() => fixture?.close());

const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);

/** Presses Export and waits for the report; returns the folder it names. */
async function exportNow(): Promise<string> {
  const folder = page.getByTestId('export-report-folder');
  const before = (await folder.count()) ? await folder.textContent() : null;
  await tabTo(page, 'export-start');
  await page.keyboard.press('Enter');
  await expect
    .poll(() => folder.textContent({ timeout: 500 }).catch(() => null), { timeout: UI_MS })
    .not.toBeOneOf([before, null]);
  return (await folder.textContent())!;
}

describe('the export screen', () => {
  it('exports the filtered images by keyboard, then only the reviewed one, each into a new folder', async () => {
    await page.goto(fixture.server.url);
    await page.getByTestId('browser-screen').waitFor({ timeout: UI_MS });
    await page.keyboard.press('/');
    await page.keyboard.type(SEARCH);
    await expect
      .poll(() => page.getByTestId('count-shown').textContent(), { timeout: UI_MS })
      .toBe(String(filtered.length));
    await page.keyboard.press('Escape');
    await page.keyboard.press('x');
    await page.getByTestId('export-screen').waitFor({ timeout: UI_MS });
    expect(await focused()).toBe('export-format-coco');

    // YOLO detect (one arrow down from COCO), on the grid's filter
    await page.keyboard.press('ArrowDown');
    expect(await page.getByTestId('export-format-yolo-detect').isChecked()).toBe(true);
    await tabTo(page, 'export-scope-all');
    await page.keyboard.press('ArrowRight');
    expect(await page.getByTestId('export-scope-filter').isChecked()).toBe(true);
    const yoloDir = await exportNow();
    const report = page.getByTestId('export-report');
    expect(await report.textContent()).toContain(`Exported ${filtered.length} images`);
    // a new folder beside the project, named by the format
    expect(dirname(yoloDir)).toBe(fixture.temp);
    expect(yoloDir).toMatch(/project-yolo-detect-\d{8}-\d{6}$/);
    expect(existsSync(join(yoloDir, 'data.yaml'))).toBe(true);
    const labelFiles = readdirSync(join(yoloDir, 'labels'), { recursive: true }).filter((f) =>
      String(f).endsWith('.txt'),
    );
    expect(labelFiles).toHaveLength(filtered.length);
    // what YOLO cannot hold, once per reason: pits drawn as polygons keep only their boxes
    const notes = await page.getByTestId('export-notes').innerText();
    expect(notes).toContain('polygon: YOLO detect keeps only its bounding box');
    expect(notes.match(/polygon: YOLO detect keeps only its bounding box/g)).toHaveLength(1);

    // COCO of the reviewed image alone: the folder field already offers a new name
    expect(await page.getByTestId('export-out').inputValue()).not.toBe(yoloDir);
    await tabTo(page, 'export-format-yolo-detect');
    await page.keyboard.press('ArrowUp');
    await tabTo(page, 'export-reviewed-only');
    await page.keyboard.press('Space');
    const cocoDir = await exportNow();
    expect(cocoDir).toMatch(/project-coco-\d{8}-\d{6}$/);
    const coco = JSON.parse(readFileSync(join(cocoDir, 'annotations.json'), 'utf8')) as {
      images: { file_name: string }[];
    };
    expect(coco.images).toHaveLength(1);
    expect(await report.textContent()).toContain('Exported 1 image with');
  }, 120_000);

  it('refuses a folder that holds files, naming it, and goes back to the grid on Esc', async () => {
    const used = (await page.getByTestId('export-report-folder').textContent())!;
    await tabTo(page, 'export-out');
    await page.keyboard.press('Control+A');
    await page.keyboard.type(used);
    await page.keyboard.press('Enter');
    const toast = page.locator('.toast', { hasText: 'not empty' });
    await toast.waitFor({ timeout: UI_MS });
    expect(await toast.innerText()).toContain(used);
    // nothing was added to the folder it refused
    expect(readdirSync(used).sort()).toEqual(['annotations.json', 'export-report.json', 'images']);

    await page.getByTestId('export-screen').press('Escape');
    await page.getByTestId('browser-screen').waitFor({ timeout: UI_MS });
    // the refusal itself is the one failed request (HTTP 409) the browser logs
    expect(errors.filter((e) => !e.includes('409 (Conflict)'))).toEqual([]);
  }, 60_000);
});
