import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result, SampleDetail, Taxonomy } from '../../electron/contract';
import { afterPaint } from './support/browser';
import { deepestPoint, type Point } from './support/geometry';
import { distance, hexRgb, pixelAt } from './support/pixels';
import type { RunningServer } from './support/server';
import { openScreenFixture, type ScreenFixture } from './support/screen-fixture';

// Generous: the machine may be busy; a poll returns as soon as the condition holds.
const UI_MS = 30_000;
const IMPORT_MS = 120_000;

const root = resolve(import.meta.dirname, '../..');
const bsdata = resolve(root, '../shared/data/bsdata');

let server: RunningServer;
let fixture: ScreenFixture;
let page: Page;
let errors: string[];
let temp: string;

async function api<T>(method: string, input: unknown): Promise<T> {
  const response = await fetch(new URL(`api/${method}`, server.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  const result = (await response.json()) as Result<T>;
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value;
}

async function camera(): Promise<{ scale: number; x: number; y: number }> {
  const stage = page.getByTestId('viewer-stage');
  const [scale, x, y] = await Promise.all(
    ['data-scale', 'data-x', 'data-y'].map((a) => stage.getAttribute(a)),
  );
  return { scale: Number(scale), x: Number(x), y: Number(y) };
}

beforeAll(async () => {
  fixture = await openScreenFixture(root, 'mau-e2e-', { viewport: { width: 1280, height: 800 } }, []);
  ({ server, page, errors, temp } = fixture);
});

afterAll(() => fixture?.close());

describe('a reviewer imports BSData and looks at a defect', () => {
  it('creates a project, imports the fixture, filters to NG and sees the pitting drawn on the image', async () => {
    // An existing empty folder: the folder list never has to probe a path that is not there yet.
    const projectDir = join(temp, 'project');
    mkdirSync(projectDir);
    await page.goto(server.url);
    await page.getByTestId('picker-path').fill(projectDir);
    await page.getByTestId('picker-create').click();
    await page.getByTestId('browser-screen').waitFor();

    await page.getByTestId('import-button').click();
    await page.getByTestId('import-source').fill(bsdata);
    await page.getByTestId('import-format').selectOption('bsdata');
    await page.getByTestId('import-fixture').check();
    await page.getByTestId('import-start').click();
    await expect.poll(() => page.getByTestId('count-shown').textContent(), { timeout: IMPORT_MS }).toBe('40');
    await expect.poll(() => page.getByTestId('count-total').textContent(), { timeout: UI_MS }).toBe('40');
    await expect
      .poll(() => page.getByTestId('job-row').first().getAttribute('data-state'), { timeout: UI_MS })
      .toBe('done');
    // Thumbnails really arrive, not just tiles.
    await expect
      .poll(
        () =>
          page.evaluate(() =>
            [...document.querySelectorAll<HTMLImageElement>('[data-testid=thumb-tile] img')].some(
              (img) => img.complete && img.naturalWidth > 0,
            ),
          ),
        { timeout: UI_MS },
      )
      .toBe(true);

    await page.getByTestId('facet-verdicts-NG').check();
    await expect.poll(() => page.getByTestId('count-shown').textContent(), { timeout: UI_MS }).toBe('20');
    const tile = page.getByTestId('thumb-tile').first();
    await expect.poll(() => tile.getByTestId('verdict').textContent(), { timeout: UI_MS }).toBe('NG');
    const sampleId = Number(await tile.getAttribute('data-sample-id'));
    await tile.dblclick();
    const stage = page.getByTestId('viewer-stage');
    await page.locator('[data-testid=viewer-stage][data-loaded=true]').waitFor();

    const detail = await api<SampleDetail>('samples:get', { id: sampleId });
    const region = detail.regions.find((r) => r.shape.kind === 'polygon');
    if (!region || region.shape.kind !== 'polygon')
      throw new Error(`sample ${sampleId} has no polygon region`);
    const { point, depth } = deepestPoint(region.shape.points as Point[]);
    expect(depth).toBeGreaterThan(0.5);
    const box = (await stage.boundingBox())!;
    const onScreen = async () => {
      const cam = await camera();
      return { x: cam.x + point[0] * cam.scale, y: cam.y + point[1] * cam.scale, scale: cam.scale };
    };

    // Zoom in with the wheel at the defect: the pixel under the cursor stays under the cursor.
    let target = await onScreen();
    await page.mouse.move(box.x + target.x, box.y + target.y);
    for (let notch = 0; notch < 40 && (await camera()).scale < 12; notch++) {
      await page.mouse.wheel(0, -240);
      await afterPaint(page);
    }
    expect((await camera()).scale).toBeGreaterThanOrEqual(12);
    expect(Number((await page.getByTestId('status-zoom').textContent())?.match(/\d+/)?.[0])).toBeGreaterThan(
      1000,
    );

    // Pan with the middle mouse button.
    const before = await camera();
    target = await onScreen();
    await page.mouse.move(box.x + target.x, box.y + target.y);
    await page.mouse.down({ button: 'middle' });
    await page.mouse.move(box.x + target.x + 60, box.y + target.y + 40, { steps: 4 });
    await page.mouse.up({ button: 'middle' });
    const after = await camera();
    expect(after.x - before.x).toBeCloseTo(60, 0);
    expect(after.y - before.y).toBeCloseTo(40, 0);

    // Compare the same screen pixel with the labels drawn and hidden (the crosshair kept away).
    target = await onScreen();
    expect(target.x).toBeGreaterThan(0);
    expect(target.x).toBeLessThan(box.width);
    await page.mouse.move(2, 2);
    await afterPaint(page);
    const labelled = await pixelAt(stage, target.x, target.y);
    await page.keyboard.press('l');
    await afterPaint(page);
    const plain = await pixelAt(stage, target.x, target.y);
    await page.keyboard.press('l');

    const taxonomy = await api<Taxonomy>('taxonomy:get', {});
    const color = taxonomy.defectTypes.find((t) => t.name === region.defectType)?.color;
    if (!color) throw new Error(`no colour for defect type ${region.defectType}`);
    const typeRgb = hexRgb(color);
    // The region's translucent fill pulls the image pixel toward the defect type's colour.
    expect(distance(labelled, plain)).toBeGreaterThan(8);
    expect(distance(labelled, typeRgb)).toBeLessThan(distance(plain, typeRgb) - 8);

    expect(errors).toEqual([]);
  });
});
