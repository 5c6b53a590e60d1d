export const GRID_PAD = 12;
export const GRID_GAP = 10;
const MIN_TILE = 176;
const CAPTION = 44;

export type GridGeometry = { columns: number; tileWidth: number; rowHeight: number };

/** Tiles stretch to fill the width, so there is never a ragged empty band on the right. */
export function gridGeometry(width: number): GridGeometry {
  const inner = Math.max(0, width - GRID_PAD * 2);
  const columns = Math.max(1, Math.floor((inner + GRID_GAP) / (MIN_TILE + GRID_GAP)));
  const tileWidth = Math.floor((inner - GRID_GAP * (columns - 1)) / columns);
  // 4:3 image box, since most inspection cameras are landscape.
  const rowHeight = Math.round((tileWidth * 3) / 4) + CAPTION + GRID_GAP;
  return { columns, tileWidth, rowHeight };
}

/** Rows the grid renders beyond the screen's last, so a short scroll finds its tiles made. */
export const GRID_OVERSCAN = 2;

/** How many tiles a grid of this size renders when scrolled to the top (overscan included). */
export function tilesOnScreen(width: number, height: number): number {
  const { columns, rowHeight } = gridGeometry(width);
  return height > 0 ? (Math.ceil(height / rowHeight) + GRID_OVERSCAN) * columns : 0;
}
