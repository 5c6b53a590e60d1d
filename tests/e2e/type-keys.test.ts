import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LabelState } from '../../electron/contract/review';
import type { Facets, Taxonomy } from '../../electron/contract';
import { openScreenFixture, type ScreenFixture } from './support/screen-fixture';
import { changes, dragImage } from './support/viewer';

const UI_MS = 30_000;
const root = resolve(import.meta.dirname, '../..');

let fixture: ScreenFixture;
let page: Page;
let errors: string[];
let taxonomy: Taxonomy;
const api = <T>(method: string, input: unknown) => fixture.api<T>(method, input);

/** The palette's chips as shown: key (or null) and type name, in order. */
async function chips(): Promise<{ key: string | null; name: string }[]> {
  const texts = await page.getByTestId('type-chip').allInnerTexts();
  return texts.map((text) => {
    const match = /^\s*(\d)?\s*(\S+)\s*$/.exec(text)!;
    return { key: match[1] ?? null, name: match[2]! };
  });
}

/** Types labelled on the images of the category `path` belongs to, from the API. */
async function typesOfCategoryOf(search: string): Promise<string[]> {
  const { ids } = await api<{ ids: number[] }>('samples:ids', { filter: { search } });
  const detail = await api<{ category: string }>('samples:get', { id: ids[0] });
  const facets = await api<Facets>('samples:facets', { filter: { categories: [detail.category] } });
  return facets.defectTypes.filter((f) => f.count > 0).map((f) => f.value);
}

/** Filters the grid by path and opens the first image, as a person would. */
async function openFirstMatching(search: string): Promise<void> {
  await page.goto(fixture.server.url);
  await page.getByTestId('browser-screen').waitFor({ timeout: UI_MS });
  await page.keyboard.press('/');
  await page.keyboard.type(search);
  const tile = page.locator('[data-testid=thumb-tile]').first();
  await expect.poll(() => tile.getAttribute('title'), { timeout: UI_MS }).toContain(search);
  await tile.dblclick();
  await page.locator('[data-testid=viewer-stage][data-loaded=true]').waitFor({ timeout: UI_MS });
}

beforeAll(async () => {
  // two products: the boards' six types take the project's keys 1–6, steel's the rest
  fixture = await openScreenFixture(root, 'mau-e2e-type-keys-', { viewport: { width: 1280, height: 800 } }, [
    { dataset: 'deeppcb', format: 'deeppcb' },
    { dataset: 'neu-det', format: 'auto' },
  ]);
  ({ page, errors } = fixture);
  taxonomy = await api<Taxonomy>('taxonomy:get', {});
});

afterAll(() => fixture?.close());

describe('number keys follow the product on screen', () => {
  it('gives a steel image its own six types on 1–6, one of them a type the project keys left without one', async () => {
    const steel = await typesOfCategoryOf('scratches_');
    expect(steel.sort()).toEqual([
      'crazing',
      'inclusion',
      'patches',
      'pitted_surface',
      'rolled-in_scale',
      'scratches',
    ]);
    const keyless = taxonomy.defectTypes.filter((t) => t.hotkey === null).map((t) => t.name);
    expect(keyless.length).toBeGreaterThan(0);

    await openFirstMatching('scratches_');
    await expect
      .poll(async () =>
        (await chips())
          .slice(0, 6)
          .map((c) => c.name)
          .sort(),
      )
      .toEqual(steel);
    const shown = await chips();
    expect(shown.slice(0, 6).map((c) => c.key)).toEqual(['1', '2', '3', '4', '5', '6']);

    // draw a region and type it with the key of a type that has no project-wide key
    const target = shown.find((c) => keyless.includes(c.name))!;
    expect(target.key).not.toBeNull();
    await page.keyboard.press('r');
    await changes(page, () => dragImage(page, [40, 40], [120, 110]));
    await changes(page, () => page.keyboard.press(target.key!));
    const sampleId = Number(await page.getByTestId('viewer-stage').getAttribute('data-sample-id'));
    const state = await api<LabelState>('labels:get', { sampleId });
    expect(state.regions.filter((r) => r.origin === 'human').map((r) => r.defectType)).toEqual([target.name]);
  });

  it('gives a board its own types first, and says so in the shortcut sheet', async () => {
    const boards = await typesOfCategoryOf('_test.jpg');
    await openFirstMatching('_test.jpg');
    await expect
      .poll(async () =>
        (await chips())
          .slice(0, boards.length)
          .map((c) => c.name)
          .sort(),
      )
      .toEqual([...boards].sort());
    const first = (await chips())[0]!;
    expect(first.key).toBe('1');
    await page.keyboard.press('?');
    const sheet = page.getByTestId('shortcut-sheet');
    await sheet.waitFor({ timeout: UI_MS });
    expect(await sheet.innerText()).toContain(`1\nDefect type: ${first.name}`);
    await page.keyboard.press('Escape');
    expect(errors).toEqual([]);
  });
});
