import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LabelRegion, LabelState } from '../../electron/contract/review';
import type { BoxShape, MaskShape } from '../../electron/contract';
import { openScreenFixture, type ScreenFixture } from './support/screen-fixture';
import { distance, pixelAt } from './support/pixels';
import { afterPaint } from './support/browser';
import {
  cameraOf,
  changes,
  clickImage,
  dragImage,
  pagePoint,
  stage,
  stagePoint,
  waitForImage,
} from './support/viewer';

const UI_MS = 30_000;
const root = resolve(import.meta.dirname, '../..');

let fixture: ScreenFixture;
let page: Page;
let errors: string[];
let sampleId: number;
const api = <T>(method: string, input: unknown) => fixture.api<T>(method, input);

async function regions(): Promise<LabelRegion[]> {
  return (await api<LabelState>('labels:get', { sampleId })).regions;
}

async function shapeOf<K extends 'box' | 'mask'>(kind: K): Promise<K extends 'box' ? BoxShape : MaskShape> {
  const region = (await regions()).find((r) => r.shape.kind === kind);
  if (!region) throw new Error(`no ${kind} region saved for sample ${sampleId}`);
  return region.shape as K extends 'box' ? BoxShape : MaskShape;
}

beforeAll(async () => {
  fixture = await openScreenFixture(root, 'mau-e2e-select-', { viewport: { width: 1280, height: 800 } }, [
    { dataset: 'deeppcb', format: 'deeppcb' },
  ]);
  ({ page, errors } = fixture);
  // A defect-free template image: whatever regions it has afterwards were drawn here.
  const samples = await api<{ ids: number[] }>('samples:ids', { filter: { verdicts: ['OK'] } });
  sampleId = samples.ids[0]!;
  await page.goto(fixture.server.url);
  await page.getByTestId('browser-screen').waitFor({ timeout: UI_MS });
  await page.locator(`[data-testid=thumb-tile][data-sample-id="${sampleId}"]`).dblclick();
  await waitForImage(page, sampleId);
});

afterAll(() => fixture?.close());

describe('the select tool (V): click, drag, arrow keys, handles, undo', () => {
  it('selects a box by click, moves it by drag and by Shift+arrows', async () => {
    await page.keyboard.press('r');
    await changes(page, () => dragImage(page, [100, 100], [180, 150]));
    await page.keyboard.press('v');
    await page.keyboard.press('Escape'); // clears the selection the new box got
    await clickImage(page, [140, 125]);
    // One screen pixel of slack: the drag is made of whole page pixels at the fitted zoom.
    const slack = 1 / (await cameraOf(page)).scale + 0.01;
    await changes(page, () => dragImage(page, [140, 125], [170, 145]));
    const dragged = await shapeOf('box');
    expect(Math.abs(dragged.x - 130)).toBeLessThan(slack);
    expect(Math.abs(dragged.y - 120)).toBeLessThan(slack);
    expect(dragged).toMatchObject({ w: 80, h: 50 });

    for (let i = 0; i < 3; i++) await changes(page, () => page.keyboard.press('Shift+ArrowRight'));
    await changes(page, () => page.keyboard.press('Shift+ArrowUp'));
    const nudged = await shapeOf('box');
    expect(nudged.x).toBeCloseTo(dragged.x + 3, 5);
    expect(nudged.y).toBeCloseTo(dragged.y - 1, 5);
    expect(nudged).toMatchObject({ w: 80, h: 50 });
    // Shift+arrows edit the region and leave the image where it is (plain arrows go through the images).
    expect(await page.getByTestId('viewer-stage').getAttribute('data-sample-id')).toBe(String(sampleId));
  });

  it('resizes a brushed mask with its corner handle and Ctrl+arrows, each one undoable', async () => {
    await page.keyboard.press('b');
    for (let i = 0; i < 2; i++) await page.keyboard.press(']');
    await changes(page, () => dragImage(page, [300, 300], [400, 320], 10));
    const painted = await shapeOf('mask');
    await page.keyboard.press('v');
    await page.keyboard.press('Escape');
    await clickImage(page, [350, 310]);
    // The transformer's bottom-right handle sits on the mask's bounds corner.
    const corner: [number, number] = [painted.x + painted.w, painted.y + painted.h];
    const target: [number, number] = [corner[0] + 40, corner[1] + 20];
    // While the handle is held, the stretched mask is already drawn: a point of the stroke's end,
    // stretched with it, lands outside the stored mask and must change colour before the release.
    const strokeEnd: [number, number] = [395, 318];
    const stretchedEnd = await stagePoint(page, [
      painted.x + ((strokeEnd[0] - painted.x) * (painted.w + 40)) / painted.w,
      painted.y + ((strokeEnd[1] - painted.y) * (painted.h + 20)) / painted.h,
    ]);
    const before = await pixelAt(stage(page), ...stretchedEnd);
    await page.mouse.move(...(await pagePoint(page, corner)));
    await page.mouse.down();
    await page.mouse.move(...(await pagePoint(page, target)), { steps: 6 });
    await afterPaint(page);
    expect(distance(before, await pixelAt(stage(page), ...stretchedEnd))).toBeGreaterThan(40);
    await changes(page, () => page.mouse.up());
    const stretched = await shapeOf('mask');
    expect(stretched.x).toBe(painted.x);
    expect(stretched.y).toBe(painted.y);
    expect(Math.abs(stretched.w - (painted.w + 40))).toBeLessThanOrEqual(2);
    expect(Math.abs(stretched.h - (painted.h + 20))).toBeLessThanOrEqual(2);

    await changes(page, () => page.keyboard.press('Control+ArrowRight'));
    await changes(page, () => page.keyboard.press('Control+ArrowUp'));
    const keyed = await shapeOf('mask');
    expect(keyed).toMatchObject({ x: stretched.x, y: stretched.y, w: stretched.w + 1, h: stretched.h - 1 });

    await changes(page, () => page.keyboard.press('Control+z'));
    await changes(page, () => page.keyboard.press('Control+z'));
    expect(await shapeOf('mask')).toMatchObject({ w: stretched.w, h: stretched.h });
    await changes(page, () => page.keyboard.press('Control+z'));
    expect(await shapeOf('mask')).toEqual(painted);
    await changes(page, () => page.keyboard.press('Control+Shift+z'));
    expect(await shapeOf('mask')).toEqual(stretched);
    await changes(page, () => page.keyboard.press('Control+Shift+z'));
    expect(await shapeOf('mask')).toMatchObject({ w: stretched.w + 1, h: stretched.h });
    expect(await regions()).toHaveLength(2);
    expect(errors).toEqual([]);
  });
});
