/** How many folders above a numbered file the caption names: split, then class ("test/crack/007.png"). */
const FOLDERS_SHOWN = 2;

/**
 * How an image is named in a tile, the viewer's crumbs and the status bar: its file name, or for
 * a numbered file ("000.png", as MVTec, YOLO exports and the demo name them, the same name in
 * every folder) the folders above it too, so images side by side can be told apart without
 * hovering each one.
 */
export function fileCaption(fileName: string, relPath: string): string {
  if (!/^\d+\.[a-z0-9]+$/i.test(fileName)) return fileName;
  const parts = relPath.split(/[\\/]+/).filter(Boolean);
  return parts.slice(-(FOLDERS_SHOWN + 1)).join('/');
}
