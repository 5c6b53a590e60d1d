import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HistoryEntry, LabelState } from '../../electron/contract/review';
import type { Taxonomy } from '../../electron/contract';
import { callApi } from './support/api';
import { afterPaint } from './support/browser';
import { distance, pixelAt } from './support/pixels';
import type { RunningServer } from './support/server';
import { openScreenFixture, type ScreenFixture } from './support/screen-fixture';
import { relayEvents, type EventRelay } from './support/events';
import { changes, clickImage, dragImage, stage, stagePoint, waitForImage } from './support/viewer';

const UI_MS = 30_000;
const root = resolve(import.meta.dirname, '../..');

let server: RunningServer;
let fixture: ScreenFixture;
let page: Page;
let errors: string[];
let events: EventRelay;
let sampleId: number;
let typeOf: (hotkey: string) => string;
const api = <T>(method: string, input: unknown) => callApi<T>(server.url, method, input);

/** Opens the image from the grid, as a person would: double-click its tile. */
async function openFromGrid(): Promise<void> {
  await page.getByTestId('browser-screen').waitFor({ timeout: UI_MS });
  await page.locator(`[data-testid=thumb-tile][data-sample-id="${sampleId}"]`).dblclick();
  await waitForImage(page, sampleId);
}

/** How much the labels change the screen pixel at an image point (L hides them; the cursor kept away). */
async function tintAt(p: [number, number]): Promise<number> {
  await page.mouse.move(1, 1);
  const at = await stagePoint(page, p);
  await afterPaint(page);
  const labelled = await pixelAt(stage(page), ...at);
  await page.keyboard.press('l');
  await afterPaint(page);
  const plain = await pixelAt(stage(page), ...at);
  await page.keyboard.press('l');
  await afterPaint(page);
  return distance(labelled, plain);
}

beforeAll(async () => {
  fixture = await openScreenFixture(root, 'mau-e2e-annotate-', { viewport: { width: 1280, height: 800 } }, [
    { dataset: 'deeppcb', format: 'deeppcb' },
  ]);
  ({ server, page, errors } = fixture);
  // A defect-free template image: whatever regions it has afterwards were drawn here.
  const samples = await api<{ ids: number[] }>('samples:ids', { filter: { verdicts: ['OK'] } });
  sampleId = samples.ids[0]!;
  const taxonomy = await api<Taxonomy>('taxonomy:get', {});
  typeOf = (hotkey) => taxonomy.defectTypes.find((t) => t.hotkey === hotkey)!.name;
  events = await relayEvents(page);
});

afterAll(() => fixture?.close());

describe('a reviewer annotates an image with the keyboard and the pointer', () => {
  it('draws a box, a polygon and a brush mask, types them with number keys, sets a verdict, and finds it all after a reload', async () => {
    await page.goto(server.url);
    await openFromGrid();
    expect((await api<LabelState>('labels:get', { sampleId })).regions).toEqual([]);

    await page.keyboard.press('r');
    await changes(page, () => dragImage(page, [100, 100], [180, 150]));
    await changes(page, () => page.keyboard.press('2'));

    await page.keyboard.press('p');
    for (const p of [
      [300, 100],
      [400, 110],
      [410, 200],
      [310, 210],
    ] as [number, number][])
      await clickImage(page, p);
    await changes(page, () => page.keyboard.press('Enter'));
    await changes(page, () => page.keyboard.press('3'));

    await page.keyboard.press('b');
    for (let i = 0; i < 2; i++) await page.keyboard.press(']');
    await expect.poll(() => page.getByTestId('brush-size').textContent()).toBe('16 px');
    await changes(page, () => dragImage(page, [120, 400], [260, 430], 12));
    await changes(page, () => page.keyboard.press('4'));

    await changes(page, () => page.keyboard.press('u'));

    // A degenerate shape is refused at once, with a reason, and nothing is sent.
    await page.keyboard.press('r');
    await clickImage(page, [500, 500]);
    await expect.poll(() => page.getByTestId('toasts-viewer').textContent()).toMatch(/Box not added/);

    await page.reload();
    await openFromGrid();

    const state = await api<LabelState>('labels:get', { sampleId });
    expect(state.verdict).toBe('unsure');
    const byKind = Object.fromEntries(state.regions.map((r) => [r.shape.kind, r]));
    expect(byKind.box).toMatchObject({ defectType: typeOf('2'), shape: { x: 100, y: 100, w: 80, h: 50 } });
    expect(byKind.polygon?.defectType).toBe(typeOf('3'));
    expect(byKind.polygon?.shape.kind === 'polygon' && byKind.polygon.shape.points).toHaveLength(4);
    expect(byKind.mask?.defectType).toBe(typeOf('4'));
    expect(byKind.mask?.shape).toMatchObject({ kind: 'mask', h: expect.any(Number) });
    if (byKind.mask?.shape.kind !== 'mask') throw new Error('no mask');
    expect(byKind.mask.shape.w).toBeGreaterThan(140);
    expect(state.regions).toHaveLength(3);

    // On the canvas: each region's inside is tinted by its fill, and the list names every type.
    await expect.poll(() => page.getByTestId('region-item').count(), { timeout: UI_MS }).toBe(3);
    const names = await page.getByTestId('region-item').allTextContents();
    for (const key of ['2', '3', '4']) expect(names.join(' ')).toContain(typeOf(key));
    for (const p of [
      [140, 125],
      [355, 155],
      [190, 415],
    ] as [number, number][]) {
      expect(await tintAt(p), `tint at ${p}`).toBeGreaterThan(8);
    }
    expect(await page.getByTestId('verdict-unsure').getAttribute('aria-pressed')).toBe('true');
    expect(errors).toEqual([]);
  });

  it('undoes and redoes with Ctrl+Z / Ctrl+Shift+Z, and the undo history survives a reload', async () => {
    const before = await api<LabelState>('labels:get', { sampleId });
    await changes(page, () => page.keyboard.press('Control+z'));
    let state = await api<LabelState>('labels:get', { sampleId });
    expect(state.verdict).toBe('NG');
    await changes(page, () => page.keyboard.press('Control+z'));
    state = await api<LabelState>('labels:get', { sampleId });
    expect(state.regions.find((r) => r.shape.kind === 'mask')?.defectType).not.toBe(typeOf('4'));

    await page.reload();
    await openFromGrid();
    await changes(page, () => page.keyboard.press('Control+Shift+z'));
    state = await api<LabelState>('labels:get', { sampleId });
    expect(state.regions.find((r) => r.shape.kind === 'mask')?.defectType).toBe(typeOf('4'));
    expect(state.verdict).toBe('NG');
    expect(state.canRedo).toBe(true);
    await changes(page, () => page.keyboard.press('Control+Shift+z'));
    state = await api<LabelState>('labels:get', { sampleId });
    expect(state.verdict).toBe(before.verdict);
    expect(state.canRedo).toBe(false);

    // The history panel lists the revisions; Enter restores the one chosen (as a new revision).
    await page.keyboard.press('y');
    await page.getByTestId('history-panel').waitFor();
    const history = await api<HistoryEntry[]>('labels:history', { sampleId });
    await expect.poll(() => page.getByTestId('history-item').count()).toBe(history.length);
    const boxAdded = history.findIndex((e) => e.summary.startsWith('added a box'));
    for (let i = 0; i < boxAdded; i++) await page.keyboard.press('ArrowDown');
    await changes(page, () => page.keyboard.press('Enter'));
    state = await api<LabelState>('labels:get', { sampleId });
    expect(state.regions.map((r) => r.shape.kind)).toEqual(['box']);
    expect(state.canUndo).toBe(true);
    expect(errors).toEqual([]);
  });

  it('shows another window’s edit at once, and refuses a stale edit with a toast and the newer state', async () => {
    const current = await api<LabelState>('labels:get', { sampleId });
    const other = await api<LabelState>('labels:apply', {
      sampleId,
      baseRevision: current.revision,
      author: 'other-window',
      command: { type: 'setText', level: 4, text: 'Written in another window.' },
    });
    await expect
      .poll(() => page.getByTestId('text-l4').inputValue(), { timeout: UI_MS })
      .toBe('Written in another window.');
    await expect.poll(() => stage(page).getAttribute('data-revision')).toBe(String(other.revision));

    // The other window writes again while this window has not heard of it yet (its events are
    // late), so this window's next edit is based on a revision that is no longer the newest.
    events.hold();
    const newer = await api<LabelState>('labels:apply', {
      sampleId,
      baseRevision: other.revision,
      author: 'other-window',
      command: { type: 'setVerdict', verdict: 'NG' },
    });
    expect(await stage(page).getAttribute('data-revision')).toBe(String(other.revision));
    await page.keyboard.press('o');
    await expect
      .poll(() => page.getByTestId('toasts-viewer').textContent(), { timeout: UI_MS })
      .toMatch(/Changed in another window — showing the newer state/);
    events.release();
    await expect.poll(() => stage(page).getAttribute('data-revision')).toBe(String(newer.revision));
    expect(await page.getByTestId('verdict-NG').getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByTestId('save-status').textContent()).toBe('not saved');
    expect((await api<LabelState>('labels:get', { sampleId })).verdict).toBe('NG');
    // The browser itself logs the refused request (HTTP 409); the app handled it, so only that one is allowed.
    expect(errors.filter((e) => !/status of 409 \(Conflict\)/.test(e))).toEqual([]);
    expect(errors).toHaveLength(1);
  });

  it('remaps a key in the settings, refuses a taken one by name, and keeps the change after a reload', async () => {
    await page.keyboard.press('Control+,');
    const row = page.locator('[data-action="viewer:verdictUnsure"]');
    await row.getByTestId('keymap-change').click();
    await page.keyboard.press('x');
    await expect
      .poll(() => page.getByTestId('keymap-message').textContent())
      .toMatch(/x is already used by “Mark the selected prediction a false positive”/);
    await page.keyboard.press('k');
    await expect.poll(() => row.locator('kbd').allTextContents()).toEqual(['K']);
    await page.keyboard.press('Escape');

    await page.reload();
    await openFromGrid();
    await changes(page, () => page.keyboard.press('k'));
    expect((await api<LabelState>('labels:get', { sampleId })).verdict).toBe('unsure');
    await page.keyboard.press('F1');
    const sheet = page.getByTestId('shortcut-sheet');
    await expect
      .poll(() => sheet.getByTestId('shortcut-row').filter({ hasText: 'Verdict unsure' }).textContent())
      .toMatch(/^KVerdict unsure/);
    await page.keyboard.press('Escape');
    expect(errors.filter((e) => !/status of 409 \(Conflict\)/.test(e))).toEqual([]);
  });
});
