import type { Page } from 'playwright-core';
import { scrollGrid, type ScrollPlan, type ScrollResult } from './grid-page';

const ROWS = 2000;
const COLUMNS = 7;

/** A static page shaped like the grid (same scroller, tiles of the same size, no images, no script). */
function controlHtml(): string {
  const tile =
    '<div style="height:160px;background:#3a3f47;border-radius:4px;color:#ddd;font:12px sans-serif">tile</div>';
  const row = `<div role="row" style="display:grid;grid-template-columns:repeat(${COLUMNS},1fr);gap:10px;height:230px;padding:0 12px">${tile.repeat(COLUMNS)}</div>`;
  return (
    '<!doctype html><body style="margin:0;background:#1e2126">' +
    `<div data-testid="thumb-grid" style="height:100vh;overflow:auto">${row.repeat(ROWS)}</div>` +
    '<script>window.__benchGrid = { firstPaint: null, frames: [], recording: false };</script></body>'
  );
}

/**
 * The same wheel steps on a static page, in the same browser and run: what this machine's
 * headless Chromium does with scrolling alone, to read the grid's numbers against.
 */
export async function scrollControl(page: Page, plan: ScrollPlan): Promise<ScrollResult> {
  await page.goto('about:blank');
  await page.setContent(controlHtml());
  return scrollGrid(page, plan, { waitForTiles: false });
}
